import { describe, expect, it } from 'vitest';
import { createBigramCoder } from './bigram-index';
import { bigramText, bigrams, diceOfBigrams } from './normalize';

// Pairs of texts: identical, reworded, repeated bigrams, one character, empty, full-width and
// punctuation that bigramText drops, characters outside the BMP (surrogate pairs), Latin.
const PAIRS: [string, string][] = [
  ['加快建设湖北实验室，推动光谷科技创新大走廊核心承载区建设', '加快建设湖北实验室，推动光谷科技创新大走廊核心承载区建设'],
  ['加快建设湖北实验室，推动光谷科技创新大走廊核心承载区建设', '加快建设湖北实验室和光谷科技创新大走廊'],
  ['科技科技科技创新', '科技创新创新'],
  ['科', '科'],
  ['科', '科技'],
  ['', '科技'],
  ['', ''],
  ['（一）实施高新技术企业倍增计划；', '(一)实施高新技术企业倍增计划'],
  ['建设𠀀𠀁实验室', '建设𠀀𠀂实验室'],
  ['R&D投入强度达到3.5%', 'R&D 投入强度 3.5%'],
  ['“揭榜挂帅”《实施方案》', '揭榜挂帅实施方案'],
];

describe('integer-coded bigram bags', () => {
  it.each(PAIRS)('give the same Dice as the string bigrams: %s | %s', (a, b) => {
    const coder = createBigramCoder();
    expect(coder.dice(coder.bag(a), coder.bag(b))).toBe(diceOfBigrams(bigrams(a), bigrams(b)));
    expect(coder.dice(coder.bag(b), coder.bag(a))).toBe(diceOfBigrams(bigrams(b), bigrams(a)));
  });

  it('list the bigrams in the order and with the counts bigrams() gives', () => {
    const coder = createBigramCoder();
    for (const [a, b] of PAIRS)
      for (const text of [a, b]) {
        const bag = coder.bag(text);
        const strings = bigrams(text);
        expect(bag.ids).toHaveLength(strings.size);
        expect([...bag.counts]).toEqual([...strings.values()]);
        expect(bag.total).toBe([...strings.values()].reduce((x, y) => x + y, 0));
        // The same bigram gets the same number in every bag of one coder.
        expect(coder.bagOfCut(bigramText(text)).ids).toEqual(bag.ids);
      }
  });

  it('give a text\'s distinct bigrams without a bag, leaving the counts of the next bag exact', () => {
    const coder = createBigramCoder();
    for (const [a, b] of PAIRS) {
      const cut = bigramText(a);
      const distinct = [...coder.distinctOfCut(cut)];
      expect(distinct).toEqual([...coder.bagOfCut(cut).ids]);
      // A second pass over the same text numbers nothing new, and the bag after it counts from zero.
      const size = coder.size();
      expect([...coder.distinctOfCut(cut)]).toEqual(distinct);
      expect(coder.size()).toBe(size);
      expect([...coder.bag(b).counts]).toEqual([...bigrams(b).values()]);
    }
  });
});
