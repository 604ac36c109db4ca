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

/** A coder: numbers bigrams (a text of one character: that character) as first seen. */
export function createBigramCoder() {
  // A bigram's key is first × 65537 + second UTF-16 unit + 65537 (a lone character: its code), so keys never clash.
  const numbers = new Map<number, number>();
  let tally = new Uint32Array(1024);
  const order: number[] = [];
  const numberOf = (key: number) => {
    let n = numbers.get(key);
    if (n === undefined) {
      numbers.set(key, (n = numbers.size));
      if (n >= tally.length) {
        const grown = new Uint32Array(tally.length * 2);
        grown.set(tally);
        tally = grown;
      }
    }
    return n;
  };
  const count = (n: number) => {
    if (tally[n]!++ === 0) order.push(n);
  };
  /** The bag of a text already cut by bigramText. */
  function bagOfCut(t: string): BigramBag {
    order.length = 0;
    if (t.length === 1) count(numberOf(t.charCodeAt(0)));
    for (let i = 1; i < t.length; i++) count(numberOf((t.charCodeAt(i - 1) + 1) * 65537 + t.charCodeAt(i)));
    const ids = Int32Array.from(order);
    const counts = new Uint32Array(ids.length);
    let total = 0;
    for (let k = 0; k < ids.length; k++) {
      total += counts[k] = tally[ids[k]!]!;
      tally[ids[k]!] = 0;
    }
    return { ids, counts, total };
  }
  let scratch = new Uint32Array(1024);
  return {
    bagOfCut,
    /** The bag of any text (bigramText applied first). */
    bag: (s: string) => bagOfCut(bigramText(s)),
    /** How many bigrams this coder has numbered (bag ids are below it). */
    size: () => numbers.size,
    /** Dice similarity of two bags of this coder, 0–1 (the same value as diceOfBigrams). */
    dice(a: BigramBag, b: BigramBag): number {
      const total = a.total + b.total;
      if (total === 0) return 0;
      if (scratch.length < numbers.size) scratch = new Uint32Array(Math.max(numbers.size, scratch.length * 2));
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
