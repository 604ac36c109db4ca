import { describe, expect, it } from 'vitest';
import { makePeriod } from '../period';
import type { Target } from '../model';
import { checkTemplate, fillText, findPlaceholders, type TemplateCell } from './placeholders';
import { buildClusterRows, buildReportData, buildSummaryRows, buildTargetRows, buildTaskRows, findBlankClusterItems, findMissingItems, findOverdueOnTime, findStatusClashes, findValuesAboveWhole, looksLikeFormula, missingCounts, reportTasks } from './rows';
import { aDocument, anEntry, aTask } from '../../../test/builders/dashboard';
import { buildDashboard } from '../dashboard';
import { ledgerCsvFileName, reportFileName } from './kinds';
import { indicatorKey } from '../indicators/names';
import { CONTINUED_MARK, MAX_ROW_HEIGHT, continuedName, PRINT_ROW_HEIGHT, estimateLines, linesAtMost, linesPerRow, piecesAsCells, printCut, rowHeightFor, splitTextForPrint } from './layout';

const Q3 = makePeriod('quarter', 2025, 3);
const cell = (address: string, text: string, sheet = '表1'): TemplateCell => ({ sheet, address, row: Number(address.replace(/\D/g, '')), text });

describe('checkTemplate', () => {
  it.each([
    ['a good task template', [cell('A1', '{{district}}{{period}}表'), cell('A4', '{{task.seq}}'), cell('D4', '{{ task.title }}')], [], 0],
    ['an unknown scalar', [cell('A1', '{{distrct}}'), cell('A4', '{{task.key}}')], ['A1'], 1],
    ['an unknown row field', [cell('A4', '{{task.key}}'), cell('B4', '{{task.owner}}')], ['B4'], 1],
    ['an unknown scope', [cell('A4', '{{project.name}}')], ['A4'], 2], // unknown + no data row
    ['two data rows', [cell('A4', '{{task.key}}'), cell('A5', '{{task.title}}')], ['A5'], 1],
    ['mixed scopes in a row', [cell('A4', '{{task.key}}'), cell('B4', '{{target.name}}')], ['B4'], 1],
    ['no data row', [cell('A1', '{{district}}')], [undefined], 1],
  ] as const)('%s', (_name, cells, issueCells, count) => {
    const r = checkTemplate(['表1'], cells, []);
    expect(r.issues).toHaveLength(count);
    issueCells.forEach((c, i) => {
      expect(r.issues[i]!.cell).toBe(c);
      if (c) expect(r.issues[i]!.message).toContain(c);
    });
  });

  it('finds each sheet layout and requires the scopes a report needs', () => {
    const cells = [cell('A4', '{{task.key}}', '任务'), cell('A4', '{{summary.status}}', '汇总')];
    const r = checkTemplate(['任务', '汇总'], cells, ['task', 'summary']);
    expect(r.issues).toEqual([]);
    expect(r.sheets).toEqual([
      { sheet: '任务', dataRow: 4, scope: 'task' },
      { sheet: '汇总', dataRow: 4, scope: 'summary' },
    ]);
    expect(checkTemplate(['任务'], [cells[0]!], ['task', 'cluster']).issues[0]!.message).toContain('产业集群');
  });
});

describe('placeholders', () => {
  it('fills scalars and row values and leaves unknown names visible', () => {
    expect(findPlaceholders('{{district}}：{{task.title}}')).toEqual([
      { raw: 'district', field: 'district' },
      { raw: 'task.title', scope: 'task', field: 'title' },
    ]);
    expect(fillText('{{district}}{{period}}，{{task.title}}，{{x}}', { district: '汉阳区', period: '2025年第三季度' }, { title: '建设' })).toBe(
      '汉阳区2025年第三季度，建设，{{x}}',
    );
  });
  it.each([
    ['=1+1', true],
    ['+86 027', true],
    ['-5%', true],
    ['@SUM(A1)', true],
    ['\t=1+1', true],
    ['\r=1+1', true],
    ['＝1+1', true],
    ['＋86 027', true],
    ['－5%', true],
    ['＠SUM(A1)', true],
    ['完成=100%', false],
    [' 完成', false],
    ['', false],
  ])('looksLikeFormula(%s) = %s', (text, yes) => expect(looksLikeFormula(text)).toBe(yes));
});

