/**
 * The policy-text parser on the corpus of real documents it was not first written against
 * (test/fixtures/policy/corpus, gold files hand-checked). `npm run policy-score` prints the
 * same numbers per document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, GOLD_DIR, MEASURES, precision, recall, scoreCorpus } from '../../scripts/policy-score-lib';
import { parsePolicyText } from '../../src/core/policy';

describe('policy corpus', () => {
  const { docs, total, docNumbers, titles } = scoreCorpus();

  it('holds at least 20 documents, each with its gold file', () => {
    const texts = readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt')).sort();
    const golds = readdirSync(GOLD_DIR).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/u, '.txt')).sort();
    expect(texts.length).toBeGreaterThanOrEqual(20);
    expect(golds).toEqual(texts);
    expect(docs).toHaveLength(texts.length);
  });

  // A measure with nothing expected and nothing found is not failed (precision and recall of 0/0).
  it.each(MEASURES)('%s: precision and recall at least 95 %%', (m) => {
    expect(precision(total[m]) ?? 1).toBeGreaterThanOrEqual(0.95);
    expect(recall(total[m]) ?? (total[m].pred ? 0 : 1)).toBeGreaterThanOrEqual(0.95);
  });

  it('every document’s 文号 and title (no cited 文号, titles split over lines joined)', () => {
    expect(docs.filter((d) => !d.docNumberOk || !d.titleOk).flatMap((d) => d.misses.filter((m) => /文号|文件标题/u.test(m)))).toEqual([]);
    expect([docNumbers, titles]).toEqual([docs.length, docs.length]);
  });
});

describe('held-out policy documents (kept apart while the parser was changed; see README)', () => {
  const base = join(CORPUS_DIR, '..', 'heldout');
  const { total, docNumbers, titles, docs } = scoreCorpus(join(base, 'corpus'), join(base, 'gold'));
  it.each(MEASURES)('%s: precision and recall at least 95 %%', (m) => {
    expect(precision(total[m]) ?? 1).toBeGreaterThanOrEqual(0.95);
    expect(recall(total[m]) ?? (total[m].pred ? 0 : 1)).toBeGreaterThanOrEqual(0.95);
  });
  it('文号 and titles', () => expect([docNumbers, titles]).toEqual([docs.length, docs.length]));
});

describe('nothing in a text is lost', () => {
  const seeds = join(import.meta.dirname, '..', '..', 'seeds');
  const heldout = join(CORPUS_DIR, '..', 'heldout', 'corpus');
  const files = [
    ...readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt')).map((n) => join(CORPUS_DIR, n)),
    ...readdirSync(heldout).filter((n) => n.endsWith('.txt')).map((n) => join(heldout, n)),
    ...readdirSync(seeds).filter((n) => /^\d{3}_.*\.txt$/u.test(n)).map((n) => join(seeds, n)),
  ];
  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f] as const))('%s: every non-blank line went into a task, heading, header, table or the unplaced list', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const r = parsePolicyText(text);
    const lost = text
      .replace(/\r\n?/gu, '\n')
      .split('\n')
      .map((t, i) => ({ line: i + 1, t }))
      .filter((l) => l.t.trim() && !r.lineUse[l.line]);
    expect(lost).toEqual([]);
    // Every unplaced paragraph is listed with the line it starts on.
    for (const u of r.unplaced) expect(r.lineUse[u.line]).toBe('unplaced');
  });
});
