import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../import/types';
import { bindingRows, makeBinding, reportBinding, type Round } from './round';
import { INDICATOR_COLUMNS, INDICATOR_SHEET, ROUND_COLUMNS, ROUND_SHEET, roundTitle } from './sheet-layout';
import { readPercent } from '../progress';
import { chooseAnswer, chooseIndicator, mergedFields, mergedIndicatorValues, mergedValue, planMerges, planReturns, joinParagraphs, type ReturnContext, type ReturnedFile, type TaskMerge } from './plan-return';

const tasks = [
  { key: 'T-01', number: '1', title: '建设创新平台' },
  { key: 'T-02', number: '2', title: '培育科技企业' },
  { key: 'T-03', number: '3', title: '引进高层次人才' },
];
const round: Round = {
  id: 'R2025Q3-a',
  district: '汉阳区',
  periodId: '2025-Q3',
  dueDate: '2025-10-08',
  createdAt: '2025-09-25T00:00:00.000Z',
  prefilled: false,
  units: [
    { unit: '区科技局', taskKeys: ['T-01', 'T-02'], leadKeys: ['T-01', 'T-02'], fileName: 'a.xlsx', checksum: 'x' },
    { unit: '区经信局', taskKeys: ['T-02', 'T-03'], leadKeys: ['T-03'], fileName: 'b.xlsx', checksum: 'y' },
  ],
};
const ctx: ReturnContext = { round, periodName: '2025年第三季度', tasks, earlier: [] };

type Row = [key: string, title: string, status: string, percent: string, progress: string, problems?: string, next?: string];
/** A returned workbook as grids: the round sheet (with its title) and, unless left out, the binding. */
function file(unit: string, rows: Row[], opts: { binding?: boolean; periodId?: string; title?: string; name?: string; hash?: string; round?: Round } = {}): ReturnedFile {
  const r = opts.round ?? round;
  const header = ROUND_COLUMNS.map((c) => c.header);
  const grid: string[][] = [
    [opts.title ?? roundTitle('汉阳区', '2025年第三季度', unit)],
    ['填报说明'],
    header,
    ...rows.map(([k, t, s, p, g, pr = '', n = ''], i) => [String(i + 1), k, t, '内容', '牵头', s, p, g, pr, n]),
  ];
  const sheets: SheetGrid[] = [{ name: ROUND_SHEET.name, rows: grid }];
  const keys = r.units.find((u) => u.unit === unit)?.taskKeys ?? ['T-01'];
  if (opts.binding !== false) sheets.push({ name: '_binding', rows: bindingRows(makeBinding({ ...r, periodId: opts.periodId ?? r.periodId }, unit, keys)) });
  return { fileName: opts.name ?? `${unit}.xlsx`, hash: opts.hash ?? `${unit}-${Math.random()}`, sheets };
}

describe('planReturns: merged cells in a unit’s rows', () => {
  it('a text merged over 进展情况, 存在问题 and 下步计划 counts as 进展情况 only, with a warning naming sheet, row and columns', () => {
    // As the reader gives a merged area: its first cell's text in every cell it covers, and the area.
    const f = file('区科技局', [['T-01', '建设创新平台', '滞后', '30', '研发投入统计口径待确认', '研发投入统计口径待确认', '研发投入统计口径待确认'], ['T-02', '培育科技企业', '', '', '已认定8家', '用地紧张', '下季度完成']]);
    const sheet = f.sheets[0]!;
    const withMerges = { ...f, sheets: [{ ...sheet, merges: [{ r0: 3, c0: 7, r1: 3, c1: 9 }] }, ...f.sheets.slice(1)] };
    const [p] = planReturns([withMerges], ctx);
    expect(p!.rows.map((r) => [r.taskKey, r.progress, r.problems, r.nextSteps])).toEqual([
      ['T-01', '研发投入统计口径待确认', '', ''],
      ['T-02', '已认定8家', '用地紧张', '下季度完成'],
    ]);
    expect(p!.issues).toContainEqual(expect.objectContaining({ severity: 'warning', sheet: ROUND_SHEET.name, row: 4, message: expect.stringMatching(/第 4 行 H–J 列是合并单元格：其中的文字只算作“进展情况”/u) }));
  });

  it('one 进展情况 merged over two tasks’ rows is the first task’s', () => {
    const f = file('区科技局', [['T-01', '建设创新平台', '', '', '两项合并推进'], ['T-02', '培育科技企业', '', '', '两项合并推进']]);
    const [p] = planReturns([{ ...f, sheets: [{ ...f.sheets[0]!, merges: [{ r0: 3, c0: 7, r1: 4, c1: 7 }] }, ...f.sheets.slice(1)] }], ctx);
    expect(p!.rows.map((r) => [r.taskKey, r.progress])).toEqual([['T-01', '两项合并推进'], ['T-02', '']]);
    expect(p!.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/第 4–5 行 H 列是合并单元格/u));
  });
});