describe('targets and periods', () => {
  const target = (over: Partial<Target>): Target => ({ id: 't', documentId: 'd', name: '研发平台', unit: '家', comparator: '达到', value: 100, year: 2025, kind: 'goal', sourceText: '研发平台达到100家', ...over });
  const progress = (v: number) => [{ id: 'x', district: '汉阳区', taskKey: 'k', periodId: Q3.id, progress: '', problems: '', nextSteps: '', indicatorValues: { t: v }, filledBy: '', updatedAt: '' }];
  const task = { key: 'k', documentId: 'd', number: '1', order: 1, title: '建设研发平台', text: '建设研发平台。', leadUnits: ['市科技局'], responsibleUnits: ['各区人民政府'], origin: 'seed' as const, updatedAt: '' };
  const documents = [{ id: 'd', title: '行动方案', shortTitle: '行动方案', kind: 'action-plan' as const, source: '', addedAt: '' }];

  it.each([
    ['no value yet', undefined, {}, undefined, null, '未填报'],
    ['a 全市 target only: shown for reference, not judged', 20, {}, undefined, null, '仅供参考'],
    ['met the district target', 120, {}, { value: 100 }, 120, '已达标'],
    ['on the district line (37.5 % of the way by the end of Q3)', 45, {}, { value: 100, baseline: 10, baselineYear: 2024, year: 2026 }, 38.9, '序时'],
    ['behind the district line', 20, {}, { value: 100, baseline: 10, baselineYear: 2024, year: 2026 }, 11.1, '滞后'],
    ['a district cap kept', 90, { comparator: '控制在' as const }, { value: 100 }, 100, '已达标'],
  ])('%s', (_n, actual, over, own, rate, judgement) => {
    const [row] = buildTargetRows({
      targets: [target({ taskKey: 'k', ...over })],
      tasks: [task],
      documents,
      clusters: [],
      progress: actual === undefined ? [] : progress(actual),
      district: '汉阳区',
      period: Q3,
      districtTargets: own ? { [indicatorKey('研发平台数量', '家')]: own } : {},
    });
    expect(row!.rate).toBe(rate);
    expect(row!.judgement).toBe(judgement);
    expect(row!.cityTarget).toBe(`${'comparator' in over ? over.comparator : '达到'}100家（2025年）`);
    expect(row!.scope).toBe(own ? '本区目标' : '全市目标');
  });

  it('the pre-export check names a value above the whole city’s target, by its row, and nothing else (walk10)', () => {
    const base = { tasks: [task], documents, clusters: [], district: '汉阳区', period: Q3, districtTargets: {} };
    const city = [target({ taskKey: 'k', scope: '全市', value: 45 })];
    const [item] = findValuesAboveWhole({ ...base, targets: city, progress: progress(150) });
    expect(item).toMatchObject({ seq: 1, name: '研发平台数量' });
    expect(item!.reason).toContain('150家');
    expect(item!.reason).toContain('达到45家（2025年）');
    // The same rule as the forms: at or below the whole, each district's (各区), or no value: nothing.
    expect(findValuesAboveWhole({ ...base, targets: city, progress: progress(45) })).toEqual([]);
    expect(findValuesAboveWhole({ ...base, targets: [target({ taskKey: 'k', scope: '各区', value: 45 })], progress: progress(150) })).toEqual([]);
    expect(findValuesAboveWhole({ ...base, targets: city, progress: [] })).toEqual([]);
    // The row it names is the 指标完成情况表's.
    expect(buildTargetRows({ ...base, targets: city, progress: progress(150) })[item!.seq - 1]!.actual).toBe(150);
  });

  it('an indicator whose target years are all over is not asked for (到2023年 in a 2026 report, walk7 W5), unless a value was reported for it', () => {
    const base = { tasks: [task], documents, clusters: [], district: '汉阳区', districtTargets: {} };
    const later = makePeriod('quarter', 2026, 4);
    const past = [target({ taskKey: 'k', year: 2023 }), target({ id: 't2', taskKey: 'k', year: 2025, value: 150 })];
    expect(buildTargetRows({ ...base, targets: past, progress: [], period: later })).toEqual([]);
    // Still asked in its own years, and whenever the district reports a value for it.
    expect(buildTargetRows({ ...base, targets: past, progress: [], period: Q3 })).toHaveLength(1);
    const typed = [{ ...progress(120)[0]!, periodId: later.id }];
    expect(buildTargetRows({ ...base, targets: past, progress: typed, period: later }).map((r) => r.actual)).toEqual([120]);
    // A target year still to come (or none) keeps it; so does a district target of a later year.
    expect(buildTargetRows({ ...base, targets: [...past, target({ id: 't3', taskKey: 'k', year: 2027 })], progress: [], period: later })).toHaveLength(1);
    expect(buildTargetRows({ ...base, targets: [target({ taskKey: 'k', year: undefined })], progress: [], period: later })).toHaveLength(1);
    expect(buildTargetRows({ ...base, targets: past, progress: [], period: later, districtTargets: { [indicatorKey('研发平台数量', '家')]: { value: 40, year: 2027 } } })).toHaveLength(1);
  });

  it('names files the city way', () => {
    expect(reportFileName('汉阳区', Q3, 'tasks')).toBe('汉阳区_2025年第三季度_重点任务推进情况表.xlsx');
    expect(reportFileName('东湖新技术开发区', makePeriod('month', 2025, 11), 'clusters', 'csv')).toBe('东湖新技术开发区_2025年11月_产业集群推进情况表.csv');
    // The ledger's CSV is the office's own list, never named as a report it seals.
    expect(ledgerCsvFileName('汉阳区', makePeriod('quarter', 2025, 3))).toBe('汉阳区_2025年第三季度_任务台账清单.csv');
  });
});

