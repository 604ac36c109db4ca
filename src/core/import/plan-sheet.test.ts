import { describe, expect, it } from 'vitest';
import { defaultSheet, hasTaskTable, summariseSheets } from './plan-sheet';
import type { SheetGrid } from './types';

const summary = ['文件名称', '任务数', '完成时限'];
const list = ['序号', '重点任务', '牵头单位'];
const rows: Record<string, string[]> = { 文件名称: ['科教人才优势转化意见', '15', '2026年底前'], 序号: ['1', '推进特色学科建设', '市教育局'] };
const sheet = (name: string, header: string[] | null): SheetGrid => ({ name, rows: header ? [header, rows[header[0]!] ?? header.map(() => '建设概念验证中心')] : [['说明：本表由市科技创新局汇总。']] });

describe('defaultSheet', () => {
  const cases: { name: string; sheets: [string, string[] | null][]; district?: string; picked: string }[] = [
    { name: 'the first sheet with a task table', sheets: [['说明', null], ['清单', list]], picked: '清单' },
    { name: 'a 汇总 sheet (a header, no task column) passed over', sheets: [['汇总', summary], ['清单', list]], picked: '清单' },
    { name: 'the officer’s district’s sheet', sheets: [['江岸区', list], ['汉阳区', list]], district: '汉阳区', picked: '汉阳区' },
    { name: 'a sheet naming the district inside its name', sheets: [['江岸区清单', list], ['汉阳区任务清单', list]], district: '汉阳区', picked: '汉阳区任务清单' },
    { name: 'no sheet for the district: the first with tasks', sheets: [['汇总', summary], ['江岸区', list]], district: '汉阳区', picked: '江岸区' },
    { name: 'only a header without tasks: that sheet (the mapping step asks)', sheets: [['说明', null], ['汇总', summary]], picked: '汇总' },
    { name: 'no table at all: the first sheet', sheets: [['说明', null]], picked: '说明' },
    { name: 'a hidden sheet (an old version) passed over', sheets: [['原清单（隐藏）', list], ['新清单', list]], picked: '新清单' },
    { name: 'the hidden one when no visible sheet has tasks', sheets: [['原清单（隐藏）', list], ['说明', null]], picked: '原清单（隐藏）' },
    { name: 'the district’s sheet, if visible', sheets: [['汉阳区（隐藏）', list], ['江岸区', list]], district: '汉阳区', picked: '江岸区' },
  ];
  for (const c of cases)
    it(c.name, () => {
      const sheets = summariseSheets(c.sheets.map(([n, h]) => ({ ...sheet(n, h), ...(n.includes('隐藏') ? { hidden: true as const } : {}) })));
      expect(sheets[defaultSheet(sheets, c.district)]!.name).toBe(c.picked);
    });

  it('hasTaskTable: a header with 重点任务 or 具体内容', () => {
    const [a, b, c] = summariseSheets([sheet('a', summary), sheet('b', list), sheet('c', ['序号', '具体内容', '牵头单位'])]);
    expect([hasTaskTable(a!), hasTaskTable(b!), hasTaskTable(c!)]).toEqual([false, true, true]);
  });
});
