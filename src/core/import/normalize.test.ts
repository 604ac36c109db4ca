import { describe, expect, it } from 'vitest';
import { documentName, isPlaceholderCell, normalizeNumber, numberDeadline, toHalfWidth } from './normalize';

/** The rule as written before its shortcut on the first character: the reference. */
function placeholderByRule(s: string): boolean {
  const t = toHalfWidth(s).replace(/\s+/g, '');
  return /^[-—–－_/\\、.。…·]*$/.test(t) || /^(无|暂无|空|\(空\)|未填|待定|N\/?A)$/i.test(t);
}

// Placeholders in every form the lists use (full-width, padded, mixed), and texts that only start like one.
const CELLS = [
  '', ' ', '—', '——', '－', '-', '_', '＿', '/', '／', '\\', '＼', '、', '.', '．', '。', '…', '·', ' — ', '\u3000—\u3000', '— —',
  '无', ' 无 ', '暂无', '暂 无', '空', '（空）', '(空)', '未填', '待定', 'N/A', 'n/a', 'NA', 'ｎ／ａ', 'Ｎ／Ａ', 'ＮＡ',
  '无锡市', '暂定', '空港', '未来产业', '待办', '(一)加快建设', '（一）加快建设', 'National', 'nano', 'Ｎ型', '—续', '.5', '…等',
  '加快建设湖北实验室', '市科技创新局', '2025年底前', '45%', '  市发改委  ', '\t无\t', '\n—\n',
];

describe('isPlaceholderCell', () => {
  it.each(CELLS)('gives the rule’s answer for %j', (cell) => {
    expect(isPlaceholderCell(cell)).toBe(placeholderByRule(cell));
  });

  it('reads the placeholders as blank and texts as texts', () => {
    expect(['—', '无', '（空）', 'N/A', '／'].every(isPlaceholderCell)).toBe(true);
    expect(['无锡市', '空港', '市科技创新局'].some(isPlaceholderCell)).toBe(false);
  });
});


describe('documentName', () => {
  it.each([
    ['《2023年武汉市科技创新工作要点》（武政办〔2023〕4号）', '2023年武汉市科技创新工作要点', '武政办〔2023〕4号'],
    ['《2023年武汉市科技创新工作要点》(武政办[2023]4号)', '2023年武汉市科技创新工作要点', '武政办〔2023〕4号'],
    ['武政办〔2023〕4号', '', '武政办〔2023〕4号'],
    ['武政办【2023】第4号', '', '武政办〔2023〕4号'],
    ['“科教人才优势转化意见”', '科教人才优势转化意见', undefined],
    ['武汉市建设国际研发中心城市三年行动方案（2025—2027年）', '武汉市建设国际研发中心城市三年行动方案(2025—2027年)', undefined],
    ['武汉市科技创新发展“十四五”规划', '武汉市科技创新发展十四五规划', undefined],
  ])('%s → %s / %s', (cell, name, docNumber) => {
    expect(documentName(cell)).toEqual(docNumber ? { name, docNumber } : { name });
  });
});

describe('a deadline cell that is a bare number', () => {
  it.each([
    ['46022', '2025-12-31'],
    ['45658', '2025-01-01'],
    ['20250630', '2025-06-30'],
    ['20251331', undefined],
    ['2025', undefined],
    ['2025年底前', undefined],
  ])('%s → %s', (s, d) => {
    expect(numberDeadline(s)).toBe(d);
  });
});

describe('normalizeNumber', () => {
  it.each([
    ['（十一）', '11'],
    ['(二十二)', '22'],
    ['十', '10'],
    ['⑬', '13'],
    ['第十四条', '14'],
    ['（2）', '2'],
    ['11', '11'],
    ['3.', '3'],
    ['（二）3', '(二)3'],
    ['A-1', 'A-1'],
  ])('%s → %s', (s, n) => {
    expect(normalizeNumber(s)).toBe(n);
  });
});