describe('row heights', () => {
  it.each([
    ['', 10, 1],
    ['汉阳区', 10, 1],
    ['一二三四五六七八九十', 23, 2], // 10 CJK at 2.2 units each in a column of 21.8 usable units
    ['第一行\n第二行', 30, 2],
    ['abcdefghij', 14, 1],
    ['abcdefghij', 12, 2],
    ['第一行\r\n第二行', 30, 2],
    ['\n\n', 10, 3],
    ['ab\rcd', 14, 1], // a lone carriage return is no line break
    ['𠀀𠀀𠀀𠀀𠀀', 5, 5], // one wide character each (a surrogate pair), one a line in 3.8 usable units
    ['一二三四五六七八九十\n\n一二三', 8, 6],
  ])('estimateLines(%j, %d) = %d', (text, width, lines) => expect(estimateLines(text, width, 11)).toBe(lines));
  it('grows with lines', () => expect(rowHeightFor(3, 10)).toBeGreaterThan(rowHeightFor(1, 10)));
  it.each([
    ['', 10, 1],
    ['一二三四五六七八九十', 23, 3], // 9 wide characters fit in 21.8 units, 8 counted a line: 1 + 2
    ['第一行\n第二行', 30, 3],
    ['a'.repeat(100), 12, 35], // counted as wide: 4 fit in 10.8 units, 3 counted a line
  ])('linesAtMost(%j, %d) = %d', (text, width, bound) => expect(linesAtMost(text, width, 11)).toBe(bound));
  it('linesAtMost is never below estimateLines', () => {
    // Texts of wide, narrow and surrogate-pair characters, CRLF, LF and lone CR, in many widths and fonts.
    const alphabet = ['汉', '阳', '，', 'a', '1', ' ', '\n', '\r\n', '\r', '𠀀', 'Ａ'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 5000; t++) {
      let text = '';
      for (let i = Math.floor(next() * 200); i > 0; i--) text += alphabet[Math.floor(next() * alphabet.length)];
      const width = 2 + next() * 60;
      const font = [8, 9, 10, 10.5, 11, 12, 14, 16][t % 8]!;
      expect(linesAtMost(text, width, font), `${JSON.stringify(text)} ${width} ${font}`).toBeGreaterThanOrEqual(estimateLines(text, width, font));
    }
    for (const width of [4.4, 6.6, 8.8, 11, 13.2, 17.6, 22, 35.2]) {
      const text = '汉'.repeat(500);
      expect(linesAtMost(text, width + 1.2, 11)).toBeGreaterThanOrEqual(estimateLines(text, width + 1.2, 11));
    }
  });
});

