/**
 * The init script of the cold-start tools: sets `window.__firstRowAt` to the time of the frame
 * after the ledger's first grid row appeared (as bench step 4's watchFirstRow, as a string so that
 * it is sent to the page untouched by tsx).
 */
export const WATCH_FIRST_ROW = `
  const mo = new MutationObserver(() => {
    if (window.__firstRowAt !== undefined || !document.querySelector('[data-testid="task-grid"] [role="row"][data-task-key]')) return;
    mo.disconnect();
    requestAnimationFrame(() => (window.__firstRowAt = performance.now()));
  });
  mo.observe(document, { childList: true, subtree: true });`;