describe('planReturns: the blocks under the task rows', () => {
  // As the reader gives them: a merged area's text in every cell it covers, and the areas.
  const blank = () => Array<string>(10).fill('');
  const spread = (row: string[], from: number, to: number, text: string) => row.fill(text, from, to + 1);
  it.each([
    ['the signature block the export writes (填报人 A–D, 联系电话 E–H, 审核人 I–J)', () => {
      const r = blank();
      spread(r, 0, 3, '填报人：张伟');
      spread(r, 4, 7, '联系电话：027-87951234');
      spread(r, 8, 9, '审核人（负责人）：');
      return { rows: [r], merges: [{ r0: 5, c0: 0, r1: 5, c1: 3 }, { r0: 5, c0: 4, r1: 5, c1: 7 }, { r0: 5, c0: 8, r1: 5, c1: 9 }] };
    }],
    ['notes merged over the whole width, then a signature line', () => {
      const n = spread(blank(), 0, 9, '注：1.本期状态从下拉列表中选择；2.完成进度填0–100的整数。');
      const s = blank();
      s[6] = '填报日期：2025年10月8日';
      return { rows: [n, s], merges: [{ r0: 5, c0: 0, r1: 5, c1: 9 }] };
    }],
    ['填表说明 starting in the 序号 column, merged over two rows', () => {
      const n = spread(blank(), 0, 9, '填表说明：请于10月8日前报回。');
      return { rows: [n, [...n]], merges: [{ r0: 5, c0: 0, r1: 6, c1: 9 }] };
    }],
  ])('%s: no task row, no merge warning, no row without a task', (_name, block) => {
    const f = file('区科技局', [['T-01', '建设创新平台', '序时推进', '60', '已完成'], ['T-02', '培育科技企业', '', '', '已认定8家']]);
    const { rows, merges } = block();
    const sheet = f.sheets[0]!;
    const [p] = planReturns([{ ...f, sheets: [{ ...sheet, rows: [...sheet.rows, ...rows], merges }, ...f.sheets.slice(1)] }], ctx);
    expect(p!.refused).toBe(false);
    expect(p!.rows.map((r) => [r.taskKey, r.progress])).toEqual([['T-01', '已完成'], ['T-02', '已认定8家']]);
    expect(p!.refusedRows).toEqual([]);
    expect(p!.issues.map((i) => i.message)).toEqual([]);
  });

  it('a row without a task whose progress begins 说明： is still refused, and the task rows after it are read', () => {
    const f = file('区科技局', [['T-01', '建设创新平台', '', '', '说明：本项由区发改局牵头'], ['', '', '', '', '说明：另有一项'], ['T-02', '培育科技企业', '', '', '已认定8家']]);
    const [p] = planReturns([f], ctx);
    expect(p!.rows.map((r) => r.taskKey)).toEqual(['T-01', 'T-02']);
    expect(p!.refusedRows.map((r) => r.row)).toEqual([5]);
  });
});

