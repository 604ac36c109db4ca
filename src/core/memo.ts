/**
 * A pure function of a string, remembered: each key is worked out once, and at most `max` keys are
 * kept (then the memory starts over, a bound across imports and sessions). For the small, often
 * repeated strings of a ledger: unit cells, unit names, district names.
 */
export function memoByString<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as T;
    if (kept.size >= max) kept.clear();
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}
