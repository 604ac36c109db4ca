import { describe, expect, it } from 'vitest';
import { columnPoints, pageBreaks, printScale } from './layout';

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