describe('buildTaskRows: 任务编号', () => {
  it("prints an imported task's list number, keeping the internal key for links", async () => {
    const { buildTaskRows, findMissingItems } = await import('./rows');
    const base = { documentId: 'doc-002', order: 1, text: '', leadUnits: ['市科技创新局'], responsibleUnits: ['各区人民政府'], origin: 'seed' as const, updatedAt: '' };
    const tasks = [
      { ...base, key: '2023GZYD-01', number: '1', title: '健全长效推进机制' },
      { ...base, key: 'IMP20261126-001', displayKey: '23', number: '23', order: 23, title: '建设未来产业先导区', origin: 'import' as const },
    ];
    const rows = buildTaskRows({ documents: [], tasks, clusters: [], progress: [], district: '汉阳区', period: Q3 });
    expect(rows.map((r) => [r.key, r.taskKey])).toEqual([['2023GZYD-01', undefined], ['23', 'IMP20261126-001']]);
    expect(findMissingItems(rows).map((m) => m.taskKey)).toEqual(['2023GZYD-01', 'IMP20261126-001']);
  });
});

describe('buildReportData', () => {
  const tasks = [aTask('d1-1', 'd1', { responsibleUnits: ['各区人民政府'] }), aTask('d1-2', 'd1', { responsibleUnits: ['各区人民政府'] })];
  const src = {
    district: '汉阳区',
    period: Q3,
    documents: [aDocument('d1')],
    tasks,
    progress: [anEntry('汉阳区', 'd1-1', '2025-Q3', 'done')],
    targets: [{ id: 't1', documentId: 'd1', taskKey: 'd1-1', name: '高新技术企业', unit: '家', comparator: '达到' as const, value: 10, year: 2025, kind: 'task' as const, sourceText: '' }],
    clusters: [{ id: 'c1', district: '汉阳区', name: '大健康产业集群', keywords: ['医药'], includedTaskKeys: ['d1-2'], excludedTaskKeys: [], origin: 'seed' as const, order: 1 }],
    clusterIndicators: [],
    clusterIndicatorValues: [],
    clusterProgress: [],
  };
  const meta = { filledDate: '2025-10-08', filledBy: '张三', phone: '', reviewer: '' };
  it('builds a scope’s rows when they are first read, the same as each builder alone, and keeps them', () => {
    const data = buildReportData(src, meta, '重点任务推进情况表');
    for (const scope of ['task', 'target', 'cluster', 'summary'] as const) expect(Object.getOwnPropertyDescriptor(data.rows, scope)?.get, scope).toBeTypeOf('function');
    const task = data.rows.task;
    expect(data.rows.task).toBe(task);
    expect(Object.getOwnPropertyDescriptor(data.rows, 'target')?.get).toBeTypeOf('function'); // not built by reading the tasks
    expect(data.rows).toEqual({ task: buildTaskRows(src), target: buildTargetRows(src), cluster: buildClusterRows(src), summary: buildSummaryRows(src) });
    expect(data.rows.target).toHaveLength(1);
    expect(data.rows.cluster).toHaveLength(1);
    expect(Object.keys(data.rows)).toEqual(['task', 'target', 'cluster', 'summary']);
  });
});

