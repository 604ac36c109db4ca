import { describe, expect, it } from 'vitest';
import { citedItem, isShortFormOf } from './plan-import';
import { listYear } from './list-scope';
import { halfWidthDigits } from './normalize';
import { matchHeader, namesNewValue } from './find-table';
import type { SheetGrid, TableLayout } from './types';

describe('a department’s short form', () => {
  it.each<[string, string, boolean]>([
    ['市经信局', '市经济和信息化局', true],
    ['市发改委', '市发展和改革委员会', true],
    ['市住建局', '市住房和城乡建设局', true],
    // Another body, or the same words in another order: not a short form.
    ['市地方金融局', '市委金融办', false],
    ['市政务服务大数据局', '市数据局', false],
    ['市数据局', '市政务服务大数据局', false],
    ['市科技局', '市经济和信息化局', false],
    ['市经信局', '市经信局', false],
    ['市经信局', '区经济和信息化局', false],
    ['市信经局', '市经济和信息化局', false],
  ])('%s of %s: %s', (short, full, yes) => expect(isShortFormOf(short, full)).toBe(yes));
});

describe('an item cited with its document (任务来源)', () => {
  it.each<[string, { document: string; number: string } | undefined]>([
    ['2023年工作要点第3项', { document: '2023年工作要点', number: '3' }],
    ['科教人才优势转化意见（第五条）', { document: '科教人才优势转化意见', number: '5' }],
    ['《武汉市科技创新发展“十四五”规划》第１２项', { document: '《武汉市科技创新发展“十四五”规划》', number: '12' }],
    ['2023年工作要点', undefined],
    ['第3项', undefined],
    ['武政办〔2023〕4号', undefined],
  ])('%s → %j', (cell, cited) => expect(citedItem(cell)).toEqual(cited));
});

describe('the one year a list’s title names', () => {
  const grid = (above: string[][]): SheetGrid => ({ name: 'S', rows: [...above, ['序号', '重点任务'], ['1', '任务']] });
  const layout = (headerRow: number) => ({ headerRow, headerRows: 1, columns: [] }) as unknown as TableLayout;
  it.each<[string[][], number | undefined]>([
    [[['2023年武汉市科技创新工作要点任务分解表']], 2023],
    [[['附件2'], ['汉阳区2025年科技创新重点任务清单']], 2025],
    [[['研发中心城市三年行动（2025—2027年）任务清单']], undefined],
    [[['重点任务清单']], undefined],
    [[], undefined],
  ])('%j → %s', (above, year) => expect(listYear(grid(above), layout(above.length))).toBe(year));
});

describe('headers naming the new or the old value', () => {
  it.each<[string, string | null, number, boolean]>([
    ['调整后完成时限', 'deadline', 1, true],
    ['完成时限（调整后）', 'deadline', 1, true],
    ['新牵头单位', 'leadUnits', 1, true],
    ['原完成时限', 'deadline', 0.7, false],
    ['调整前牵头单位', 'leadUnits', 0.7, false],
    ['完成时限', 'deadline', 1, false],
  ])('%s → %s (%s), new: %s', (header, field, confidence, isNew) => {
    expect(matchHeader(header)).toEqual({ field, confidence });
    expect(namesNewValue(header)).toBe(isNew);
  });
  it('full-width digits only are made ASCII', () => expect(halfWidthDigits('２０２６年６月底前（暂定）')).toBe('2026年6月底前（暂定）'));
});

describe('a ledger writing the full name, a list the short one', () => {
  it('市经济和信息化局 in the ledger, 市经信局 in the list everywhere: no change, said once naming the rows', async () => {
    const { planImport } = await import('./plan-import');
    const base = { documentId: 'd', order: 1, text: '', responsibleUnits: ['各区人民政府'], origin: 'seed' as const, updatedAt: '2025-01-01T00:00:00.000Z' };
    const existing = [
      { ...base, key: 'K-01', number: '1', title: '建设中试平台', leadUnits: ['市经济和信息化局'] },
      { ...base, key: 'K-02', number: '2', title: '培育专精特新企业', leadUnits: ['市经济和信息化局', '市科技创新局'] },
    ];
    const rows = existing.map((t, i) => ({ row: i + 2, fields: { title: t.title, leadUnits: t.leadUnits.map((u) => u.replace('市经济和信息化局', '市经信局')).join('、') } }));
    const p = planImport({ fileName: 'l.xlsx', sheet: 'S', rows, existing, documents: [{ id: 'd', title: '文件', kind: 'other', addedAt: '' } as never], now: '2026-01-01T00:00:00.000Z' });
    expect(p.updated).toEqual([]);
    expect(p.unchanged).toHaveLength(2);
    expect(p.issues.map((i) => [i.row, i.message.slice(0, i.message.indexOf('（'))])).toEqual([[2, '工作表“S”里没有“市经济和信息化局”：台账中写它的 2 个任务，清单都写成了它的简称“市经信局”']]);
  });
});
