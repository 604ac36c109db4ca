import { describe, expect, it } from 'vitest';
import { MAX_ROW_HEIGHT, columnPoints, estimateLines, linesPerRow, pageBreaks, pageMergedRuns, printPieces, printScale } from './layout';

describe('printScale', () => {
  it.each([
    // The 重点任务推进情况表: 13 columns of 183 units (two at Excel's default width) on A4 landscape, margins 0.4".
    ['tasks, fit to one page wide', [5, 11, 11, 30, 11, 13, 9, 34, 7, 9, 17, 19, 7], { paperSize: 9, orientation: 'landscape', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6 }, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, 784.29 / 960.75, 595.28 - 79.2],
    ['a narrow sheet prints at 100 %', [20, 20], { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, 1, 841.89 - 108],
    ['a fixed scale is its own', [40, 40, 40], { paperSize: 9, scale: 70 }, 0.7, 841.89 - 108],
    ['A3 landscape', [150, 150], { paperSize: 8, orientation: 'landscape', margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5 }, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, (1190.55 - 72) / (2 * columnPoints(150)), 841.89 - 72],
  ] as const)('%s', (_name, widths, setup, scale, pageHeight) => {
    const got = printScale(widths, setup)!;
    expect(got.scale).toBeCloseTo(scale, 3);
    expect(got.pageHeight).toBeCloseTo(pageHeight, 1);
  });

  it('leaves a sheet fit to pages tall to the program', () => {
    expect(printScale([10], { fitToPage: true, fitToWidth: 1, fitToHeight: 2 })).toBeUndefined();
  });
});

describe('pageBreaks', () => {
  // A page holds 100 pt of rows at scale 1 (pageBreaks keeps 3 % at the foot against rounding).
  const opts = { scale: 1, pageHeight: 100 / 0.97, titleRows: [3, 3] as const };
  it.each([
    // heights of rows 1.., last data row, breaks (rows after which a page ends)
    ['everything on one page', [10, 10, 10, 20, 20, 10], 5, []],
    ['rows move to the next page whole, under the repeated header row', [10, 10, 10, 40, 40, 40, 40, 10], 7, [4, 6]],
    ['the sign row never stands alone: the last data row goes with it', [10, 10, 10, 30, 30, 10, 10], 6, [5]],
    ['a long report: every page holds the header and as many rows as fit', [10, 10, 10, ...Array<number>(10).fill(30), 10], 13, [5, 8, 11]],
    ['a sign block of two rows stays with the last data row', [10, 10, 10, 40, 30, 10, 10], 5, [4]],
  ] as const)('%s', (_name, heights, lastDataRow, breaks) => {
    expect(pageBreaks(heights, { ...opts, lastDataRow })).toEqual(breaks);
  });

  it('scales the page: at 50 % a page holds twice the points', () => {
    expect(pageBreaks([10, 10, 10, 60, 60, 60, 60, 10], { ...opts, scale: 0.5, lastDataRow: 7 })).toEqual([5]);
  });
});

describe('pageMergedRuns', () => {
  // A page holds 100 pt of rows at scale 1; rows 1–2 are the title, row 3 the header repeated on
  // every page. Text at 10 pt: a line is 15 pt, a row of n lines 15n + 6 (one line: 21 pt).
  const opts = { scale: 1, pageHeight: 100 / 0.97, titleRows: [3, 3] as const, fontSize: 10 };
  const tens = (k: number) => Array<number>(k).fill(10);
  const key = (text: string) => ({ text, width: 13, naming: true });
  /** A summary text of `lines` lines of four characters each in a 10-wide column. */
  const summary = (lines: number) => ({ text: Array.from({ length: lines }, (_, i) => `第${i + 1}行。`).join('\n'), width: 10, naming: false });
  it.each([
    [
      'a merged text taller than its rows: the extra height on the last row only',
      tens(6), [{ first: 4, last: 6, cells: [key('T-1'), summary(3)] }],
      { heights: [...tens(5), 51 - 20], breaks: [], parts: [{ run: 0, first: 4, last: 6, continued: false, texts: ['T-1', summary(3).text] }] },
    ],
    [
      'rows that hold the merged text keep their own height',
      tens(9), [{ first: 4, last: 9, cells: [key('T-1'), summary(2)] }],
      { heights: tens(9), breaks: [], parts: [{ run: 0, first: 4, last: 9, continued: false, texts: ['T-1', summary(2).text] }] },
    ],
    [
      'a page break merges the run again: the key marked 续, the summary going on from where the page cut it',
      tens(20), [{ first: 4, last: 20, cells: [key('T-1'), summary(6)] }],
      {
        // Page 1: rows 4–10 (70 pt: 4 lines); page 2: rows 11–19; page 3: row 20, as tall as the key marked 续 needs.
        heights: [...tens(19), 21],
        breaks: [10, 19],
        parts: [
          { run: 0, first: 4, last: 10, continued: false, texts: ['T-1', '第1行。\n第2行。\n第3行。\n第4行。\n'] },
          { run: 0, first: 11, last: 19, continued: true, texts: ['T-1（续）', '第5行。\n第6行。'] },
          { run: 0, first: 20, last: 20, continued: true, texts: ['T-1（续）', ''] },
        ],
      },
    ],
    [
      'a run whose rows cannot hold its merged text starts on a page with room for all of it',
      tens(11), [{ first: 4, last: 9, cells: [key('T-1'), summary(1)] }, { first: 10, last: 11, cells: [key('T-2'), summary(3)] }],
      {
        heights: [...tens(10), 51 - 10],
        breaks: [9],
        parts: [
          { run: 0, first: 4, last: 9, continued: false, texts: ['T-1', summary(1).text] },
          { run: 1, first: 10, last: 11, continued: false, texts: ['T-2', summary(3).text] },
        ],
      },
    ],
  ] as const)('%s', (_name, heights, runs, want) => {
    expect(pageMergedRuns(heights, runs, opts)).toEqual(want);
  });

  it('a merged text taller than the largest row spreads over the last rows, each up to MAX_ROW_HEIGHT', () => {
    // At 10 % a page holds 1,000 pt; 40 lines need 606 pt.
    const got = pageMergedRuns(tens(5), [{ first: 4, last: 5, cells: [key('T-1'), summary(40)] }], { ...opts, scale: 0.1 });
    expect(got.heights).toEqual([10, 10, 10, 606 - MAX_ROW_HEIGHT, MAX_ROW_HEIGHT]); // rows 4 and 5 together 606 pt
    expect(got.breaks).toEqual([]);
  });

  it('rows outside the runs page as pageBreaks pages them', () => {
    const heights = [10, 10, 10, ...tens(10).map(() => 30)];
    expect(pageMergedRuns(heights, [], opts).breaks).toEqual(pageBreaks([...heights, 0], { ...opts, lastDataRow: heights.length + 1 }));
  });
});

describe('printPieces', () => {
  // The 进展情况 column of the 重点任务推进情况表: 34 wide, 10 pt, 16 lines to a printed row.
  const [width, size, max] = [34, 10, linesPerRow(10)];
  /** A text of about `lines` lines: clauses of 16 characters, a line each in this column. */
  const textOf = (lines: number) => Array.from({ length: lines }, (_, i) => `第${String(i + 1).padStart(2, '0')}项工作推进顺利完成阶段目标，`).join('');
  it.each([
    ['a text that fits a printed row stays whole', 10, 1],
    ['a text a line or three taller than a printed row stays whole: no 续 row of a line', max + 3, 1],
    ['a text a quarter taller than a printed row is cut in two even halves', Math.ceil(max * 1.25) + 2, 2],
    ['a text of two rows and a line: three even pieces, none a sliver', 2 * max + 1, 3],
  ] as const)('%s', (_name, lines, pieces) => {
    const text = textOf(lines);
    const got = printPieces(text, width, size, max) ?? [text];
    expect(got).toHaveLength(pieces);
    expect(got.join('')).toBe(text);
    const sizes = got.map((p) => estimateLines(p, width, size));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(pieces === 1 ? max + Math.floor(max / 4) : max);
    if (pieces > 1) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(Math.floor(max / 2) - 1);
  });
});
