/**
 * The city's revised 2023 工作要点 分解表 (test/fixtures/import/revised-2023-list.*, written by
 * openpyxl and saved by LibreOffice as .xlsx, .xls and GBK .csv; see make-revised-list.py),
 * planned against the built-in data set as 汉阳区 with the app's own pipeline. The exact plan.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalizePlan, summarisePlan, RENAME_GROUP_ID, type ImportPlan } from '../../src/core/import';
import { taskRelevance } from '../../src/core/policy/relevance';
import { canonicaliseUnit } from '../../src/core/unit-names';
import { builtInData, planFile } from '../../scripts/plan-file';

const ROOT = resolve(__dirname, '../..');
const DIR = resolve(ROOT, 'test/fixtures/import');
const NOW = '2026-11-26T09:00:00.000Z';

const KJ = '市科技局';
const DEADLINE: Record<string, string> = { '1': '长期坚持', '4': '2023年10月底前' };
const LISTED = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '18', '19', '20', '21', '22'];
/** The sheet row of each listed task (header on row 3, a spacer row, section headings in between). */
const ROW: Record<string, number> = {
  '1': 6, '2': 7, '3': 9, '4': 10, '5': 11, '6': 13, '7': 14, '8': 15, '9': 17, '10': 18, '11': 20,
  '12': 21, '13': 23, '14': 24, '15': 26, '16': 27, '18': 29, '19': 30, '20': 32, '21': 33, '22': 34,
};
const key = (n: string) => `2023GZYD-${n.padStart(2, '0')}`;
const CHANGED = ['9', '14', '18'];

function expected(sheet: string, file: string, kjRows: number[]) {
  return {
    file,
    sheet,
    district: '汉阳区',
    added: [
      { row: 35, number: '23', key: key('23'), shownAs: key('23'), document: 'doc-002', title: '建设未来产业先导区', leadUnits: ['市发改委'], responsibleUnits: ['市科技创新局', '市经信局', '各区人民政府'], deadline: '2023年12月底前' },
      { row: 36, number: '24', key: key('24'), shownAs: key('24'), document: 'doc-002', title: '实施概念验证中心培育计划', leadUnits: ['市科技创新局'], responsibleUnits: ['市财政局', '东湖高新区管委会'], deadline: '2023年9月底前' },
      { row: 37, number: '25', key: key('25'), shownAs: key('25'), document: 'doc-002', title: '开展科技成果转化专项行动', leadUnits: ['市科技创新局'], responsibleUnits: ['市教育局', '汉阳区人民政府', '洪山区人民政府'], deadline: '2023年11月底前' },
    ],
    updated: [
      { row: 17, number: '9', key: key('9'), restored: false, fields: { title: { before: '大力培育科技企业', after: '大力培育科技型企业梯队' } } },
      { row: 24, number: '14', key: key('14'), restored: false, fields: { title: { before: '更好融入全球创新网络', after: '更好融入全球创新网络，深化国际科技交流合作' } } },
      // A real reassignment to another bureau, not a rename.
      { row: 29, number: '18', key: key('18'), restored: false, fields: { leadUnits: { before: '市科技创新局', after: '市发改委' } } },
    ],
    // The ledger had no 完成时限: filling it in is not a change by the city.
    filled: LISTED.map((n) => ({ row: ROW[n], number: n, key: key(n), fields: { deadline: { before: '', after: DEADLINE[n] ?? '2023年12月底前' } } })),
    renamed: [
      { from: KJ, to: '市科技创新局', rows: kjRows, keys: [] },
      { from: '市自然资源规划局', to: '市自然资源和规划局', rows: [7, 9, 10], keys: [] },
      { from: '市环保局', to: '市生态环境局', rows: [23], keys: [] },
      { from: '人行武汉分行营管部', to: '人民银行武汉分行营管部', rows: [33], keys: [] },
    ],
    removed: [{ number: '17', key: key('17'), title: '做好外国专家服务工作' }],
    // Renamed units, the 〈含开发区…〉 note of task 4, the blank 配合单位 of task 20 and the '—' of task 12 are no change.
    unchanged: LISTED.filter((n) => !CHANGED.includes(n)).map((n) => ({ row: ROW[n], number: n, key: key(n) })),
    relevanceChanged: [
      { row: null, number: '17', key: key('17'), change: 'lost', cause: 'archived', fields: [], before: ['各区人民政府：全部区参与'], after: [] },
      { row: 35, number: '23', key: key('23'), change: 'gained', cause: 'added', fields: [], before: [], after: ['各区人民政府：全部区参与'] },
      { row: 37, number: '25', key: key('25'), change: 'gained', cause: 'added', fields: [], before: [], after: ['点名：汉阳区（汉阳区人民政府）'] },
    ],
    ambiguous: [],
    issues: [],
  };
}