describe('产业集群推进情况表 from its tasks', () => {
  it('keeps each task’s progress whole when it fits, every clause and figure; a long one is cut at a clause', () => {
    const typed = '智能建造试点项目3个开工；BIM正向设计应用率达到40%。\n工程设计建造集群产值同比增长12%。';
    const long = '第一阶段完成场地平整。'.repeat(20);
    const tasks = [aTask('d1-1', 'd1'), aTask('d1-2', 'd1')];
    const progress = [{ ...anEntry('汉阳区', 'd1-1', '2025-Q3', 'on_track'), progress: typed }, { ...anEntry('汉阳区', 'd1-2', '2025-Q3', 'behind'), progress: long }];
    const cluster = { id: 'c1', district: '汉阳区', name: '工程设计建造', keywords: [], includedTaskKeys: ['d1-1', 'd1-2'], excludedTaskKeys: [], origin: 'seed' as const, order: 1 };
    const [row] = buildClusterRows({ clusters: [cluster], clusterIndicators: [], clusterIndicatorValues: [], clusterProgress: [], district: '汉阳区', period: Q3, tasks, progress });
    const lines = row!.progress.split('\n');
    expect(lines[1]).toContain('：智能建造试点项目3个开工；BIM正向设计应用率达到40%。 工程设计建造集群产值同比增长12%。');
    expect(lines[2]).toMatch(/：(第一阶段完成场地平整。)+…$/);
    expect(lines[2]!.split('：').pop()!.length).toBeLessThanOrEqual(121);
  });
});

describe('the pre-export check: a cluster row with empty columns (walk9 Z10)', () => {
  it('names the cluster and the columns it would print empty, and nothing once they are filled', () => {
    const tasks = [aTask('d1-1', 'd1')];
    const cluster = { id: 'c1', district: '汉阳区', name: '网络安全', keywords: [], includedTaskKeys: ['d1-1'], excludedTaskKeys: [], origin: 'seed' as const, order: 1 };
    const base = { clusters: [cluster], clusterIndicators: [], clusterIndicatorValues: [], clusterProgress: [], district: '汉阳区', period: Q3, tasks, progress: [] };
    // 本期进展 always says how many of its tasks were filled; 重点方向 and the indicators are the office's to write.
    expect(findBlankClusterItems(buildClusterRows(base))).toEqual([{ name: '网络安全', blank: ['重点方向', '集群指标及数值'] }]);
    const filled = {
      ...base,
      clusters: [{ ...cluster, focus: '网络安全人才与创新基地' }],
      clusterIndicators: [{ id: 'ci', clusterId: 'c1', name: '网安企业数量', unit: '家', target: 50, targetYear: 2027 }],
      clusterIndicatorValues: [{ id: `ci|${Q3.id}`, indicatorId: 'ci', periodId: Q3.id, value: 31, updatedAt: '2025-09-30T00:00:00.000Z' }],
      progress: [{ ...anEntry('汉阳区', 'd1-1', Q3.id, 'on_track'), progress: '新引进网安企业3家' }],
    };
    expect(findBlankClusterItems(buildClusterRows(filled))).toEqual([]);
  });
});

describe('销号 in reports', () => {
  const tasks = [
    aTask('d1-1', 'd1', { responsibleUnits: ['各区人民政府'] }),
    aTask('d1-2', 'd1', { responsibleUnits: ['各区人民政府'], closedAt: '2025-08-01' }), // closed in the period
    aTask('d1-3', 'd1', { responsibleUnits: ['各区人民政府'], closedAt: '2025-10-08' }), // closed after it
    aTask('d1-4', 'd1', { responsibleUnits: ['各区人民政府'], closedAt: '2024-12-31' }), // closed long ago, though filled
  ];
  const src = { tasks, clusters: [], progress: [anEntry('汉阳区', 'd1-4', '2025-Q3', 'done')], district: '汉阳区', period: Q3 };
  it('a task closed by the period’s end is not reported (nor asked for in the pre-export check); one closed later still is', () => {
    expect(reportTasks(src).map((t) => t.key)).toEqual(['d1-1', 'd1-3']);
    expect(reportTasks({ ...src, period: makePeriod('quarter', 2025, 4) }).map((t) => t.key)).toEqual(['d1-1']);
    const rows = buildTaskRows({ ...src, documents: [aDocument('d1')] });
    expect(findMissingItems(rows).map((m) => m.taskKey)).toEqual(['d1-1', 'd1-3']);
  });
});

