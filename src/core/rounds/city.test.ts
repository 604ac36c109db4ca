import { describe, expect, it } from 'vitest';
import type { Cluster, ProgressEntry, Task } from '../model';
import { taskRelevance } from '../policy/relevance';
import { CITY_UNITS, buildCitySummary, suggestDistricts, notReportedText } from './city';
import { planMerges, type FilePlan } from './plan-return';
import type { Round } from './round';

describe('suggestDistricts', () => {
  const task = (lead: string[], resp: string[], text = '推进研发平台建设。'): Task => ({ key: 'K-01', documentId: 'd', number: '1', order: 1, title: '推进研发平台建设', text, leadUnits: lead, responsibleUnits: resp, origin: 'seed', updatedAt: '' });
  it.each<[string[], string[], string[] | number]>([
    [['市科技创新局'], ['各区人民政府'], 17],
    [['市科技创新局'], ['东湖高新区', '汉阳区'], ['汉阳区', '东湖新技术开发区']],
    [['武汉经开区管委会'], [], ['武汉经济技术开发区']],
    [['市科技创新局'], ['市经信局'], []],
  ])('%j / %j', (lead, resp, want) => {
    const got = suggestDistricts(task(lead, resp));
    if (typeof want === 'number') expect(got).toHaveLength(want);
    else expect(got).toEqual(want);
  });
  it('sends a task to each district it concerns by the districts’ own rule: named in its text, or one of its clusters', () => {
    // 有关区人民政府 names no district; the text and 汉阳区's cluster do.
    const t = task(['市科技创新局'], ['有关区人民政府'], '支持江岸区建设长江新区科创走廊，推动工程设计产业集群发展。');
    const clusters: Cluster[] = [{ id: 'c', district: '汉阳区', name: '工程设计建造', keywords: ['工程设计'], includedTaskKeys: [], excludedTaskKeys: [], origin: 'seed', order: 1 }];
    const got = suggestDistricts(t, clusters);
    expect(got).toEqual(expect.arrayContaining(['江岸区', '汉阳区']));
    for (const d of got) expect(taskRelevance(t, d, clusters.filter((c) => c.district === d)).relevant, d).toBe(true);
  });
  it('the units are the 13 districts and 4 zones', () => expect(CITY_UNITS).toHaveLength(17));
});

const round: Round = {
  id: 'C', district: '武汉市', periodId: '2025-Q3', dueDate: '2025-10-10', createdAt: '', prefilled: false, level: 'city',
  units: [
    { unit: '汉阳区', taskKeys: ['A', 'B'], leadKeys: ['A', 'B'], fileName: '', checksum: '' },
    { unit: '江岸区', taskKeys: ['A'], leadKeys: ['A'], fileName: '', checksum: '' },
    { unit: '洪山区', taskKeys: ['A', 'B'], leadKeys: ['A', 'B'], fileName: '', checksum: '' },
  ],
};
const entry = (district: string, taskKey: string, status: ProgressEntry['status'], progress: string, updatedAt = '2025-10-05T00:00:00.000Z'): ProgressEntry => ({
  id: `${district}|${taskKey}|2025-Q3`, district, taskKey, periodId: '2025-Q3', ...(status ? { status } : {}), percent: 50, progress, problems: '', nextSteps: '', indicatorValues: {}, filledBy: '', updatedAt,
});

