import { describe, expect, it } from 'vitest';
import { bindingRows, fnv1a, makeBinding, readBinding, roundId } from './round';
import { columnLetter, dateText } from './sheet-layout';

describe('binding', () => {
  const round = { id: 'R2025Q3-abc', district: '汉阳区', periodId: '2025-Q3' };
  const b = makeBinding(round, '区科技局', ['2023YD-01', '2023YD-07']);
  it('reads back what was written', () => expect(readBinding(bindingRows(b))).toEqual({ ok: true, binding: b }));
  it('reads back with rows in another order (a re-sorted binding sheet)', () => expect(readBinding([...bindingRows(b)].reverse())).toEqual({ ok: true, binding: b }));
  it.each<[string, (rows: string[][]) => string[][], 'absent' | 'damaged']>([
    ['no sheet', () => [], 'absent'],
    ['unit changed by hand', (r) => r.map((x) => (x[0] === 'unit' ? ['unit', '区经信局'] : x)), 'damaged'],
    ['a task key added', (r) => r.map((x) => (x[0] === 'taskKeys' ? ['taskKeys', `${x[1]},2023YD-09`] : x)), 'damaged'],
    ['period changed', (r) => r.map((x) => (x[0] === 'periodId' ? ['periodId', '2025-Q4'] : x)), 'damaged'],
    ['another format', (r) => r.map((x) => (x[0] === 'format' ? ['format', 'x'] : x)), 'damaged'],
  ])('%s → %s', (_, edit, reason) => expect(readBinding(edit(bindingRows(b).map((r) => [...r])))).toEqual({ ok: false, reason }));
  it('fnv1a is the published 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
  });
  it('round ids carry the period', () => expect(roundId('2025-Q3', '2025-10-01T00:00:00.000Z')).toMatch(/^R2025Q3-[0-9a-z]+$/));
  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [27, 'AB']])('column %i is %s', (i, l) => expect(columnLetter(i)).toBe(l));
  it('dateText', () => expect(dateText('2025-10-08')).toBe('2025年10月8日'));
});
