import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDefaultData } from './seed-data';

const dir = join(import.meta.dirname, '../../../seeds');

describe('seeds/default-data.json', () => {
  const files = readdirSync(dir)
    .filter((n) => /^\d{3}_.*\.txt$/u.test(n))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const built = buildDefaultData(files);

  it('is exactly what the parser produces from the seed texts (run `npm run seeds` after changing the parser)', () => {
    const committed = JSON.parse(readFileSync(join(dir, 'default-data.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(built)));
  });

  it('holds the five documents, 111 tasks with unique keys, the clusters and the positioning', () => {
    expect(built.documents.map((d) => d.id)).toEqual(['doc-000', 'doc-001', 'doc-002', 'doc-003', 'doc-004']);
    expect(built.documents.every((d) => d.title && d.shortTitle)).toBe(true);
    expect(built.tasks).toHaveLength(20 + 22 + 54 + 15);
    expect(new Set(built.tasks.map((t) => t.key)).size).toBe(built.tasks.length);
    expect(built.tasks.every((t) => t.origin === 'seed')).toBe(true);
    expect(built.clusters).toHaveLength(10);
    expect(built.indicatorTables['doc-003']).toHaveLength(10);
    expect(built.districtPositioning.length).toBeGreaterThanOrEqual(16);
  });
});