describe('buildCitySummary', () => {
  const s = buildCitySummary(round, [{ key: 'A', title: '任务A' }, { key: 'B', title: '任务B' }], [
    entry('汉阳区', 'A', 'on_track', '汉阳推进'),
    entry('江岸区', 'A', 'behind', '江岸滞后', '2025-10-07T00:00:00.000Z'),
    entry('汉阳区', 'B', 'done', '汉阳完成'),
    entry('洪山区', 'A', undefined, '洪山只写了文字'),
    { ...entry('洪山区', 'B', 'done', '上一期的'), periodId: '2025-Q2' },
  ]);
  it('per task × district: status, percent, text; counts; lagging and missing', () => {
    expect(s.rows[0]).toMatchObject({ taskKey: 'A', sentTo: ['汉阳区', '江岸区', '洪山区'], lagging: ['江岸区'], missing: [] });
    expect(s.rows[0]!.cells['江岸区']).toEqual({ status: 'behind', percent: 50, progress: '江岸滞后' });
    // 洪山区 wrote text without a status: reported (not 未报送), as its 报送情况 below says.
    expect(s.rows[0]!.counts).toMatchObject({ on_track: 1, behind: 1, no_status: 1, none: 0 });
    // 洪山区 sent its return (it wrote task A) and left B blank: 未填报, not 未报送 (walk7 W7).
    expect(s.rows[1]).toMatchObject({ taskKey: 'B', missing: [], unfilled: ['洪山区'], lagging: [] });
    expect(s.totals).toMatchObject({ on_track: 1, behind: 1, done: 1, no_status: 1, unfilled: 1, none: 0 });
    // Every pair sent is counted once.
    expect(Object.values(s.totals).reduce((a, b) => a + b, 0)).toBe(s.rows.reduce((n, r) => n + r.sentTo.length, 0));
  });
  it('a district that sent nothing of the round is 未报送 on every task sent to it', () => {
    const withQingshan: Round = { ...round, units: [...round.units, { unit: '青山区', taskKeys: ['A', 'B'], leadKeys: ['A', 'B'], fileName: '', checksum: '' }] };
    const q = buildCitySummary(withQingshan, [{ key: 'A', title: '任务A' }, { key: 'B', title: '任务B' }], [entry('汉阳区', 'A', 'on_track', '汉阳推进'), entry('洪山区', 'A', undefined, '洪山只写了文字')]);
    expect(q.rows.map((r) => [r.taskKey, r.missing, r.unfilled])).toEqual([
      ['A', ['江岸区', '青山区'], []],
      ['B', ['青山区'], ['汉阳区', '洪山区']],
    ]);
    expect(q.totals).toMatchObject({ unfilled: 2, none: 3 });
  });
  it('报送情况 per district', () => {
    expect(s.districts).toEqual([
      { district: '汉阳区', sent: 2, reported: 2, returned: true, lagging: 0, lastAt: '2025-10-05T00:00:00.000Z' },
      { district: '江岸区', sent: 1, reported: 1, returned: true, lagging: 1, lastAt: '2025-10-07T00:00:00.000Z' },
      { district: '洪山区', sent: 2, reported: 1, returned: true, lagging: 0, lastAt: '2025-10-05T00:00:00.000Z' },
    ]);
    expect(s.districts.map(notReportedText)).toEqual(['未填报 0', '未填报 0', '未填报 1']);
    expect(notReportedText({ sent: 4, reported: 0, returned: false })).toBe('未报送 4');
  });
});

describe('planMerges at the city level', () => {
  const file = (unit: string, progress: string): FilePlan => ({ fileName: `${unit}.xlsx`, hash: unit, unit, matchedBy: 'columns', refused: false, refusedRows: [], issues: [], rows: [{ taskKey: 'A', row: 4, status: 'on_track', progress, problems: '', nextSteps: '', empty: false }] });
  it('keeps each district’s return its own, against that district’s ledger', () => {
    const m = planMerges([file('汉阳区', '汉阳推进'), file('江岸区', '江岸推进')], round, new Map([['江岸区|A', { progress: '江岸旧文', problems: '', nextSteps: '' }]]));
    expect(m.map((x) => [x.district, x.taskKey, x.fields.find((f) => f.field === 'progress')!.combined])).toEqual([
      ['汉阳区', 'A', '汉阳推进'],
      ['江岸区', 'A', '江岸推进'],
    ]);
    expect(m[1]!.fields.find((f) => f.field === 'progress')).toMatchObject({ before: '江岸旧文', conflict: true, action: 'append' });
  });
});
