import { describe, expect, it } from 'vitest';
import { taskCode, type PolicyDocument, type Task } from '../model';
import { unitRenameTable } from '../unit-names';
import { finalizePlan, planImport, spacedUnits, splitLabelledUnits } from './plan-import';
import { similarity } from './normalize';
import { RENAME_GROUP_ID, type ImportedRow } from './types';

const NOW = '2025-10-08T09:30:00.000Z';
const doc = (id: string, shortTitle: string): PolicyDocument => ({ id, title: shortTitle, shortTitle, kind: 'work-points', source: 's', addedAt: NOW });
const DOCS = [doc('doc-002', '2023年工作要点'), doc('doc-003', '2024年工作要点')];
const TEXTS = [
  '加快建设湖北实验室，推动光谷科技创新大走廊核心承载区建设',
  '实施高新技术企业倍增计划，全年新增高新技术企业1500家以上',
  '推进科技成果转化中心建设，建设10大成果转化中心',
  '引进和培育高端创新团队，新引进战略科技人才团队20个',
  '深化科技金融改革，设立科技创新基金，扩大知识价值信用贷款规模',
];
const task = (i: number, documentId = 'doc-002', extra: Partial<Task> = {}): Task => ({
  key: `${documentId === 'doc-002' ? '2023YD' : '2024YD'}-${String(i + 1).padStart(2, '0')}`,
  documentId,
  number: String(i + 1),
  order: i + 1,
  title: TEXTS[i]!.split('，')[0]!,
  text: TEXTS[i]!,
  leadUnits: ['市科技局'],
  responsibleUnits: ['各区人民政府'],
  deadline: '2023-12-31',
  deadlineText: '2023年底前',
  origin: 'seed',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...extra,
});
const EXISTING = [...TEXTS.map((_, i) => task(i)), ...TEXTS.map((_, i) => task(i, 'doc-003'))];
const rowOf = (t: Task, row: number, over: Partial<ImportedRow['fields']> = {}, withKey = true): ImportedRow => ({
  row,
  fields: {
    ...(withKey ? { key: t.key } : {}),
    document: DOCS.find((d) => d.id === t.documentId)!.shortTitle,
    number: t.number,
    title: t.title,
    text: t.text,
    leadUnits: t.leadUnits.join('、'),
    responsibleUnits: t.responsibleUnits.join('、'),
    deadline: t.deadlineText!,
    ...over,
  },
});
const plan = (rows: ImportedRow[]) => planImport({ fileName: '清单.xlsx', sheet: 'Sheet1', rows, existing: EXISTING, documents: DOCS, now: NOW });

