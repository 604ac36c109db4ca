/**
 * Integer-coded character bigrams for import matching. Each distinct bigram gets a small number
 * (in the order first seen, one numbering per coder), and a text's bag lists its bigram numbers
 * in the order they first occur with their counts. Dice is then two passes over typed arrays
 * instead of string-keyed Map lookups, and gives exactly normalize.ts diceOfBigrams of the same
 * texts. Only bags of one coder compare.
 */
import { bigramText } from './normalize';

/** A text's bigrams, integer-coded. */
export interface BigramBag {
  /** Distinct bigram numbers, in the order they first occur in the text (as bigrams() lists them). */
  ids: Int32Array;
  /** How often each bigram occurs, aligned with `ids`. */
  counts: Uint32Array;
  /** Bigrams in all (the sum of `counts`). */
  total: number;
}

/**
 * A coder: numbers bigrams (a text of one character: that character) as first seen.
 *
 * A bigram's key is its two UTF-16 units as one 32-bit number, looked up in an open-addressing
 * table of typed arrays (a Map of such keys, mostly above V8's small integers, boxed every key).
 * The lookup and the count are one loop over locals: a 10,000-row plan took 0.85× the time it took
 * with a helper function per bigram (Node, interleaved runs).
 */
export function createBigramCoder() {
  // The table: keys (as int32) and bigram numbers; a slot is free while its number is -1.
  let bits = 12;
  let keys = new Int32Array(1 << bits);
  let values = new Int32Array(1 << bits).fill(-1);
  let filled = 0;
  /** Double the table, every key moved to its slot in the larger one. */
  const grow = () => {
    const b = bits + 1;
    const mask = (1 << b) - 1;
    const k = new Int32Array(1 << b);
    const v = new Int32Array(1 << b).fill(-1);
    for (let i = 0; i < keys.length; i++)
      if (values[i] !== -1) {
        let h = Math.imul(keys[i]!, 0x9e3779b1) >>> (32 - b);
        while (v[h] !== -1) h = (h + 1) & mask;
        k[h] = keys[i]!;
        v[h] = values[i]!;
      }
    bits = b;
    keys = k;
    values = v;
  };
  // A lone character (a text of one character) is numbered apart: its key could be a bigram's.
  const singles = new Map<number, number>();
  let numbered = 0;
  let tally = new Uint32Array(1024);
  // The bigram numbers of the text being counted, in first-seen order: order[0 … seen - 1].
  let order = new Int32Array(256);
  let seen = 0;
  /** Room in the tally for bigram number n. */
  const tallyRoom = (n: number) => {
    if (n < tally.length) return;
    const grown = new Uint32Array(Math.max(tally.length * 2, n + 1));
    grown.set(tally);
    tally = grown;
  };
  /** Count the bigrams of a cut text into `order` (first-seen) and `tally`. */
  function countCut(t: string): void {
    seen = 0;
    // A text of n characters has at most max(n - 1, 1) distinct bigrams.
    if (order.length < t.length) order = new Int32Array(t.length * 2);
    if (t.length === 1) {
      const c = t.charCodeAt(0);
      let n = singles.get(c);
      if (n === undefined) {
        singles.set(c, (n = numbered++));
        tallyRoom(n);
      }
      tally[n] = 1;
      order[seen++] = n;
    }
    // The loop works on locals (captured variables it changed would be read from memory at every step).
    let k = keys;
    let v = values;
    let tl = tally;
    const ord = order;
    let num = numbered;
    let sn = seen;
    let shift = 32 - bits;
    let mask = (1 << bits) - 1;
    let prev = t.charCodeAt(0);
    for (let i = 1; i < t.length; i++) {
      const c = t.charCodeAt(i);
      const key = (prev << 16) | c;
      prev = c;
      let h = Math.imul(key, 0x9e3779b1) >>> shift;
      let n = v[h]!;
      while (n !== -1 && k[h] !== key) {
        h = (h + 1) & mask;
        n = v[h]!;
      }
      if (n === -1) {
        n = num++;
        k[h] = key;
        v[h] = n;
        // Kept at most half full, so that probes stay short.
        if (++filled * 2 > k.length) {
          grow();
          k = keys;
          v = values;
          shift = 32 - bits;
          mask = (1 << bits) - 1;
        }
        if (n >= tl.length) {
          tallyRoom(n);
          tl = tally;
        }
      }
      if (tl[n]!++ === 0) ord[sn++] = n;
    }
    numbered = num;
    seen = sn;
  }
  /** The bag of a text already cut by bigramText (the tally cleared for the next text). */
  function bagOfCut(t: string): BigramBag {
    countCut(t);
    const ids = order.slice(0, seen);
    const counts = new Uint32Array(seen);
    let total = 0;
    for (let k = 0; k < seen; k++) {
      const g = order[k]!;
      total += counts[k] = tally[g]!;
      tally[g] = 0;
    }
    return { ids, counts, total };
  }
  /**
   * The distinct bigram numbers of a cut text, in first-seen order, without a bag: a view of the
   * coder's scratch, good until its next call. (An index of a whole ledger needs only these; its
   * bags are made for the tasks a row is compared with.)
   */
  function distinctOfCut(t: string): Int32Array {
    countCut(t);
    for (let k = 0; k < seen; k++) tally[order[k]!] = 0;
    return order.subarray(0, seen);
  }
  let scratch = new Uint32Array(1024);
  return {
    bagOfCut,
    distinctOfCut,
    /** The bag of any text (bigramText applied first). */
    bag: (s: string) => bagOfCut(bigramText(s)),
    /** How many bigrams this coder has numbered (bag ids are below it). */
    size: () => numbered,
    /** Dice similarity of two bags of this coder, 0–1 (the same value as diceOfBigrams). */
    dice(a: BigramBag, b: BigramBag): number {
      const total = a.total + b.total;
      if (total === 0) return 0;
      if (scratch.length < numbered) scratch = new Uint32Array(Math.max(numbered, scratch.length * 2));
      const small = a.ids.length < b.ids.length ? a : b;
      const large = small === a ? b : a;
      for (let k = 0; k < small.ids.length; k++) scratch[small.ids[k]!] = small.counts[k]!;
      let common = 0;
      for (let k = 0; k < large.ids.length; k++) {
        const v = scratch[large.ids[k]!]!;
        if (v) common += Math.min(v, large.counts[k]!);
      }
      for (let k = 0; k < small.ids.length; k++) scratch[small.ids[k]!] = 0;
      return (2 * common) / total;
    },
  };
}
