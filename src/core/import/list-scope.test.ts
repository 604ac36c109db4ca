import { describe, expect, it } from 'vitest';
import { listDistrict } from './list-scope';
import type { SheetGrid, TableLayout } from './types';

const grid = (above: string[][]): SheetGrid => ({ name: 'Sheet1', rows: [...above, ['序号', '重点任务'], ['1', '任务']] }) as SheetGrid;
const layout = (headerRow: number) => ({ headerRow, headerRows: 1, columns: [] }) as unknown as TableLayout;

describe('the district a list is titled for', () => {
  it.each([
    [[['汉阳区2025年第三季度科技创新重点任务推进情况表'], ['填报单位（盖章）：汉阳区', '', '报告期：2025年第三季度']], '汉阳区'],
    [[['东湖高新区重点任务清单']], '东湖新技术开发区'],
    [[['武汉经济技术开发区2026年任务']], '武汉经济技术开发区'],
    [[['2026年武汉市科技创新工作要点任务分解表']], undefined],
    [[['汉阳区、武昌区联合任务清单']], undefined],
    [[], undefined],
    // Notes and addressee lines name districts without making the list theirs.
    [[['科教人才优势转化任务清单'], ['填报说明：各区人民政府、东湖高新区管委会按季度更新进展。']], undefined],
    [[['东湖高新区管委会：'], ['请于每季度末报送。']], undefined],
    [[['请汉阳区于每季度末报送，不再另行通知'], ['任务清单']], undefined],
    [[['注：东湖高新区的任务由管委会填报']], undefined],
    [[['重点任务推进情况表'], ['填报单位：汉阳区科技局', '填报日期：2026年3月31日']], '汉阳区'],
    // A district written without 区, at the title's start before a year or a list's words, or as the 填报单位.
    [[['汉阳2025年科教人才优势转化任务推进情况表']], '汉阳区'],
    [[['武汉市东西湖重点任务推进情况表']], '东西湖区'],
    [[['重点任务推进情况表'], ['填报单位：洪山']], '洪山区'],
    [[['江岸科教人才优势转化任务清单']], '江岸区'],
    [[['江汉大学科技成果转化任务清单']], undefined],
    [[['青山绿水工程任务清单']], undefined],
    [[['2025年武汉阳逻港建设任务清单']], undefined],
  ])('%j → %s', (above, expected) => {
    expect(listDistrict(grid(above), layout(above.length))).toBe(expected);
  });
});