describe('planImport', () => {
  it('finds no change when the ledger exports and re-imports itself', () => {
    const p = plan(EXISTING.map((t, i) => rowOf(t, i + 4)));
    expect(p.unchanged).toHaveLength(10);
    expect([p.added, p.updated, p.removed, p.ambiguous]).toEqual([[], [], [], []]);
    expect(p.unchanged.every((u) => u.how === 'key' && u.confidence === 1)).toBe(true);
  });

  it('matches a city list without 任务编号 by number and text; adds, rewords, archives within the covered document only', () => {
    const d2 = EXISTING.filter((t) => t.documentId === 'doc-002');
    const rows = [
      rowOf(d2[0]!, 3, {}, false),
      rowOf(d2[1]!, 4, { text: `${d2[1]!.text}，培育科技型中小企业`, leadUnits: '市科技局、市经信局' }, false),
      // dropped: d2[2]; renumbered from here on
      rowOf(d2[3]!, 5, { number: '3' }, false),
      rowOf(d2[4]!, 6, { number: '4', deadline: '2024年6月底' }, false),
      { row: 7, fields: { document: '2023年工作要点', number: '5', title: '建设武汉具有全国影响力的科技创新中心示范区', leadUnits: '市发改委' } },
    ];
    const p = plan(rows);
    expect(p.unchanged.map((u) => u.task.key)).toEqual(['2023YD-01']);
    expect(p.updated.map((u) => [u.before.key, u.changedFields])).toEqual([
      ['2023YD-02', ['text', 'leadUnits']],
      ['2023YD-04', ['number']],
      ['2023YD-05', ['number', 'deadline']],
    ]);
    expect(p.updated[2]!.after).toMatchObject({ deadline: '2024-06-30', deadlineText: '2024年6月底', updatedAt: NOW });
    expect(p.removed.map((r) => r.before.key)).toEqual(['2023YD-03']);
    expect(p.removed[0]!.after.archived).toBe(true);
    expect(p.added.map((a) => [a.row, a.task.documentId, a.task.leadUnits, a.task.origin])).toEqual([[7, 'doc-002', ['市发改委'], 'import']]);
    expect(p.scopeDocumentIds).toEqual(['doc-002']);
  });

  it('asks the officer when a row is only somewhat like a task, and follows the choice', () => {
    const t = EXISTING[0]!;
    const rows = EXISTING.filter((x) => x.documentId === 'doc-002').map((x, i) => rowOf(x, i + 2));
    rows[0] = { row: 2, fields: { title: '加快建设湖北实验室和国家级创新平台', text: '加快建设湖北实验室，建设国家级创新平台和重大科技基础设施' } };
    const p = plan(rows);
    expect(p.ambiguous).toHaveLength(1);
    expect(p.ambiguous[0]!.candidates[0]!.task.key).toBe(t.key);
    expect(p.removed.map((r) => r.before.key)).toEqual([t.key]);
    expect(finalizePlan(p, { skipped: new Set(), choices: {} }).issues[0]?.message).toContain('还有 1 行需要您确认');
    const chosen = finalizePlan(p, { skipped: new Set(), choices: { [p.ambiguous[0]!.id]: t.key } }).accepted!;
    expect(chosen.updatedKeys).toEqual([t.key]);
    expect(chosen.archivedKeys).toEqual([]);
    expect(chosen.tasks.find((x) => x.key === t.key)!.text).toContain('重大科技基础设施');
    const asNew = finalizePlan(p, { skipped: new Set(), choices: { [p.ambiguous[0]!.id]: 'new' } }).accepted!;
    expect(asNew.addedKeys).toHaveLength(1);
    expect(asNew.archivedKeys).toEqual([t.key]);
  });

  it('leaves out skipped entries and restores an archived task listed again', () => {
    const archived = { ...EXISTING[2]!, archived: true };
    const existing = EXISTING.map((t) => (t.key === archived.key ? archived : t));
    const rows = existing.filter((t) => t.documentId === 'doc-002').map((t, i) => rowOf(t, i + 2, t.key === '2023YD-01' ? { title: '新名称' } : {}));
    const p = planImport({ fileName: 'a.xlsx', sheet: 'S', rows, existing, documents: DOCS, now: NOW });
    expect(p.updated.map((u) => [u.before.key, u.restored])).toEqual([['2023YD-01', false], ['2023YD-03', true]]);
    expect(p.updated[1]!.after.archived).toBeUndefined();
    const acc = finalizePlan(p, { skipped: new Set([p.updated[0]!.id]), choices: {} }).accepted!;
    expect(acc.updatedKeys).toEqual(['2023YD-03']);
  });

  it('creates a document for a list that names an unknown one, and issues unique keys', () => {
    const p = plan([
      { row: 2, fields: { document: '2025年工作要点', title: '甲任务', key: '2023YD-01X' } },
      { row: 3, fields: { document: '2025年工作要点', title: '乙任务', key: '2023YD-01' } },
    ]);
    expect(p.newDocuments.map((d) => d.title)).toEqual(['2025年工作要点']);
    expect(p.issues.map((i) => [i.row, i.severity])).toEqual([[2, 'warning']]);
    // 2023YD-01 exists but its text is unrelated: its own key matches it (编号 is authoritative).
    expect(p.added.map((a) => a.task.key)).toEqual(['2023YD-01X']);
    expect(p.updated.map((u) => u.before.key)).toEqual(['2023YD-01']);
  });

  it('plans 50,000 rows in reasonable time', () => {
    const rows: ImportedRow[] = Array.from({ length: 50_000 }, (_, i) => ({
      row: i + 2,
      fields: { document: '2025年重点任务', number: String(i + 1), title: `第${i + 1}项重点任务：推进${TEXTS[i % 5]!.slice(0, 12)}`, leadUnits: '市科技局' },
    }));
    const t0 = Date.now();
    const p = plan(rows);
    expect(p.added).toHaveLength(50_000);
    expect(new Set(p.added.map((a) => a.task.key)).size).toBe(50_000);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});

describe('planImport: what the city changed, apart from renames, fills and relevance', () => {
  const canon = (t: Task): Task => ({ ...t, leadUnits: ['市科技创新局'], responsibleUnits: ['市发改委', '各区人民政府'] });
  const ledger = EXISTING.filter((t) => t.documentId === 'doc-002').map(canon);
  const run = (rows: ImportedRow[], extra: Partial<Parameters<typeof planImport>[0]> = {}) =>
    planImport({ fileName: 'l.xlsx', sheet: 'S', rows, existing: ledger, documents: DOCS, now: NOW, district: '汉阳区', clusters: [], ...extra });
  const row = (i: number, fields: ImportedRow['fields']): ImportedRow => ({ row: i + 4, fields: { number: String(i + 1), title: ledger[i]!.title, ...fields } });

  it.each([
    ['an old unit name', { leadUnits: '市科技局', responsibleUnits: '市发改委，各区人民政府' }],
    ['the 〈含开发区…〉 note', { responsibleUnits: '市发改委，各区人民政府〈含开发区、长江新区管委会，下同〉' }],
    ['a （含…） note', { responsibleUnits: '市发改委、各区人民政府（含开发区）' }],
    ['a merged cell left blank', { leadUnits: '' }],
    ['a placeholder', { responsibleUnits: '—' }],
  ])('%s is no change and never touches relevance', (_, fields) => {
    const p = run([row(0, fields)]);
    expect([p.updated, p.relevanceChanged]).toEqual([[], []]);
    expect(p.unchanged.map((u) => u.task.key)).toEqual([ledger[0]!.key]);
  });

  it('a real change of 责任单位 that leaves out the districts is listed as lost, with its field and reasons', () => {
    const p = run([row(0, { responsibleUnits: '市发改委、东湖高新区管委会' })]);
    expect(p.updated[0]!.changedFields).toEqual(['responsibleUnits']);
    expect(p.relevanceChanged).toEqual([
      { id: `relevance-${ledger[0]!.key}`, key: ledger[0]!.key, row: 4, change: 'lost', cause: 'fields', fields: ['responsibleUnits'], before: ['各区人民政府：全部区参与'], after: [] },
    ]);
  });

  it('an officer rename unifies the names the ledger stores: once per pair, written with 名称统一, not a change', () => {
    const renames = unitRenameTable([{ from: '市科技创新局', to: '市科学技术和创新局' }]);
    const p = run([row(0, { leadUnits: '市科技局' }), row(1, {})], { renames });
    expect(p.updated).toEqual([]);
    expect(p.renamed).toEqual([
      { from: '市科技局', to: '市科学技术和创新局', rows: [4], keys: [] },
      { from: '市科技创新局', to: '市科学技术和创新局', rows: [], keys: [ledger[0]!.key, ledger[1]!.key] },
    ]);
    const all = finalizePlan(p, { skipped: new Set(), choices: {} }, renames).accepted!;
    expect(all.tasks.map((t) => t.leadUnits)).toEqual([['市科学技术和创新局'], ['市科学技术和创新局']]);
    expect(all.filledKeys).toEqual([ledger[0]!.key, ledger[1]!.key]);
    expect(finalizePlan(p, { skipped: new Set([RENAME_GROUP_ID]), choices: {} }, renames).accepted!.tasks).toEqual([]);
  });

  it('fills an empty ledger field as 补充 and changes a different one as 修改, separately skippable', () => {
    const bare = ledger.map((t) => ({ ...t, deadline: undefined, deadlineText: undefined }));
    const p = run([row(0, { deadline: '2023年12月底前', leadUnits: '市发改委' })], { existing: bare });
    expect(p.updated[0]!.changedFields).toEqual(['leadUnits']);
    expect(p.filled[0]!.filledFields).toEqual(['deadline']);
    expect(p.unchanged).toEqual([]);
    const onlyChange = finalizePlan(p, { skipped: new Set([p.filled[0]!.id]), choices: {} }).accepted!.tasks[0]!;
    expect([onlyChange.leadUnits, onlyChange.deadlineText]).toEqual([['市发改委'], undefined]);
    const onlyFill = finalizePlan(p, { skipped: new Set([p.updated[0]!.id]), choices: {} }).accepted!.tasks[0]!;
    expect([onlyFill.leadUnits, onlyFill.deadlineText]).toEqual([['市科技创新局'], '2023年12月底前']);
  });

  it('an archived task listed again starts to concern the district again', () => {
    const archived = ledger.map((t, i) => (i === 0 ? { ...t, archived: true } : t));
    const p = run([row(0, {})], { existing: archived });
    expect(p.updated.map((u) => u.restored)).toEqual([true]);
    expect(p.relevanceChanged.map((r) => [r.key, r.change, r.cause, r.after])).toEqual([[ledger[0]!.key, 'gained', 'restored', ['各区人民政府：全部区参与']]]);
  });

  it("a task added to a known document is keyed as its neighbours (2023YD-23), prints so, and a later list finds it by its number", () => {
    const p = run([row(0, {}), row(1, {}), { row: 9, fields: { number: '23', title: '建设未来产业先导区', leadUnits: '市科技局', responsibleUnits: '各区人民政府' } }]);
    const added = p.added[0]!.task;
    expect([added.key, added.displayKey, taskCode(added), added.number]).toEqual(['2023YD-23', undefined, '2023YD-23', '23']);
    expect(p.relevanceChanged.map((r) => [r.key, r.change, r.cause])).toEqual([[added.key, 'gained', 'added']]);
    // The city's next list: the same number in the same document, or the printed code.
    const byNumber = run([row(0, {}), { row: 3, fields: { number: '23', title: '建设未来产业先导区' } }], { existing: [...ledger, added] });
    expect(byNumber.unchanged.map((u) => u.task.key)).toContain(added.key);
    const byCode = run([{ row: 3, fields: { key: '2023YD-23', title: '建设未来产业先导区' } }], { existing: [...ledger, added] });
    expect(byCode.unchanged.map((u) => [u.task.key, u.how])).toEqual([[added.key, 'key']]);
  });

  it("keeps the list's number as the 任务编号 when the document's own key is taken, and finds it again by that number", () => {
    const taken = { ...ledger[0]!, key: '2023YD-23', number: '23', title: '一项已归档的旧任务', text: '一项已归档的旧任务', archived: true };
    const p = run([row(0, {}), { row: 9, fields: { number: '23', title: '建设未来产业先导区', leadUnits: '市科技局', responsibleUnits: '各区人民政府' } }], { existing: [...ledger, taken] });
    const added = p.added.find((a) => a.task.title === '建设未来产业先导区')!.task;
    expect([added.key.startsWith('IMP'), added.displayKey, taskCode(added)]).toEqual([true, '23', '23']);
    const again = run([{ row: 3, fields: { key: '23', title: '建设未来产业先导区' } }], { existing: [...ledger, added] });
    expect(again.unchanged.map((u) => [u.task.key, u.how])).toEqual([[added.key, 'key']]);
  });
});

describe('deadlines written another way', () => {
  it.each([
    ['2023年12月底前', true],
    ['2023年12月31日', true],
    ['2023/12/31', true],
    ['2023年底', true],
    ['2023年11月底前', false],
    ['2023年6月启动，12月底前完成', false],
    ['长期坚持', false],
  ])('%s against 2023年底前: unchanged = %s', (deadline, same) => {
    const t = EXISTING[0]!;
    const p = plan([rowOf(t, 2, { deadline })]);
    expect(p.unchanged.length === 1).toBe(same);
  });
});

describe('one 责任单位 column carrying the lead', () => {
  const t = { ...EXISTING[0]!, leadUnits: ['市科技创新局'], responsibleUnits: ['市发改委', '各区人民政府'] };
  const run = (responsibleUnits: string) =>
    planImport({ fileName: 'l.xlsx', sheet: 'S', rows: [{ row: 2, fields: { title: t.title, text: t.text, responsibleUnits } }], existing: [t], documents: DOCS, now: NOW });
  it.each([
    ['市科技局（牵头）、市发改委，各区人民政府', []],
    ['市科技创新局、市发改委、各区人民政府', []],
    ['市发改委（牵头）、市科技局，各区人民政府', ['leadUnits', 'responsibleUnits']], // 市科技创新局 is now a partner
    ['市科技局（牵头）、市经信局，各区人民政府', ['responsibleUnits']],
  ])('%s → changed %j', (cell, changed) => expect(run(cell).updated[0]?.changedFields ?? []).toEqual(changed));
});
describe('a list asking for too many confirmations', () => {
  // The same text stands in two documents: a row naming neither is ambiguous.
  const ambiguousRows = (n: number): ImportedRow[] =>
    Array.from({ length: n }, (_, i) => ({ row: i + 2, fields: { title: EXISTING[i % 5]!.title, text: EXISTING[i % 5]!.text } }));
  const plan = (n: number) => planImport({ fileName: 'f.xlsx', sheet: '清单', rows: ambiguousRows(n), existing: EXISTING, documents: DOCS, now: NOW });

  it('asks for up to 300 confirmations', () => {
    const p = plan(300);
    expect(p.ambiguous).toHaveLength(300);
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses 301 with a message naming the sheet and the count, and plans nothing', () => {
    const p = plan(301);
    expect(p.ambiguous).toEqual([]);
    expect(p.added.length + p.updated.length + p.removed.length).toBe(0);
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]!.severity).toBe('error');
    expect(p.issues[0]!.message).toContain('工作表“清单”有 301 行无法自动对应');
    expect(p.issues[0]!.message).toContain('超过了 300 行的上限');
    expect(finalizePlan(p, { skipped: new Set(), choices: {} }).accepted).toBeUndefined();
  });
});