describe('planReturns: recognising files', () => {
  it('a file with its binding, renamed and rows re-sorted, is recognised by binding and read by task key', () => {
    const [p] = planReturns([file('区科技局', [['T-02', '培育科技企业', '滞后', '40', '已认定8家'], ['T-01', '建设创新平台', '序时推进', '60%', '已建成2家']], { name: '新建 XLSX 工作表(2).xlsx' })], ctx);
    expect(p).toMatchObject({ unit: '区科技局', matchedBy: 'binding', refused: false });
    expect(p!.rows.map((r) => [r.taskKey, r.status, r.percent, r.progress])).toEqual([
      ['T-02', 'behind', 40, '已认定8家'],
      ['T-01', 'on_track', 60, '已建成2家'],
    ]);
    expect(p!.issues).toEqual([]);
  });

  it('a file whose name names another unit than its binding is read as the binding says, with a warning naming both', () => {
    const rows: Row[] = [['T-01', '建设创新平台', '序时推进', '60', '已建成2家'], ['T-02', '培育科技企业', '滞后', '40', '已认定8家']];
    const [p] = planReturns([file('区科技局', rows, { name: '汉阳区2025年第三季度填报表_区经信局.xlsx' })], ctx);
    expect(p).toMatchObject({ unit: '区科技局', matchedBy: 'binding', refused: false });
    expect(p!.issues.map((i) => i.message)).toEqual([expect.stringMatching(/文件名写的是“区经信局”，但表内的下发标识是“区科技局”/)]);
    // Its own name, or a name without a unit, says nothing.
    expect(planReturns([file('区科技局', rows, { name: '区科技局-改.xlsx' })], ctx)[0]!.issues).toEqual([]);
    expect(planReturns([file('区科技局', rows, { name: '新建 XLSX 工作表.xlsx' })], ctx)[0]!.issues).toEqual([]);
  });

  it.each<[string, ReturnedFile, RegExp]>([
    ['wrong period (binding)', file('区科技局', [['T-01', '', '序时推进', '1', 'a']], { periodId: '2025-Q2' }), /这是2025年第二季度下发的文件，本次回收的是2025年第三季度/],
    ['wrong period (title, no binding)', file('区科技局', [['T-01', '', '序时推进', '1', 'a']], { binding: false, title: '汉阳区2025年第二季度重点任务推进情况填报表（区科技局）' }), /表头写的是“2025年第二季度”/],
    ['unknown unit without binding', file('区教育局', [['T-01', '', '', '', 'a']], { binding: false, title: '填报表', name: 'x.xlsx' }), /认不出这是哪个承办单位/],
    ['a unit not in the round', file('区教育局', [['T-01', '', '', '', 'a']]), /没有给“区教育局”下发任务/],
    ['unreadable', { fileName: 'bad.xlsx', hash: 'h', sheets: [], readError: '文件“bad.xlsx”已损坏' }, /已损坏/],
    ['no table', { fileName: '区科技局.xlsx', hash: 'h2', sheets: [{ name: 'S', rows: [['随便写的']] }] }, /找不到填报表/],
  ])('%s is refused with a reason', (_, f, msg) => {
    const [p] = planReturns([f], ctx);
    expect(p!.refused).toBe(true);
    expect(p!.issues.find((i) => i.severity === 'error')?.message).toMatch(msg);
  });

  it.each(['汉阳区2025年第3季度重点任务推进情况填报表（区科技局）', '汉阳区2025年9月重点任务推进情况填报表（区科技局）'])('without binding, a title naming the round’s period another way is accepted: %s', (title) => {
    const [p] = planReturns([file('区科技局', [['T-01', '', '序时推进', '1', 'a']], { binding: false, title })], ctx);
    expect(p!.refused).toBe(false);
    expect(p!.rows.map((r) => r.taskKey)).toEqual(['T-01']);
  });

  it('without binding: matched by the unit in the title and by task number, with a warning', () => {
    const [p] = planReturns([file('区经信局', [['T-03', '引进高层次人才', '已完成', '100', '引进12人']], { binding: false })], ctx);
    expect(p).toMatchObject({ unit: '区经信局', matchedBy: 'columns', refused: false });
    expect(p!.issues.map((i) => i.severity)).toContain('warning');
    expect(p!.issues.some((i) => /没有下发标识/.test(i.message))).toBe(true);
  });

  it('a row whose key was lost is matched by its title, with a warning naming the row', () => {
    const [p] = planReturns([file('区科技局', [['', '建设创新平台', '', '', '文字']])], ctx);
    expect(p!.rows[0]!.taskKey).toBe('T-01');
    expect(p!.issues).toContainEqual(expect.objectContaining({ severity: 'warning', row: 4, sheet: '任务填报' }));
  });

  it.each<[string, Row, string | undefined, RegExp]>([
    ['task of another unit', ['T-03', '', '', '', '文字'], undefined, /T-03 不是下发给区科技局的/],
    ['unknown task', ['X-99', '', '', '', '文字'], undefined, /找不到任务“X-99”/],
  ])('%s: the row is refused, named by sheet, row and column, its text kept in the plan', (_, row, column, msg) => {
    const [p] = planReturns([file('区科技局', [['T-02', '', '', '', '好的'], row])], ctx);
    expect(p!.refused).toBe(false);
    const e = p!.issues.find((i) => i.severity === 'error')!;
    expect(e).toMatchObject({ fileName: '区科技局.xlsx', sheet: '任务填报', row: 5, ...(column ? { column } : {}) });
    expect(e.message).toMatch(msg);
    expect(p!.refusedRows).toEqual([expect.objectContaining({ row: 5, texts: expect.arrayContaining(['进展情况：文字']) })]);
    expect(p!.rows.map((r) => r.taskKey)).toEqual(['T-02']);
  });

  it.each<[string, Row, string, RegExp, [string | undefined, number | undefined]]>([
    ['bad status', ['T-01', '', '差不多', '50', '文字'], 'F列（本期状态）', /本期状态“差不多”不在可选范围内.*这一格没有导入；这一行的其他内容已导入/, [undefined, 50]],
    ['percent over 100', ['T-01', '', '序时推进', '120', '文字'], 'G列（完成进度（%））', /完成进度“120”不是 0–100.*这一格没有导入/, ['on_track', undefined]],
    ['percent negative', ['T-01', '', '', '-5', '文字'], 'G列（完成进度（%））', /“-5”/, [undefined, undefined]],
    // Storage keeps whole numbers only: a decimal would have been written and then hidden as a damaged row.
    ['percent with decimals', ['T-01', '', '', '12.5', '文字'], 'G列（完成进度（%））', /完成进度“12.5”不是 0–100 之间的整数.*改成整数/, [undefined, undefined]],
    ['percent not a number', ['T-01', '', '', '过半', '文字'], 'G列（完成进度（%））', /“过半”/, [undefined, undefined]],
    // A formula saved without its value (openpyxl writes no cached result): said what it is and what to do.
    ['percent a formula without its value', ['T-01', '', '', '=60+15', '文字'], 'G列（完成进度（%））', /完成进度“=60\+15”是公式，文件里没有保存它的计算结果.*打开文件、保存一次后重新报回/, [undefined, undefined]],
  ])('%s: only that cell is left out, named by sheet, row and column; the row’s texts are taken', (_, row, column, msg, kept) => {
    const [p] = planReturns([file('区科技局', [['T-02', '', '', '', '好的'], row])], ctx);
    const e = p!.issues.find((i) => i.severity === 'error')!;
    expect(e).toMatchObject({ fileName: '区科技局.xlsx', sheet: '任务填报', row: 5, column });
    expect(e.message).toMatch(msg);
    expect(p!.refusedRows).toEqual([]);
    const r = p!.rows.find((x) => x.taskKey === 'T-01')!;
    expect([r.status, r.percent, r.progress]).toEqual([...kept, '文字']);
  });

  it('a second return: the same file again, the same bytes twice in one drop, a unit twice in one drop', () => {
    const a = file('区科技局', [['T-01', '', '', '', 'a']], { hash: 'H1' });
    const again = planReturns([a], { ...ctx, earlier: [{ hash: 'H1', unit: '区科技局', fileName: '科技局.xlsx', at: '2025-10-02T08:00:00.000Z' }] });
    expect(again[0]!.issues[0]!.message).toMatch(/已经导入过（科技局.xlsx，2025-10-02 08:00）/);
    const twice = planReturns([a, { ...a, fileName: 'copy.xlsx' }, file('区科技局', [['T-01', '', '', '', 'b']], { name: 'other.xlsx' })], ctx);
    expect(twice.map((p) => p.refused)).toEqual([false, true, true]);
    expect(twice[1]!.issues[0]!.message).toMatch(/同一个文件/);
    expect(twice[2]!.issues[0]!.message).toMatch(/也是区科技局的文件/);
  });

  it('a revised return of a unit that returned before is taken, with a warning', () => {
    const [p] = planReturns([file('区科技局', [['T-01', '', '', '', 'a']], { hash: 'H2' })], { ...ctx, earlier: [{ hash: 'H1', unit: '区科技局', fileName: 'old.xlsx', at: '2025-10-02T08:00:00.000Z' }] });
    expect(p!.refused).toBe(false);
    expect(p!.issues.some((i) => /再次报送/.test(i.message))).toBe(true);
  });

  it('rows deleted by the unit are named as missing', () => {
    const [p] = planReturns([file('区科技局', [['T-01', '', '', '', 'a']])], ctx);
    expect(p!.issues.some((i) => /少了 1 项下发的任务（T-02）/.test(i.message))).toBe(true);
  });
});

