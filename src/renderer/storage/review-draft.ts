/**
 * The 政策文件 being added // 未保存的政策文件: the pasted text and the review's corrections,
 * kept in localStorage (local to this installation, like the unload stash of drafts.ts) so that
 * leaving the page, reloading or closing the window loses none of it. Cleared when the document
 * is saved or the officer discards it.
 */

import { localStore as store } from './local-store';

const KEY = 'ledger.documentReview';

/** What is kept: the text, the file it came from, and the review (undefined before 识别任务). */
export interface KeptReview<D> {
  text: string;
  fileName: string;
  draft?: D;
  /** When it was last kept (ISO). */
  at: string;
}

/** The kept review, if any (a damaged one is dropped). */
export function readKeptReview<D>(): KeptReview<D> | undefined {
  const raw = store()?.getItem(KEY);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<KeptReview<D>>;
    if (typeof v.text !== 'string' || typeof v.fileName !== 'string' || typeof v.at !== 'string') throw new Error('shape');
    return { text: v.text, fileName: v.fileName, at: v.at, ...(v.draft ? { draft: v.draft } : {}) };
  } catch (e) {
    console.error(`kept document review unreadable, dropped: ${String(e)}`);
    store()?.removeItem(KEY);
    return undefined;
  }
}

/** Keep the review (nothing typed yet: forget it). Returns false when the store refused it (full). */
export function keepReview<D>(v: Omit<KeptReview<D>, 'at'> | undefined): boolean {
  const s = store();
  if (!s) return false;
  if (!v || (!v.text.trim() && !v.draft)) {
    s.removeItem(KEY);
    return true;
  }
  try {
    s.setItem(KEY, JSON.stringify({ ...v, at: new Date().toISOString() }));
    return true;
  } catch (e) {
    console.error(`document review not kept: ${String(e)}`);
    return false;
  }
}