const ALL_KJ_ROWS = [6, 7, 9, 10, 11, 13, 14, 15, 17, 18, 20, 21, 23, 24, 26, 27, 30, 32, 33, 34, 35, 36, 37];

describe('the revised 2023 工作要点 分解表, planned as 汉阳区', () => {
  it.each([
    ['revised-2023-list.xlsx', '任务分解表', ALL_KJ_ROWS],
    ['revised-2023-list.xls', '任务分解表', ALL_KJ_ROWS],
    // CSV keeps a merged cell's value in its first row only: task 6's 牵头部门 is blank there, and a blank never changes anything.
    ['revised-2023-list-gbk.csv', 'Sheet1', ALL_KJ_ROWS.filter((r) => r !== 13)],
  ])('%s: the exact plan', async (file, sheet, kjRows) => {
    const r = await planFile(resolve(DIR, file), { district: '汉阳区', now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(summarisePlan(r.plan)).toEqual(expected(sheet, file, kjRows));
  });

  it('applied with every default, writes only canonical unit names and keeps every relevant task relevant', async () => {
    const r = await planFile(resolve(DIR, 'revised-2023-list.xlsx'), { district: '汉阳区', now: NOW });
    if (!r.ok) throw new Error(r.message);
    const plan: ImportPlan = r.plan;
    const accepted = finalizePlan(plan, { skipped: new Set(), choices: {} }).accepted!;
    expect([accepted.addedKeys.length, accepted.updatedKeys.length, accepted.filledKeys.length, accepted.archivedKeys.length]).toEqual([3, 3, 18, 1]);
    const data = builtInData();
    const after = new Map(data.tasks.map((t) => [t.key, t]));
    for (const t of accepted.tasks) after.set(t.key, t);
    for (const t of after.values()) for (const u of [...t.leadUnits, ...t.responsibleUnits]) expect(canonicaliseUnit(u)).toBe(u);
    const own = data.clusters.filter((c) => c.district === '汉阳区');
    for (const t of data.tasks)
      if (taskRelevance(t, '汉阳区', own).relevant) expect(taskRelevance(after.get(t.key)!, '汉阳区', own).relevant, t.key).toBe(true);
    expect(after.get(key('4'))!.responsibleUnits).toContain('各区人民政府');
    expect(after.get(key('4'))!.deadlineText).toBe('2023年10月底前');
    expect(after.get(key('12'))!.responsibleUnits).toEqual(['武汉产业创新发展研究院', '各区人民政府']);
    // 补充 skipped: the deadlines stay empty, the city's own changes are still written.
    const noFill = finalizePlan(plan, { skipped: new Set([...plan.filled.map((f) => f.id), RENAME_GROUP_ID]), choices: {} }).accepted!;
    expect(noFill.filledKeys).toEqual([]);
    expect(noFill.tasks.find((t) => t.key === key('9'))).toMatchObject({ title: '大力培育科技型企业梯队' });
    expect(noFill.tasks.find((t) => t.key === key('9'))!.deadlineText).toBeUndefined();
  });

  it('npm run plan-import prints the same plan as JSON', () => {
    const out = execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'tsconfig.test.json', 'scripts/plan-import.ts', 'test/fixtures/import/revised-2023-list-gbk.csv', '--district', '汉阳区', '--now', NOW], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(expected('Sheet1', 'revised-2023-list-gbk.csv', ALL_KJ_ROWS.filter((r) => r !== 13)));
  });
});