describe("planReturns: a district's own exported 重点任务推进情况表", () => {
  const city: Round = { ...round, id: 'C2025Q3', district: '武汉市', level: 'city', units: [{ unit: '汉阳区', taskKeys: ['T-01', 'T-03'], leadKeys: ['T-01', 'T-03'], fileName: 'h.xlsx', checksum: 'z' }] };
  const cityCtx: ReturnContext = { ...ctx, round: city };
  const report = (periodId: string, name = '汉阳区_2025年第三季度_重点任务推进情况表.xlsx'): ReturnedFile => {
    const f = file('区科技局', [['T-01', '建设创新平台', '序时推进', '60', '已建成2家'], ['T-02', '培育科技企业', '滞后', '40', '已认定8家'], ['T-03', '引进高层次人才', '', '', '引进3人']], { binding: false, title: '某个改过的表头', name });
    return { ...f, sheets: [...f.sheets, { name: '_binding', rows: bindingRows(reportBinding('汉阳区', periodId, ['T-01', 'T-02', 'T-03'])) }] };
  };

  it('is recognised by its binding at the city level (renamed, retitled): the district is the unit, only the tasks the city sent are read', () => {
    const [p] = planReturns([report('2025-Q3', '新建 XLSX 工作表.xlsx')], cityCtx);
    expect(p).toMatchObject({ unit: '汉阳区', matchedBy: 'binding', refused: false });
    expect(p!.rows.map((r) => r.taskKey)).toEqual(['T-01', 'T-03']);
    expect(p!.issues.map((i) => i.message).join('')).not.toMatch(/按表头/);
  });

  it.each<[string, ReturnedFile, ReturnContext, RegExp]>([
    ['another period', report('2025-Q2'), cityCtx, /2025年第二季度/],
    ['a district the city did not send to', report('2025-Q3'), { ...cityCtx, round: { ...city, units: [{ ...city.units[0]!, unit: '江岸区' }] } }, /没有给“汉阳区”下发任务/],
    ['a district round', report('2025-Q3'), ctx, /导出给市里的推进情况表/],
  ])('%s is refused', (_, f, c, msg) => {
    const [p] = planReturns([f], c);
    expect(p!.refused).toBe(true);
    expect(p!.issues.map((i) => i.message).join(' ')).toMatch(msg);
  });
});

describe('planMerges', () => {
  const files = planReturns(
    [
      file('区科技局', [['T-01', '', '序时推进', '60', '平台建成2家'], ['T-02', '', '滞后', '40', '认定8家', '用地紧张']]),
      file('区经信局', [['T-02', '', '已完成', '90', '配合认定3家'], ['T-03', '', '', '', '']]),
    ],
    ctx,
  );
  it('joins lead and 协办 texts per task, lead first; status and percent from the lead', () => {
    const m = planMerges(files, round, new Map());
    expect(m.map((t) => t.taskKey)).toEqual(['T-01', 'T-02']);
    const t2 = m[1]!;
    const f = (k: string) => t2.fields.find((x) => x.field === k)!;
    expect(f('progress').combined).toBe('认定8家\n配合认定3家');
    expect(f('progress').incoming.map((x) => [x.unit, x.role])).toEqual([['区科技局', 'lead'], ['区经信局', 'assist']]);
    expect(f('status').combined).toBe('滞后');
    expect(f('percent').combined).toBe('40');
    expect(f('progress').conflict).toBe(false);
    expect(mergedFields(t2)).toEqual({ status: 'behind', percent: 40, progress: '认定8家\n配合认定3家', problems: '用地紧张' });
  });
  it.each<[string, string, string, 'keep' | 'replace' | 'append', boolean]>([
    ['empty ledger', '', '平台建成2家', 'replace', false],
    ['the same text', '平台建成2家', '平台建成2家', 'replace', false],
    ['other words in the ledger', '科室补充：已调度', '科室补充：已调度\n平台建成2家', 'append', true],
    ['the ledger already holds the return', '平台建成2家\n另有补充', '平台建成2家\n另有补充', 'keep', true],
  ])('conflict with the ledger: %s', (_, before, after, action, conflict) => {
    const m = planMerges(files, round, new Map([['T-01', { progress: before, problems: '', nextSteps: '' }]]));
    const f = m[0]!.fields.find((x) => x.field === 'progress')!;
    expect([f.action, f.conflict]).toEqual([action, conflict]);
    expect(mergedValue(f)).toBe(after);
  });
  it.each<['keep' | 'replace' | 'append', string]>([
    ['keep', '旧'],
    ['replace', '平台建成2家'],
    ['append', '旧\n平台建成2家'],
  ])('the officer chooses %s', (action, want) => {
    const m = planMerges(files, round, new Map([['T-01', { progress: '旧', problems: '', nextSteps: '' }]]));
    const f = m[0]!.fields.find((x) => x.field === 'progress')!;
    expect(mergedValue({ ...f, action })).toBe(want);
  });
});

