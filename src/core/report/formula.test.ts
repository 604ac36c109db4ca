import { describe, expect, it } from 'vitest';
import { copyFormulaDown, formulaAfterRowsInserted } from './formula';

describe('copyFormulaDown', () => {
  it.each([
    ['ROW()-2', 5, 'ROW()-2'],
    ['B3&"-"&C3', 2, 'B5&"-"&C5'],
    ['F3/$G$3', 1, 'F4/$G$3'],
    ['SUM($B3:B3)', 3, 'SUM($B6:B6)'],
    ['IF(A3="B3",LOG10(C3),0)', 1, 'IF(A4="B3",LOG10(C4),0)'],
    ['其他表!B3+B3', 1, '其他表!B3+B4'],
  ])('%s copied %i rows down is %s', (f, offset, expected) => {
    expect(copyFormulaDown(f, offset)).toBe(expected);
  });
});

describe('formulaAfterRowsInserted', () => {
  it.each([
    ['COUNTA(B3:B3)', 3, 91, 'COUNTA(B3:B93)'],
    ['SUM($F$3:$F$3)', 3, 10, 'SUM($F$3:$F$12)'],
    ['A5+B2', 3, 4, 'A8+B2'],
    ['B3', 3, 4, 'B3'],
    ['COUNTA(B2:B3)', 3, 1, 'COUNTA(B2:B3)'],
    ['"B3:B3"', 3, 5, '"B3:B3"'],
  ])('%s after data row %i became %i rows is %s', (f, row, count, expected) => {
    expect(formulaAfterRowsInserted(f, row, count)).toBe(expected);
  });
});
