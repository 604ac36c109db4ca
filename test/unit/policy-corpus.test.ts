/**
 * The policy-text parser on the corpus of real documents it was not first written against
 * (test/fixtures/policy/corpus, gold files hand-checked). `npm run policy-score` prints the
 * same numbers per document.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, GOLD_DIR, MEASURES, precision, recall, scoreCorpus } from '../../scripts/policy-score-lib';

describe('policy corpus', () => {
  const { docs, total, docNumbers, titles } = scoreCorpus();

  it('holds at least 20 documents, each with its gold file', () => {
    const texts = readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt')).sort();
    const golds = readdirSync(GOLD_DIR).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/u, '.txt')).sort();
    expect(texts.length).toBeGreaterThanOrEqual(20);
    expect(golds).toEqual(texts);
    expect(docs).toHaveLength(texts.length);
  });

  it.each(MEASURES.filter((m) => m !== 'indicators'))('%s: precision and recall at least 95 %%', (m) => {
    expect(precision(total[m])).toBeGreaterThanOrEqual(0.95);
    expect(recall(total[m])).toBeGreaterThanOrEqual(0.95);
  });

  it('no indicator row is invented where the texts hold none', () => {
    expect(total.indicators.pred).toBe(total.indicators.gold);
  });

  it('every document’s 文号 and title (no cited 文号, titles split over lines joined)', () => {
    expect(docs.filter((d) => !d.docNumberOk || !d.titleOk).flatMap((d) => d.misses.filter((m) => /文号|文件标题/u.test(m)))).toEqual([]);
    expect([docNumbers, titles]).toEqual([docs.length, docs.length]);
  });
});

describe('held-out policy documents (kept apart while the parser was changed; see README)', () => {
  const base = join(CORPUS_DIR, '..', 'heldout');
  const { total, docNumbers, titles, docs } = scoreCorpus(join(base, 'corpus'), join(base, 'gold'));
  it.each(MEASURES.filter((m) => m !== 'indicators'))('%s: precision and recall at least 95 %%', (m) => {
    expect(precision(total[m]) ?? 1).toBeGreaterThanOrEqual(0.95);
    expect(recall(total[m]) ?? 1).toBeGreaterThanOrEqual(0.95);
  });
  it('文号 and titles', () => expect([docNumbers, titles]).toEqual([docs.length, docs.length]));
});
