/** Forget all but the `keep` newest keys of `map` (a Map keeps its keys in insertion order). */
export function keepNewest<K, V>(map: Map<K, V>, keep: number): void {
  for (const old of [...map.keys()].slice(0, Math.max(0, map.size - keep))) map.delete(old);
}
