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
 * Bigram numbers by key, in an open-addressing table of typed arrays. A bigram's key is its two
 * UTF-16 units as one 32-bit number; a Map of such keys (mostly above the small-integer range)
 * boxed every key and made numbering the ledger's bigrams most of an import's index time.
 */
function createBigramTable() {
  let bits = 12;
  let keys = new Uint32Array(1 << bits);
  let values = new Int32Array(1 << bits).fill(-1);
  let size = 0;
  const slot = (key: number, k: Uint32Array, v: Int32Array, b: number) => {
    const mask = (1 << b) - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> (32 - b);
    while (v[h] !== -1 && k[h] !== key) h = (h + 1) & mask;
    return h;
  };
  const grow = () => {
    const b = bits + 1;
    const k = new Uint32Array(1 << b);
    const v = new Int32Array(1 << b).fill(-1);
    for (let i = 0; i < keys.length; i++)
      if (values[i] !== -1) {
        const h = slot(keys[i]!, k, v, b);
        k[h] = keys[i]!;
        v[h] = values[i]!;
      }
    bits = b;
    keys = k;
    values = v;
  };
  return {
    /** The number of `key`, or `next` (then recorded) when it has none yet. */
    numberOf(key: number, next: number): number {
      const h = slot(key, keys, values, bits);
      if (values[h] !== -1) return values[h]!;
      keys[h] = key;
      values[h] = next;
      // Kept at most half full, so that probes stay short.
      if (++size * 2 > keys.length) grow();
      return next;
    },
  };
}

/** A coder: numbers bigrams (a text of one character: that character) as first seen. */
export function createBigramCoder() {
  const pairs = createBigramTable();
  // A lone character (a text of one character) is numbered apart: its key could be a bigram's.
  const singles = new Map<number, number>();
  let numbered = 0;
  let tally = new Uint32Array(1024);
  const order: number[] = [];
  const counted = (n: number) => {
    if (n === numbered) {
      numbered++;
      if (n >= tally.length) {
        const grown = new Uint32Array(tally.length * 2);
        grown.set(tally);
        tally = grown;
      }
    }
    if (tally[n]!++ === 0) order.push(n);
  };
  /** Count the bigrams of a cut text into `order` (first-seen) and `tally`. */
  function countCut(t: string): void {
    order.length = 0;
    if (t.length === 1) {
      const c = t.charCodeAt(0);
      let n = singles.get(c);
      if (n === undefined) singles.set(c, (n = numbered));
      counted(n);
    }
    for (let i = 1; i < t.length; i++) counted(pairs.numberOf(((t.charCodeAt(i - 1) << 16) | t.charCodeAt(i)) >>> 0, numbered));
  }
  /** Move the counted bigrams into `ids` / `counts` (from `at`), clearing the tally; returns the total. */
  function takeCounted(ids: Int32Array, counts: Uint32Array, at: number): number {
    let total = 0;
    for (let k = 0; k < order.length; k++) {
      const g = order[k]!;
      ids[at + k] = g;
      total += counts[at + k] = tally[g]!;
      tally[g] = 0;
    }
    return total;
  }
  /** The bag of a text already cut by bigramText. */
  function bagOfCut(t: string): BigramBag {
    countCut(t);
    const ids = new Int32Array(order.length);
    const counts = new Uint32Array(order.length);
    return { ids, counts, total: takeCounted(ids, counts, 0) };
  }
  /**
   * The bags of many cut texts, laid out in two shared arrays (views into them): one allocation
   * for a whole ledger instead of two per task, which the garbage collector felt at 50,000 tasks.
   */
  function bagsOfCuts(cuts: readonly string[]): BigramBag[] {
    // A text of n characters has at most max(n - 1, 1) distinct bigrams.
    let room = 0;
    for (const t of cuts) room += Math.max(t.length - 1, 1);
    const ids = new Int32Array(room);
    const counts = new Uint32Array(room);
    let at = 0;
    return cuts.map((t) => {
      countCut(t);
      const n = order.length;
      const total = takeCounted(ids, counts, at);
      const bag = { ids: ids.subarray(at, at + n), counts: counts.subarray(at, at + n), total };
      at += n;
      return bag;
    });
  }
  let scratch = new Uint32Array(1024);
  return {
    bagOfCut,
    bagsOfCuts,
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