describe('planMerges: units of one round that disagree on status or percent (one answer, never a mix)', () => {
  // T-02: lead 区科技局, 协办 区经信局 and 区发改局 (as 2023GZYD-08 in the walk5 probe).
  const round3: Round = {
    ...round,
    units: [
      { unit: '区科技局', taskKeys: ['T-01', 'T-02'], leadKeys: ['T-01', 'T-02'], fileName: 'a.xlsx', checksum: 'x' },
      { unit: '区经信局', taskKeys: ['T-02', 'T-03'], leadKeys: ['T-03'], fileName: 'b.xlsx', checksum: 'y' },
      { unit: '区发改局', taskKeys: ['T-02'], leadKeys: [], fileName: 'c.xlsx', checksum: 'z' },
    ],
  };
  const ctx3: ReturnContext = { ...ctx, round: round3 };
  const merge = (rows: Record<string, Row>, ledger = new Map()): TaskMerge =>
    planMerges(planReturns(Object.entries(rows).map(([unit, row]) => file(unit, [row], { round: round3 })), ctx3), round3, ledger).find((m) => m.taskKey === 'T-02')!;
  const pick = (m: TaskMerge, k: string) => m.fields.find((f) => f.field === k)!;
  const answer = (m: TaskMerge) => { const f = mergedFields(m); return [f.status, f.percent]; };

  it('two 协办 units disagree and the lead sent nothing, the ledger holds nothing: both fields marked, the first unit’s answer taken (never nothing), the officer may choose', () => {
    const m = merge({ 区发改局: ['T-02', '', '长期坚持', '', '持续跟踪'], 区经信局: ['T-02', '', '序时推进', '65', '第4项进展良好'] });
    expect(['status', 'percent'].map((k) => [pick(m, k).disagree, pick(m, k).conflict, pick(m, k).action, pick(m, k).pickedBy])).toEqual([[true, true, 'replace', 'order'], [true, true, 'keep', 'order']]);
    expect(answer(m)).toEqual(['ongoing', undefined]);
    // the officer takes 区发改局's answer: its status, and no percent from 区经信局 (which said 序时推进)
    expect(answer(chooseAnswer(m, 'status', { unit: '区发改局' }))).toEqual(['ongoing', undefined]);
    expect(answer(chooseAnswer(m, 'status', 'keep'))).toEqual([undefined, undefined]);
    // or 区经信局's: status and percent together
    const jx = chooseAnswer(m, 'status', { unit: '区经信局' });
    expect(answer(jx)).toEqual(['on_track', 65]);
    expect([pick(jx, 'status').from, pick(jx, 'percent').from]).toEqual(['区经信局', '区经信局']);
    // and may then choose otherwise for the percent alone
    expect(answer(chooseAnswer(jx, 'percent', 'keep'))).toEqual(['on_track', undefined]);
    expect(answer(chooseAnswer(chooseAnswer(m, 'status', { unit: '区发改局' }), 'percent', { unit: '区经信局' }))).toEqual(['ongoing', 65]);
  });

  it("the lead disagrees with a 协办 unit: the lead's answer by default, marked", () => {
    const m = merge({ 区科技局: ['T-02', '', '滞后', '40', '认定8家'], 区经信局: ['T-02', '', '已完成', '90', '配合认定3家'] });
    expect(['status', 'percent'].map((k) => [pick(m, k).disagree, pick(m, k).conflict, pick(m, k).from])).toEqual([[true, true, '区科技局'], [true, true, '区科技局']]);
    expect(answer(m)).toEqual(['behind', 40]);
    expect(answer(chooseAnswer(m, 'status', { unit: '区经信局' }))).toEqual(['done', 90]);
  });

  it("the lead gave a status only, a 协办 unit another status with a percent: the percent does not go with the lead's status", () => {
    const m = merge({ 区科技局: ['T-02', '', '滞后', '', '认定8家'], 区经信局: ['T-02', '', '已完成', '90', ''] }, new Map([['T-02', { status: 'on_track', percent: 30, progress: '', problems: '', nextSteps: '' }]]));
    expect(answer(m)).toEqual(['behind', undefined]);
    expect([pick(m, 'percent').action, pick(m, 'percent').conflict, mergedValue(pick(m, 'percent'))]).toEqual(['keep', true, '30']);
  });

  it('two 协办 units with a ledger holding both fields: the ledger’s values stand until the officer chooses', () => {
    const m = merge({ 区发改局: ['T-02', '', '长期坚持', '', '持续跟踪'], 区经信局: ['T-02', '', '序时推进', '65', ''] }, new Map([['T-02', { status: 'behind', percent: 30, progress: '', problems: '', nextSteps: '' }]]));
    expect(['status', 'percent'].map((k) => [pick(m, k).disagree, pick(m, k).action, pick(m, k).pickedBy])).toEqual([[true, 'keep', 'ledger'], [true, 'keep', 'ledger']]);
    expect(answer(m)).toEqual([undefined, undefined]);
  });

  it('the same status with different percents (walk6 W2): the status is agreed and written, only the percent is marked', () => {
    const m = merge({ 区发改局: ['T-02', '', '序时推进', '50', ''], 区经信局: ['T-02', '', '序时推进', '40', ''] });
    expect(['status', 'percent'].map((k) => [pick(m, k).disagree, pick(m, k).conflict, pick(m, k).from])).toEqual([[undefined, false, '区发改局'], [true, true, '区发改局']]);
    expect(answer(m)).toEqual(['on_track', 50]);
    expect(answer(chooseAnswer(m, 'percent', { unit: '区经信局' }))).toEqual(['on_track', 40]);
  });

  it('units that agree are not marked: a percent given by one of them goes with the status they share', () => {
    const m = merge({ 区科技局: ['T-02', '', '序时推进', '', '认定8家'], 区经信局: ['T-02', '', '序时推进', '60', ''], 区发改局: ['T-02', '', '', '60', ''] });
    expect(['status', 'percent'].map((k) => [pick(m, k).disagree, pick(m, k).conflict])).toEqual([[undefined, false], [undefined, false]]);
    expect(answer(m)).toEqual(['on_track', 60]);
  });
});

