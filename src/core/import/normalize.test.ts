import { describe, expect, it } from 'vitest';
import { compoundItem, documentCore, documentName, isPlaceholderCell, normalizeNumber, normalizeText, numberDeadline, saysNothing, textDate, toHalfWidth } from './normalize';

/** The rule as written before its shortcut on the first character: the reference. */
function placeholderByRule(s: string): boolean {
  const t = toHalfWidth(s).replace(/\s+/g, '');
  return /^[-—–－_/\\、.。…·]*$/.test(t) || /^((暂时?)?(无|没有)(问题|困难|困难问题|困难和问题)?|空|\(空\)|未填|待定|N\/?A)$/i.test(t.replace(/[。.!;,]+$/u, ''));
}

// Placeholders in every form the lists use (full-width, padded, mixed), and texts that only start like one.
const CELLS = [
  '', ' ', '—', '——', '－', '-', '_', '＿', '/', '／', '\\', '＼', '、', '.', '．', '。', '…', '·', ' — ', '\u3000—\u3000', '— —',
  '无', ' 无 ', '暂无', '暂 无', '空', '（空）', '(空)', '未填', '待定', 'N/A', 'n/a', 'NA', 'ｎ／ａ', 'Ｎ／Ａ', 'ＮＡ',
  '无锡市', '暂定', '空港', '未来产业', '待办', '(一)加快建设', '（一）加快建设', 'National', 'nano', 'Ｎ型', '—续', '.5', '…等',
  '加快建设湖北实验室', '市科技创新局', '2025年底前', '45%', '  市发改委  ', '\t无\t', '\n—\n',
  '无。', '无；', '暂无。', '没有', '没有。', '暂时没有', '无问题', '暂无问题。', '没有问题', '暂无困难', '无困难和问题',
  '没有完成签约', '无人机产业集群', '暂无法确定，待市里通知', '无问题清单', '没有问题的项目已完成验收',
];

describe('isPlaceholderCell', () => {
  it.each(CELLS)('gives the rule’s answer for %j', (cell) => {
    expect(isPlaceholderCell(cell)).toBe(placeholderByRule(cell));
  });

  it('reads the placeholders as blank and texts as texts', () => {
    expect(['—', '无', '（空）', 'N/A', '／'].every(isPlaceholderCell)).toBe(true);
    expect(['无锡市', '空港', '市科技创新局'].some(isPlaceholderCell)).toBe(false);
    // what a unit writes to say it has nothing to report
    expect(['无。', '没有', '无问题', '暂无问题', '暂时没有。', '／', '—'].every(isPlaceholderCell)).toBe(true);
    expect(['没有完成签约', '无人机产业集群', '暂无法确定，待市里通知', '用地指标未落实，项目前期手续办理滞后。'].some(isPlaceholderCell)).toBe(false);
  });
});

describe('saysNothing', () => {
  it.each(['无', '暂无问题。', '—', '继续推进', '继续推进。', '持续推进相关工作', '按计划推进', ' 继续做好各项工作 '])('%j adds nothing beside other words', (t) => expect(saysNothing(t)).toBe(true));
  it.each(['继续推进实验室建设，12月底前完成验收', '12月底前完成2家机构签约。', '持续跟踪人工智能项目落地。', '推进', '无人机产业集群'])('%j says something', (t) => expect(saysNothing(t)).toBe(false));
  it('is not a placeholder for import: a list cell 继续推进 is still read', () => expect(isPlaceholderCell('继续推进')).toBe(false));
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

describe('a list number written with its section', () => {
  it.each([
    ['一、1', '1'],
    ['二、12', '12'],
    ['（二）5', '5'],
    ['(2)5', '5'],
    ['1-3', '3'],
    ['2—1', '1'],
    ['３－１０', '10'],
    ['一-3', '3'],
    ['二－12', '12'],
    ['2.5', '5'],
    ['3.', undefined],
    ['2025.6', undefined],
    ['5', undefined],
    ['（二）', undefined],
    ['第十四条', undefined],
    ['A-1', undefined],
    ['2025-12', undefined],
  ])('%s → %s', (s, item) => {
    expect(compoundItem(s)).toBe(item);
  });
});

describe('a document’s name as its own title reads', () => {
  it.each([
    ['武汉市人民政府关于印发武汉市建设国际研发中心城市三年行动方案(2025-2027年)的通知', '武汉市建设国际研发中心城市三年行动方案(2025-2027年)'],
    ['武汉市建设国际研发中心城市三年行动方案(2025—2027年)', '武汉市建设国际研发中心城市三年行动方案(2025-2027年)'],
    ['武汉市人民政府办公厅关于推进科教人才优势转化为创新发展优势的意见', '关于推进科教人才优势转化为创新发展优势的意见'],
    ['关于推进科教人才优势转化为创新发展优势的意见', '关于推进科教人才优势转化为创新发展优势的意见'],
    ['市人民政府办公厅关于印发2023年武汉市科技创新工作要点的通知', '2023年武汉市科技创新工作要点'],
    ['市科技创新局转发2023年武汉市科技创新工作要点的通知', '2023年武汉市科技创新工作要点'],
  ])('%s → %s', (name, core) => {
    expect(documentCore(name)).toBe(core);
  });
});

describe('normalizeText', () => {
  it('reads straight and curly quotes alike', () => {
    expect(normalizeText('落实"一带一路"行动')).toBe(normalizeText('落实“一带一路”行动'));
    expect(normalizeText("‘双一流’")).toBe(normalizeText("'双一流'"));
  });
});

describe('a date shown as text', () => {
  it.each([
    ['2027-12-31 00:00', { date: '2027-12-31' }],
    ['2027/6/30 8:30:00', { date: '2027-06-30' }],
    ['二〇二七年十二月三十一日', { date: '2027年12月31日' }],
    ['二〇二六年六月', { date: '2026年6月' }],
    ['12/31/2027', { date: '2027-12-31' }],
    ['31/12/2027', { date: '2027-12-31' }],
    ['3/6/2026', { date: '2026-03-06', ambiguous: true }],
    ['6/6/2026', { date: '2026-06-06' }],
    ['2/30/2026', undefined],
    ['2027-12-31', undefined],
    ['2027年底前', undefined],
  ])('%s → %j', (s, out) => {
    expect(textDate(s)).toEqual(out);
  });
});
