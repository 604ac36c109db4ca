/**
 * A file waiting to be imported (dropped on the window, or opened from outside). UI state
 * only: the page takes it when it opens.
 */
import { create } from 'zustand';
import type { OpenedFile } from '@shared/bridge';

interface ImportInbox {
  pending: OpenedFile | null;
  offer: (file: OpenedFile) => void;
  take: () => OpenedFile | null;
}

/** The import inbox store. */
export const useImportInbox = create<ImportInbox>((set, get) => ({
  pending: null,
  offer: (file) => set({ pending: file }),
  take: () => {
    const f = get().pending;
    if (f) set({ pending: null });
    return f;
  },
}));