describe('planMerges: a unit of a later drop that disagrees with an answer an earlier drop merged', () => {
  // T-02: lead 区科技局, 协办 区经信局. The first drop (区科技局 alone) wrote 序时推进 60.
  const ledger = new Map([['T-02', { status: 'on_track' as const, percent: 60, progress: '科技局：认定8家', problems: '', nextSteps: '' }]]);
  const previousAnswers = new Map([['T-02', new Map([['区科技局', { status: 'on_track' as const, percent: 60 }]])]]);
  const second = (rows: Record<string, Row>, answers = previousAnswers): TaskMerge =>
    planMerges(planReturns(Object.entries(rows).map(([unit, row]) => file(unit, [row])), ctx), round, ledger, { previousAnswers: answers }).find((m) => m.taskKey === 'T-02')!;
  const pick = (m: TaskMerge, k: string) => m.fields.find((f) => f.field === k)!;
  const answer = (m: TaskMerge) => { const f = mergedFields(m); return [f.status, f.percent]; };

  it('is marked 单位间不一致, the earlier answer listed as such; the lead’s (earlier) answer stays by default; the officer may take the new one', () => {
    const m = second({ 区经信局: ['T-02', '', '滞后', '30', '经信局：配合认定'] });
    expect(['status', 'percent'].map((k) => [pick(m, k).disagree, pick(m, k).conflict, pick(m, k).from])).toEqual([[true, true, '区科技局'], [true, true, '区科技局']]);
    expect(pick(m, 'status').incoming).toEqual([
      { unit: '区科技局', role: 'lead', value: '序时推进', earlier: true },
      { unit: '区经信局', role: 'assist', value: '滞后' },
    ]);
    // The ledger's 序时推进 60 stands: nothing to write for status and percent.
    expect([mergedValue(pick(m, 'status')), mergedValue(pick(m, 'percent'))]).toEqual(['序时推进', '60']);
    expect(answer(m)).toEqual([undefined, undefined]);
    expect(answer(chooseAnswer(m, 'status', { unit: '区经信局' }))).toEqual(['behind', 30]);
  });

  it('a later unit that agrees is not marked; the same unit sending again answers anew (its earlier answer is not set against it)', () => {
    const agree = second({ 区经信局: ['T-02', '', '序时推进', '60', '经信局：配合认定'] });
    expect(['status', 'percent'].map((k) => [pick(agree, k).disagree, pick(agree, k).conflict])).toEqual([[undefined, false], [undefined, false]]);
    const again = second({ 区科技局: ['T-02', '', '滞后', '40', '科技局：认定6家'] });
    expect(['status', 'percent'].map((k) => [pick(again, k).disagree, pick(again, k).from])).toEqual([[undefined, '区科技局'], [undefined, '区科技局']]);
    expect(answer(again)).toEqual(['behind', 40]);
  });

  it('without the earlier answers (a 回收 recorded by an older version) nothing is marked, as before', () => {
    const m = second({ 区经信局: ['T-02', '', '滞后', '30', ''] }, new Map());
    expect(pick(m, 'status').disagree).toBeUndefined();
  });
});

describe('planMerges: words that say nothing (无, 暂无, 无问题, 继续推进 …)', () => {
  const merge = (ledger: string, lead: string, assist: string) =>
    planMerges(planReturns([file('区科技局', [['T-02', '', '', '', '', lead]]), file('区经信局', [['T-02', '', '', '', '', assist]])], ctx), round, new Map([['T-02', { progress: '', problems: ledger, nextSteps: '' }]]))
      .find((m) => m.taskKey === 'T-02')!
      .fields.find((f) => f.field === 'problems')!;
  it.each<[string, string, string, string, string, boolean, [string, string][]]>([
    ['are not added under the office’s words', '用地指标未落实，项目前期手续办理滞后。', '无', '', '用地指标未落实，项目前期手续办理滞后。', false, [['区科技局', '无']]],
    ['are not added beside another unit’s words', '', '用地紧张', '暂无问题。', '用地紧张', false, [['区经信局', '暂无问题。']]],
    ['nor under them in any of their forms', '用地紧张', '没有', '无。', '用地紧张', false, [['区科技局', '没有'], ['区经信局', '无。']]],
    ['are written where the ledger is blank and nobody says more', '', '无', '暂无', '无', false, [['区经信局', '暂无']]],
    ['are replaced by words that say something', '无', '用地紧张', '', '用地紧张', true, []],
    ['leave a ledger that says nothing as it is', '无', '暂无', '', '无', false, [['区科技局', '暂无']]],
    ['“go on” words are not added either', '12月底前完成2家机构签约。', '继续推进', '持续推进相关工作。', '12月底前完成2家机构签约。', false, [['区科技局', '继续推进'], ['区经信局', '持续推进相关工作。']]],
    ['a unit’s real words replace 继续推进 alone', '继续推进', '继续推进实验室建设，12月底前完成验收', '', '继续推进实验室建设，12月底前完成验收', true, []],
  ])('%s', (_, ledger, lead, assist, want, conflict, leftOut) => {
    const f = merge(ledger, lead, assist);
    expect(mergedValue(f)).toBe(want);
    expect(f.conflict).toBe(conflict);
    expect((f.leftOut ?? []).map((x) => [x.unit, x.value])).toEqual(leftOut);
  });
});

describe('small rules', () => {
  it.each<[string, number | undefined]>([['60', 60], ['60%', 60], ['60 ％', 60], ['６０', 60], ['６０％', 60], ['', undefined], ['0', 0], ['100', 100]])('readPercent(%j) = %s', (t, want) => expect(readPercent(t)).toBe(want));
  it.each(['过半', '1/2', '60分', '12.5', '0.6', '120', '-5'])('readPercent(%j) is NaN: not a whole number from 0 to 100', (t) => expect(readPercent(t)).toBeNaN());
  it('joinParagraphs drops blanks and repeats', () => expect(joinParagraphs(['a\n\nb', 'b', ' c '])).toBe('a\nb\nc'));
});