describe('exact matches first', () => {
  const base = EXISTING.filter((t) => t.documentId === 'doc-002');
  // A near twin of task 1: the same text with a few more words (Dice ≥ 0.92 with it).
  const twin = task(0, 'doc-002', { key: '2023YD-99', number: '99', order: 99, text: `${TEXTS[0]}等工作` });
  const run = (rows: ImportedRow[], existing: Task[]) => planImport({ fileName: '清单.xlsx', sheet: 'S', rows, existing, documents: DOCS, now: NOW });
  const exactRow = (t: Task, over: Partial<ImportedRow['fields']> = {}): ImportedRow => ({ row: 2, fields: { title: t.title, text: t.text, ...over } });

  it('take a row whose text is exactly one task’s, even when another task is nearly the same', () => {
    expect(similarity(twin.title + twin.text, base[0]!.title + base[0]!.text)).toBeGreaterThanOrEqual(0.92);
    const p = run([exactRow(base[0]!)], [...base, twin]);
    expect(p.unchanged.map((u) => [u.task.key, u.how, u.confidence])).toEqual([[base[0]!.key, 'text', 1]]);
    expect(p.ambiguous).toEqual([]);
    // The twin's own text is exact for the twin.
    expect(run([exactRow(twin)], [...base, twin]).unchanged.map((u) => u.task.key)).toEqual([twin.key]);
  });

  it('say 按编号 when the row’s number points at that task in the document it names', () => {
    const p = run([exactRow(base[2]!, { document: '2023年工作要点', number: '3' })], [...base, twin]);
    expect(p.unchanged.map((u) => [u.task.key, u.how])).toEqual([[base[2]!.key, 'number']]);
  });

  it('score the row as before when two tasks have its text, or its number points elsewhere', () => {
    // The same text in two documents: a row naming neither is asked about.
    expect(run([exactRow(base[0]!)], EXISTING).ambiguous.map((a) => a.candidates.map((c) => c.task.key).sort())).toEqual([['2023YD-01', '2024YD-01']]);
    // Number 2 points at another task with another text: the text wins, as it always did.
    const p = run([exactRow(base[0]!, { document: '2023年工作要点', number: '2' })], base);
    expect(p.updated.map((u) => [u.before.key, u.how, u.changedFields])).toEqual([[base[0]!.key, 'text', ['number']]]);
  });

  it('read the same unit cell once for the whole list, and never share the units read between tasks', () => {
    const rows = base.map((t, i) => ({ ...exactRow(t, { leadUnits: '市科技局、市发改委' }), row: i + 2 }));
    const p = run(rows, base);
    const after = p.updated.map((u) => u.after.leadUnits);
    expect(after).toHaveLength(5);
    // 市科技局 is 市科技创新局's old name: every task gets the canonical list, each its own copy.
    expect(after.map((u) => u.join('、'))).toEqual(Array(5).fill('市科技创新局、市发改委'));
    expect(new Set(after).size).toBe(5);
    after[0]!.push('市财政局');
    expect(run(rows, base).updated.map((u) => u.after.leadUnits.join('、'))).toEqual(Array(5).fill('市科技创新局、市发改委'));
  });
});

