import { useEffect, useState } from 'react';
import { loadPinyin, pinyinLoaded } from '@core/search';

/**
 * Loads the pinyin dictionary (a chunk of its own, ≈200 KB) after the page's first paint and
 * re-renders once it is in, so pinyin initials ("yjgjyf") work without slowing the app's start.
 * True once loaded.
 */
export function usePinyin(): boolean {
  const [ready, setReady] = useState(pinyinLoaded);
  useEffect(() => {
    if (ready) return;
    let live = true;
    // After the first paint: a timer (not a microtask), so the grid's first frame comes first.
    const timer = setTimeout(() => {
      void loadPinyin().then(() => {
        if (live) setReady(true);
      });
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