describe('the indicator sheet // 指标填报 (Z6)', () => {
  const targets = [
    { id: 't-1', taskKey: 'T-01', name: '研发平台', unit: '家' },
    { id: 't-2', taskKey: 'T-02', name: '高新技术企业', unit: '家' },
  ];
  const withTargets: ReturnContext = { ...ctx, targets };
  /** The unit's file with an indicator sheet: [任务编号, 指标名称, 本期实际值, 指标编号] per row. */
  const withValues = (unit: string, rows: [key: string, name: string, value: string, id: string][], taskRows: Row[] = []) => {
    const f = file(unit, taskRows);
    const header = INDICATOR_COLUMNS.map((c) => c.header);
    const grid = [['指标填报表'], ['填报说明'], header, ...rows.map(([k, n, v, id], i) => [String(i + 1), k, n, '目标', '', v, id])];
    return { ...f, sheets: [f.sheets[0]!, { name: INDICATOR_SHEET.name, rows: grid }, ...f.sheets.slice(1)] };
  };

  it('units that differ: the lead’s value; no lead answering: the ledger’s kept, or the first unit’s where the ledger has none; the officer may choose', () => {
    const files = planReturns([withValues('区科技局', [['T-02', '高新技术企业', '12', 't-2']]), withValues('区经信局', [['T-02', '高新技术企业', '15', 't-2']])], withTargets);
    // 区科技局 leads T-02.
    const [lead] = planMerges(files, round, new Map());
    expect(lead!.indicators).toEqual([expect.objectContaining({ targetId: 't-2', disagree: true, combined: 12, from: '区科技局', action: 'replace', conflict: true })]);
    expect(mergedIndicatorValues(lead!)).toEqual({ 't-2': 12 });
    // The same values with nobody leading T-02.
    const noLead: Round = { ...round, units: round.units.map((u) => ({ ...u, leadKeys: u.leadKeys.filter((k) => k !== 'T-02') })) };
    const ledger = new Map([['T-02', { progress: '', problems: '', nextSteps: '', indicatorValues: { 't-2': 10 } }]]);
    const [kept] = planMerges(files, noLead, ledger);
    expect(kept!.indicators![0]).toMatchObject({ before: 10, combined: 10, action: 'keep', disagree: true });
    expect(mergedIndicatorValues(kept!)).toEqual({});
    const [first] = planMerges(files, noLead, new Map());
    expect(first!.indicators![0]).toMatchObject({ combined: 12, from: '区科技局', action: 'replace' });
    const chosen = chooseIndicator(kept!, 't-2', { unit: '区经信局' });
    expect(mergedIndicatorValues(chosen)).toEqual({ 't-2': 15 });
    expect(mergedIndicatorValues(chooseIndicator(chosen, 't-2', 'keep'))).toEqual({});
  });

  it('the same value as the ledger’s changes nothing; a value beside an empty task row makes a merge of its own', () => {
    const files = planReturns([withValues('区科技局', [['T-01', '研发平台', '８', 't-1']], [['T-02', '培育科技企业', '', '', '已认定8家']])], withTargets);
    expect(files[0]!.indicators).toEqual([expect.objectContaining({ targetId: 't-1', value: 8, row: 4 })]);
    const same = planMerges(files, round, new Map([['T-01', { progress: '', problems: '', nextSteps: '', indicatorValues: { 't-1': 8 } }]]));
    expect(same.find((m) => m.taskKey === 'T-01')!.indicators![0]).toMatchObject({ action: 'keep', conflict: false });
    const fresh = planMerges(files, round, new Map());
    expect(fresh.map((m) => [m.taskKey, m.fields.length, m.indicators?.length ?? 0])).toEqual([
      ['T-01', 0, 1],
      ['T-02', 1, 0],
    ]);
  });

  it('a sheet typed by hand, without 指标编号, is read by 任务编号 and 指标名称; an unknown name is refused with its value', () => {
    const f = file('区科技局', []);
    const grid = [['任务编号', '指标名称', '本期实际值'], ['T-01', '研发 平台', '9'], ['T-02', '独角兽企业', '2']];
    const [p] = planReturns([{ ...f, sheets: [...f.sheets, { name: '指标', rows: grid }] }], withTargets);
    expect(p!.indicators).toEqual([expect.objectContaining({ targetId: 't-1', value: 9, row: 2 })]);
    expect(p!.refusedRows).toEqual([expect.objectContaining({ row: 3, taskKey: 'T-02', title: '独角兽企业', texts: ['本期实际值：2'] })]);
    expect(p!.issues).toContainEqual(expect.objectContaining({ severity: 'error', sheet: '指标', row: 3, message: expect.stringContaining('指标“独角兽企业”在台账中找不到') }));
  });

  it('a count above the whole city’s target for it is read and kept, with the question the task’s form asks', () => {
    const city = [{ id: 't-1', taskKey: 'T-01', name: '高价值专利培育中心', unit: '家', comparator: '达到' as const, value: 45, scope: '全市', year: 2025 }];
    const [p] = planReturns([withValues('区科技局', [['T-01', '高价值专利培育中心', '150', 't-1']])], { ...ctx, targets: city });
    expect(p!.indicators).toEqual([expect.objectContaining({ value: 150, doubt: expect.stringMatching(/^高价值专利培育中心填了150家，而全市的目标是达到45家（2025年）。.*如有误，可选“保留现有”，或写入后在任务的“本期实际值”中改正。$/u) })]);
    const [m] = planMerges([p!], round, new Map());
    expect(m!.indicators![0]!.incoming[0]!.doubt).toBe(p!.indicators![0]!.doubt);
    const [fine] = planReturns([withValues('区科技局', [['T-01', '高价值专利培育中心', '30', 't-1']])], { ...ctx, targets: city });
    expect(fine!.indicators![0]!.doubt).toBeUndefined();
  });

  it('a 协办 unit sending later does not replace the lead’s value of an earlier drop: marked, the lead’s kept', () => {
    // T-02: 区科技局 leads, 区经信局 assists. Drop 1 (区科技局: 12) was written; drop 2 is 区经信局's 15 alone.
    const files = planReturns([withValues('区经信局', [['T-02', '高新技术企业', '15', 't-2']])], withTargets);
    const ledger = new Map([['T-02', { progress: '', problems: '', nextSteps: '', indicatorValues: { 't-2': 12 } }]]);
    const [m] = planMerges(files, round, ledger, { previousValues: new Map([['T-02', new Map([['区科技局', { 't-2': 12 }]])]]) });
    expect(m!.indicators![0]).toMatchObject({ before: 12, combined: 12, from: '区科技局', action: 'keep', disagree: true, conflict: true });
    expect(m!.indicators![0]!.incoming).toEqual([expect.objectContaining({ unit: '区科技局', value: 12, earlier: true }), expect.objectContaining({ unit: '区经信局', value: 15 })]);
    expect(mergedIndicatorValues(m!)).toEqual({});
    // Without the earlier drop, the same file is the only answer, from a 协办 unit: taken, but said.
    const [alone] = planMerges(files, round, new Map());
    expect(alone!.indicators![0]).toMatchObject({ combined: 15, action: 'replace', assistOnly: true });
  });

  it('a value the office cleared after a 回收 stays cleared when the unit sends again (本办改过)', () => {
    const files = planReturns([withValues('区科技局', [['T-01', '研发平台', '40', 't-1']])], withTargets);
    const [m] = planMerges(files, round, new Map([['T-01', { progress: '', problems: '', nextSteps: '', indicatorValues: {} }]]), { officeEditedValues: new Map([['T-01', new Set(['t-1'])]]) });
    expect(m!.indicators![0]).toMatchObject({ action: 'keep', officeEdited: true, conflict: true });
    expect(mergedIndicatorValues(m!)).toEqual({});
  });

  it('a changed 指标编号 is read by 指标名称, said; a name that differs from the 指标编号’s is said; a sheet with only 指标名称 is read', () => {
    const [p] = planReturns([withValues('区科技局', [['T-01', '研发平台', '8', 't-9'], ['T-02', '独角兽', '3', 't-2']])], withTargets);
    expect(p!.indicators!.map((v) => [v.targetId, v.value])).toEqual([
      ['t-1', 8],
      ['t-2', 3],
    ]);
    expect(p!.issues).toContainEqual(expect.objectContaining({ severity: 'warning', row: 4, message: expect.stringContaining('指标编号“t-9”不对，已按指标名称对应到任务 T-01 的“研发平台”') }));
    expect(p!.issues).toContainEqual(expect.objectContaining({ severity: 'warning', row: 5, message: expect.stringContaining('表中写的指标名称是“独角兽”，已按指标编号导入') }));
    const f = file('区科技局', []);
    const [bare] = planReturns([{ ...f, sheets: [...f.sheets, { name: '数据', rows: [['指标名称', '本期实际值'], ['高新技术企业', '21']] }] }], withTargets);
    expect(bare!.indicators).toEqual([expect.objectContaining({ targetId: 't-2', value: 21 })]);
  });

  it('bad input in the sheet: no-figure marks are blank, a figure too large is named, a lost header is said; nothing of theirs is taken', () => {
    const [p] = planReturns([withValues('区科技局', [['T-01', '研发平台', '—', 't-1'], ['T-02', '高新技术企业', '暂无', 't-2']])], withTargets);
    expect(p!.indicators).toEqual([]);
    expect(p!.issues.filter((i) => i.sheet === INDICATOR_SHEET.name)).toEqual([]);
    const [big] = planReturns([withValues('区科技局', [['T-01', '研发平台', '1e13', 't-1']])], withTargets);
    expect(big!.indicators).toEqual([]);
    expect(big!.issues).toContainEqual(expect.objectContaining({ severity: 'error', sheet: INDICATOR_SHEET.name, row: 4, column: 'F列（本期实际值）', message: expect.stringMatching(/数值过大.*这一格没有导入/u) }));
    // The header row overwritten: the sheet's values cannot be placed, and that is said.
    const lost = withValues('区科技局', [['T-01', '研发平台', '8', 't-1']]);
    const sheet = lost.sheets.find((x) => x.name === INDICATOR_SHEET.name)!;
    sheet.rows[INDICATOR_SHEET.headerRow - 1] = ['', '', '', '', '', '', ''];
    const [q] = planReturns([lost], withTargets);
    expect(q!.indicators).toBeUndefined();
    expect(q!.issues).toContainEqual(expect.objectContaining({ severity: 'warning', sheet: INDICATOR_SHEET.name, message: expect.stringContaining('的表头（第 3 行') }));
  });

  it('a file without the sheet reads as before; a city round reads no values (a district’s report has its own 指标 sheet)', () => {
    const [p] = planReturns([file('区科技局', [['T-01', '建设创新平台', '', '', '进展']])], withTargets);
    expect(p!.indicators).toBeUndefined();
    expect(p!.rows).toHaveLength(1);
    const city: Round = { ...round, level: 'city' };
    const [c] = planReturns([withValues('区科技局', [['T-01', '研发平台', '8', 't-1']], [['T-01', '建设创新平台', '', '', '进展']])], { ...withTargets, round: city });
    expect(c!.indicators).toBeUndefined();
  });
});