describe('the pre-export check: status and 完成进度 that contradict each other (walk7 W3)', () => {
  it('finds 已完成 below 100 %, 序时推进 at 100 % and 未启动 above 0 %, and nothing where they agree or one is blank', () => {
    const tasks = ['d1-1', 'd1-2', 'd1-3', 'd1-4', 'd1-5', 'd1-6', 'd1-7'].map((k) => aTask(k, 'd1', { responsibleUnits: ['各区人民政府'] }));
    const e = (k: string, status: Parameters<typeof anEntry>[3], percent?: number) => ({ ...anEntry('汉阳区', k, '2025-Q3', status), ...(percent !== undefined ? { percent } : {}) });
    const progress = [e('d1-1', 'done', 80), e('d1-2', 'on_track', 100), e('d1-3', 'not_started', 20), e('d1-4', 'done', 100), e('d1-5', 'on_track', 40), e('d1-6', 'done'), e('d1-7', 'ongoing', 100)];
    const rows = buildTaskRows({ tasks, clusters: [], progress, district: '汉阳区', period: Q3, documents: [aDocument('d1')] });
    expect(findStatusClashes(rows).map((c) => [c.taskKey, c.status, c.percent])).toEqual([
      ['d1-1', '已完成', 80],
      ['d1-2', '序时推进', 100],
      ['d1-3', '未启动', 20],
    ]);
  });
});

describe('the pre-export check: tasks past their 完成时限 still said to be on time (walk8 X4)', () => {
  it('lists 序时推进 and 超序时推进 past the deadline; not 滞后, 已完成, 100 %, 长期坚持 or a deadline to come', () => {
    const keys = ['d1-1', 'd1-2', 'd1-3', 'd1-4', 'd1-5', 'd1-6', 'd1-7'];
    const tasks = keys.map((k) => aTask(k, 'd1', { responsibleUnits: ['各区人民政府'], deadline: k === 'd1-7' ? '2026-06-30' : '2025-06-30', deadlineText: k === 'd1-7' ? '2026年6月底' : '2025年6月底' }));
    const e = (k: string, status: Parameters<typeof anEntry>[3], percent?: number) => ({ ...anEntry('汉阳区', k, '2025-Q3', status), ...(percent !== undefined ? { percent } : {}) });
    const progress = [e('d1-1', 'on_track', 60), e('d1-2', 'ahead', 80), e('d1-3', 'behind', 30), e('d1-4', 'done', 100), e('d1-5', 'on_track', 100), e('d1-6', 'ongoing'), e('d1-7', 'on_track', 40)];
    const src = { tasks, clusters: [], progress, district: '汉阳区', period: Q3 };
    expect(findOverdueOnTime(src, Q3.end).map((l) => [l.taskKey, l.status, l.deadline])).toEqual([
      ['d1-1', '序时推进', '2025年6月底'],
      ['d1-2', '超序时推进', '2025年6月底'],
    ]);
    // Judged on the day given: before the deadline nothing is late.
    expect(findOverdueOnTime(src, '2025-06-01')).toEqual([]);
  });
});