describe('spacedUnits', () => {
  const cases: [string, string][] = [
    ['市发改委 市科技创新局 市财政局', '市发改委、市科技创新局、市财政局'],
    ['市科技局、市发改委 市财政局', '市科技局、市发改委、市财政局'],
    ['市科技局　团市委', '市科技局、团市委'],
    ['各区人民政府 （牵头）', '各区人民政府 （牵头）'],
    ['市科技局', '市科技局'],
    ['市 科技局', '市 科技局'],
    ['市科技局（牵头） 市发改委', '市科技局（牵头）、市发改委'],
  ];
  for (const [cell, read] of cases) it(`“${cell}” → “${read}”`, () => expect(spacedUnits(cell)).toBe(read));
});

describe('a unit cell written with its labels', () => {
  it.each([
    [{ responsibleUnits: '牵头单位：市科技局；责任单位：市发改委、各区人民政府' }, { leadUnits: '市科技局', responsibleUnits: '市发改委、各区人民政府' }],
    [{ responsibleUnits: '（牵头单位：市科技局；责任单位：市发改委）' }, { leadUnits: '市科技局', responsibleUnits: '市发改委' }],
    [{ responsibleUnits: '牵头：市人才工作局 配合：市人社局、市教育局' }, { leadUnits: '市人才工作局', responsibleUnits: '市人社局、市教育局' }],
    [{ leadUnits: '牵头单位：市科技局；配合单位：市财政局' }, { leadUnits: '市科技局', responsibleUnits: '市财政局' }],
    // A column of its own for the other part wins.
    [{ leadUnits: '市经信局', responsibleUnits: '牵头单位：市科技局；责任单位：市发改委' }, { leadUnits: '市经信局', responsibleUnits: '市发改委' }],
    [{ responsibleUnits: '责任单位：市人才工作局，市教育局' }, { responsibleUnits: '市人才工作局，市教育局' }],
    [{ responsibleUnits: '市科技局（牵头）、市发改委' }, { responsibleUnits: '市科技局（牵头）、市发改委' }],
  ])('%j → %j', (fields, out) => {
    expect(splitLabelledUnits(fields)).toEqual(out);
  });
});

