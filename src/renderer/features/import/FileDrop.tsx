/**
 * Drag a file onto the window to start an import. `useFileDrop` listens on the whole
 * window; `ImportFileDrop` (mounted once in the shell) shows a hint while dragging and
 * hands the dropped file to the import page.
 */
import { useEffect, useState } from 'react';
import type { OpenedFile } from '@shared/bridge';
import { IMPORT_FILE_LIMITS } from '@core/limits';
import { useRoute } from '../../state/route';
import { useImportInbox } from './import-inbox';
import { IMPORT_TEXT } from './texts';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Call `onFile` with a file dropped anywhere on the window; returns whether a file is being dragged over it. */
export function useFileDrop(onFile: (file: OpenedFile) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      // Read at most one byte past the bound: a dropped file of gigabytes is refused by the reader, never loaded.
      const part = file && file.size > IMPORT_FILE_LIMITS.maxBytes ? file.slice(0, IMPORT_FILE_LIMITS.maxBytes + 1) : file;
      if (file && part) void part.arrayBuffer().then((buf) => onFile({ name: file.name, data: new Uint8Array(buf) }));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [onFile]);
  return over;
}

/** Window-wide drop target: a dropped file opens the import page with it. Mount once. */
export function ImportFileDrop() {
  const offer = useImportInbox((s) => s.offer);
  const go = useRoute((s) => s.go);
  const [onFile] = useState(() => (file: OpenedFile) => {
    offer(file);
    go('import');
  });
  const over = useFileDrop(onFile);
  if (!over) return null;
  return (
    <div
      data-testid="import-drop-overlay"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: 'rgba(22,119,255,0.12)',
        border: '3px dashed #1677ff',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: 22,
        color: '#1677ff',
        pointerEvents: 'none',
      }}
    >
      {IMPORT_TEXT.dropOverlay}
    </div>
  );
}
