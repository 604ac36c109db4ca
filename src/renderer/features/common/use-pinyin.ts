import { useEffect, useState } from 'react';
import { loadPinyin, pinyinLoaded } from '@core/search';

/**
 * Loads the pinyin dictionary (a chunk of its own, ≈200 KB) once the page has painted what it
 * shows, and re-renders once it is in, so pinyin initials ("yjgjyf") work without slowing the
 * app's start. `shown`: the page's content is on screen (a page still reading its data passes
 * false, so the dictionary does not compete with the first rows). True once loaded.
 */
export function usePinyin(shown = true): boolean {
  const [ready, setReady] = useState(pinyinLoaded);
  useEffect(() => {
    if (ready || !shown) return;
    let live = true;
    // After the next paint: the frame's callback runs just before it is painted, a timer set
    // there runs after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        void loadPinyin().then(() => {
          if (live) setReady(true);
        });
      }, 0);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, shown]);
  return ready;
}
