import { describe, expect, it } from 'vitest';
import { cleanSavedColumns } from './ledger';

describe('the remembered columns of the ledger', () => {
  it('keeps what is well formed', () => {
    const saved = { hidden: ['section', 'progress'], widths: { title: 300, seq: 66 }, sort: [{ id: 'percent', desc: true }, { id: 'title', desc: false }] };
    expect(cleanSavedColumns(saved)).toEqual(saved);
  });

  it.each([
    ['not an object', 'x', {}],
    ['null', null, {}],
    ['a sort that is not a list', { sort: 'title' }, {}],
    ['a sort of an unknown column or without a direction', { sort: [{ id: 'gone', desc: true }, { id: 'title' }, null, 7, { id: 'seq', desc: false }] }, { sort: [{ id: 'seq', desc: false }] }],
    ['hidden columns that do not exist', { hidden: ['section', 'x', 3] }, { hidden: ['section'] }],
    ['widths out of range or not numbers', { widths: { title: 5000, seq: -1, document: '120', percent: Number.NaN, status: 90, nope: 100 } }, { widths: { status: 90 } }],
    ['widths as a list', { widths: [1, 2] }, {}],
  ])('drops %s, so the ledger opens with the defaults there', (_what, saved, expected) => {
    expect(cleanSavedColumns(saved)).toEqual(expected);
  });
});