describe('planImport: a hidden row and a visible one listing the same task', () => {
  it('the visible row is the list’s, however surely the hidden one matched; the hidden row is said, not asked about', () => {
    const [t] = EXISTING;
    const hidden: ImportedRow = { ...rowOf(t!, 4, {}, false), hidden: true };
    const shown = rowOf(t!, 5, { deadline: '2024年6月底前' }, false);
    const p = plan([hidden, shown, ...EXISTING.slice(1, 5).map((x, i) => rowOf(x, i + 6, {}, false))]);
    expect(p.updated.map((u) => [u.row, u.before.key, u.changedFields])).toEqual([[5, t!.key, ['deadline']]]);
    expect(p.ambiguous).toEqual([]);
    expect(p.added).toEqual([]);
    expect(p.issues.map((i) => i.row)).toEqual([4]);
    expect(p.issues[0]!.message).toContain('第 5 行');
  });
});

describe('planImport: a document named as the city shortens it', () => {
  const full: PolicyDocument = { id: 'doc-a', title: '武汉市建设国际研发中心城市三年行动方案（2025—2027年）', shortTitle: '研发中心城市三年行动', kind: 'action-plan', source: 's', addedAt: NOW };
  const opinion: PolicyDocument = { id: 'doc-b', title: '关于推进科教人才优势转化为创新发展优势的意见', shortTitle: '科教人才意见', kind: 'opinion', source: 's', addedAt: NOW };
  const points: PolicyDocument = { id: 'doc-c', title: '2023年武汉市科技创新工作要点', shortTitle: '2023年工作要点', kind: 'work-points', source: 's', addedAt: NOW };
  const docs = [full, opinion, points];
  const existing = docs.map((d, i) => task(i, d.id, { key: `K-${i}` }));
  const planned = (names: string[]) =>
    planImport({ fileName: 'l.xlsx', sheet: 'S', rows: names.map((n, i) => ({ row: i + 2, fields: { document: n, title: `新任务${i}` } })), existing, documents: docs, now: NOW });

  it('without the city, a year span or 关于推进: the one document whose name it is, or holds it', () => {
    const p = planned(['武汉市建设国际研发中心城市三年行动方案', '科教人才优势转化为创新发展优势的意见', '2023年科技创新工作要点']);
    expect(p.newDocuments).toEqual([]);
    expect(p.added.map((a) => a.task.documentId)).toEqual(['doc-a', 'doc-b', 'doc-c']);
  });

  it('another year, another name, or a name too short to tell is a new document', () => {
    const p = planned(['2024年科技创新工作要点', '武汉市促进未来产业发展若干措施', '工作要点']);
    expect(p.newDocuments.map((d) => d.title)).toEqual(['2024年科技创新工作要点', '武汉市促进未来产业发展若干措施', '工作要点']);
  });
});