describe('texts cut for print', () => {
  const para = (i: number, n: number) => `第${i}段`.padEnd(n, '科');
  it.each([
    ['empty', '', 1, true],
    ['short', '汉阳区召开调度会。', 1, true],
    ['two paragraphs that fit', `${para(1, 40)}\n${para(2, 40)}`, 1, true],
    // 16 characters a line and 16 lines a row in a 34-unit column at 10 pt.
    ['twelve paragraphs of 90 characters, two to a row', Array.from({ length: 12 }, (_, i) => para(i + 1, 90)).join('\n'), 6, true],
    ['one paragraph of 5,000 characters', para(1, 5000), 20, false],
    ['blank lines kept', `${para(1, 100)}\n\n\n${para(2, 200)}`, 2, true],
    ['a paragraph longer than a row after a short one', `${para(1, 30)}\n${para(2, 600)}`, 3, false],
  ])('%s', (_name, text, pieces, atParagraphs) => {
    const split = splitTextForPrint(text, 34, 10, linesPerRow(10));
    expect(split.pieces).toHaveLength(pieces);
    // Joined back as the importer joins the cells: exactly the text.
    expect(piecesAsCells(split).join('')).toBe(text);
    for (const p of split.pieces) expect(rowHeightFor(estimateLines(p, 34, 10), 10)).toBeLessThanOrEqual(PRINT_ROW_HEIGHT);
    if (pieces > 1) expect(split.breaks.slice(0, -1).every((b) => b === atParagraphs)).toBe(true);
  });
  it('gives a text that fits as one piece, its CRLF line breaks as LF', () => {
    expect(splitTextForPrint('第一段\r\n第二段', 34, 10, linesPerRow(10))).toEqual({ pieces: ['第一段\n第二段'], breaks: [true] });
    expect(splitTextForPrint('第一段\r第二段', 34, 10, linesPerRow(10))).toEqual({ pieces: ['第一段\r第二段'], breaks: [true] });
  });
  it('keeps printed rows within the row limit and marks continuations', () => {
    expect(PRINT_ROW_HEIGHT).toBeLessThan(MAX_ROW_HEIGHT);
    expect(CONTINUED_MARK).toBe('（续）');
  });
});

describe('where a long text is cut between printed rows', () => {
  it.each([
    // text, limit, cut: the first piece is text.slice(0, cut)
    ['at the last clause mark before the limit', '带动社会资本投入1.2亿元，完成全年目标的86%。同比增长', 22, 14],
    ['with no clause mark, before the figure, never inside it', '带动社会资本投入1.2亿元', 10, 8],
    ['never between a number and its unit or %', '目标的86%', 5, 3],
    ['a space is a place to cut', 'AI-3 project 12.5', 15, 13],
    ['at the last 、 in a list', '新增高企32家、科技型中小企业入库118家', 19, 8],
  ])('%s', (_name, text, limit, cut) => {
    expect(printCut(text, limit)).toBe(cut);
  });

  // The review's 1,500-character 进展情况 without line breaks, in the 34-unit column at 10 pt.
  const SENT = [
    '本季度牵头单位召开专题推进会3次，协调解决项目用地、资金拼盘等问题5个，完成固定资产投资12.5亿元，同比增长35.2%。',
    '四是优化科技金融服务，设立区级科技成果转化基金（规模2亿元），首期投放项目4个，带动社会资本投入1.2亿元。',
    '三是强化企业梯度培育，新增国家高新技术企业申报32家、科技型中小企业入库118家，完成全年目标的86%。',
  ];
  const long = Array.from({ length: 30 }, (_, i) => SENT[i % 3]).join('').slice(0, 1500);
  it.each([
    ['one paragraph of figures', long, 34, 10],
    ['figures with line breaks', Array.from({ length: 12 }, (_, i) => SENT[i % 3]! + SENT[(i + 1) % 3]).join('\n'), 17, 10],
    ['a narrow column', long, 11, 10],
  ])('%s: every row ends at a clause mark, the text joined back exactly', (_name, text, width, size) => {
    const split = splitTextForPrint(text, width, size, linesPerRow(size));
    expect(split.pieces.length).toBeGreaterThan(1);
    expect(piecesAsCells(split).join('')).toBe(text);
    for (const [i, p] of split.pieces.slice(0, -1).entries()) {
      if (split.breaks[i]) continue;
      expect(p, `piece ${i}`).toMatch(/[。；，、）]$/u);
    }
    for (const p of split.pieces) expect(rowHeightFor(estimateLines(p, width, size), size)).toBeLessThanOrEqual(PRINT_ROW_HEIGHT);
  });
});

