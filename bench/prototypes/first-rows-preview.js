/* global performance, indexedDB, document, MutationObserver */
// PROTOTYPE: first rows from a raw read, before the app's code runs
(function () {
  performance.mark('pre-start');
  const req = indexedDB.open('district-innovation-ledger');
  req.onupgradeneeded = () => req.transaction?.abort();
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction(['tasks', 'documents', 'sections'], 'readonly');
    const out = {};
    for (const n of ['tasks', 'documents', 'sections']) { const r = tx.objectStore(n).getAll(); r.onsuccess = () => { out[n] = r.result; }; }
    tx.oncomplete = () => {
      performance.mark('pre-data');
      db.close();
      const docOrder = new Map(out.documents.map((d, i) => [d.id, i]));
      const active = out.tasks.filter((t) => !t.archived).sort((a, b) => (docOrder.get(a.documentId) ?? 0) - (docOrder.get(b.documentId) ?? 0) || (a.order ?? 0) - (b.order ?? 0));
      const grid = document.createElement('div');
      grid.setAttribute('data-testid', 'task-grid');
      grid.id = 'preview-grid';
      grid.style.cssText = 'position:fixed;left:184px;top:126px;right:16px;bottom:16px;background:#fff;border:1px solid #e5e7eb;overflow:hidden;z-index:1';
      for (const t of active.slice(0, 30)) {
        const row = document.createElement('div');
        row.setAttribute('role', 'row');
        row.dataset.taskKey = 'preview-' + t.key;
        row.style.cssText = 'height:36px;display:flex;align-items:center;border-bottom:1px solid #f0f0f0';
        for (const text of [t.key, t.title, (t.leadUnits || []).join('、'), t.deadlineText || t.deadline || '']) {
          const c = document.createElement('div');
          c.textContent = text;
          c.style.cssText = 'padding:0 8px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;flex:1';
          row.append(c);
        }
        grid.append(row);
      }
      document.body.append(grid);
      performance.mark('pre-paint');
      const mo = new MutationObserver(() => {
        if (document.querySelector('#root [data-testid="task-grid"] [role="row"][data-task-key]')) { performance.mark('real-grid'); grid.remove(); mo.disconnect(); }
      });
      mo.observe(document.getElementById('root'), { childList: true, subtree: true });
    };
  };
})();