describe('the 汇总 sheet counts as the 工作台 and its chart count', () => {
  // Before, the 汇总 sheet put every task without a status under 未填报状态 (82 in the review),
  // while the chart of the same workbook split them into 未选状态 1 and 未填报 81.
  const tasks = ['d1-1', 'd1-2', 'd1-3', 'd1-4', 'd1-5', 'd1-6'].map((k) => aTask(k, 'd1', { responsibleUnits: ['各区人民政府'] }));
  const progress = [
    anEntry('汉阳区', 'd1-1', '2025-Q3', 'on_track'),
    anEntry('汉阳区', 'd1-2', '2025-Q3', undefined, { progress: '已开工。' }), // written, no status: 未选状态
    anEntry('汉阳区', 'd1-3', '2025-Q3', undefined, { percent: 40, progress: '' }), // a percent alone: 未选状态
    anEntry('汉阳区', 'd1-4', '2025-Q3', undefined, { progress: '', problems: '资金未到位' }), // 存在问题 alone: 未填报
    anEntry('汉阳区', 'd1-5', '2025-Q3', 'done'),
    // d1-6: no entry: 未填报
  ];
  const src = { tasks, clusters: [], progress, district: '汉阳区', period: Q3 };
  it('one row per period status, in the 工作台 order, with the same counts', () => {
    const rows = buildSummaryRows(src);
    const dash = buildDashboard({ district: '汉阳区', periods: [Q3], today: '2025-10-08', documents: [aDocument('d1')], tasks, progress, targets: [], clusters: [] });
    expect(rows.slice(0, -1).map((r) => [r.status, r.count])).toEqual(dash.statusCounts.map((s) => [s.label, s.count]));
    expect(Object.fromEntries(rows.map((r) => [r.status, r.count]))).toEqual({ 未启动: 0, 序时推进: 1, 超序时推进: 0, 滞后: 0, 已完成: 1, 长期坚持: 0, 未选状态: 2, 未填报: 2, 合计: 6 });
  });

  it('the 导出前检查 and the 报送 dialog count what is missing as the 工作台 does: 未填报 is nothing written, the rest is written in part', () => {
    // Before, the check said 4 tasks lacked a status or 进展情况 and the 报送 dialog said 2 were not filled in, of the same period.
    const items = findMissingItems(buildTaskRows({ ...src, documents: [aDocument('d1')] }));
    const dash = buildDashboard({ district: '汉阳区', periods: [Q3], today: '2025-10-08', documents: [aDocument('d1')], tasks, progress, targets: [], clusters: [] });
    expect(items.map((m) => [m.taskKey, m.missing, m.empty])).toEqual([
      ['d1-2', ['status'], false],
      ['d1-3', ['status', 'progress'], false],
      ['d1-4', ['status', 'progress'], true],
      ['d1-6', ['status', 'progress'], true],
    ]);
    expect(missingCounts(items)).toEqual({ empty: dash.statusCounts.find((c) => c.label === '未填报')!.count, partial: 2 });
  });

  it('a task done in an earlier period is missing nothing, as the 工作台 carries it 已完成', () => {
    const rows = buildTaskRows({ ...src, documents: [aDocument('d1')], doneBefore: new Map([['d1-6', '2025-Q2']]) });
    expect(findMissingItems(rows).map((m) => m.taskKey)).toEqual(['d1-2', 'd1-3', 'd1-4']);
  });
});

describe('the name on a 续 row', () => {
  it.each([
    ['a key too long for its column with the mark: the mark on its own line', '2025YFZX-03', 11, '2025YFZX-03\n（续）'],
    ['a title that fits with the mark', '聚集高端研发人才', 30, '聚集高端研发人才（续）'],
    ['a title that wraps anyway', '优化科技创新生态，营造全社会创新氛围，推动政策落地见效并形成可复制可推广经验', 30, '优化科技创新生态，营造全社会创新氛围，推动政策落地见效并形成可复制可推广经验\n（续）'],
  ])('%s', (_name, name, width, cell) => {
    expect(continuedName(name, width, 10)).toBe(cell);
    // The importer reads the name back by trimming what precedes the mark.
    expect(cell.slice(0, -CONTINUED_MARK.length).trim()).toBe(name);
  });
});
