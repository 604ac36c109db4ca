import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DefaultData } from './seed-data';
import { districtsNamedIn, taskRelevance } from './relevance';
import { CITY_OFFICE } from '../districts';
import { parsePolicyText } from './parse';
import { suggestDistricts } from '../rounds/city';

const data = JSON.parse(readFileSync(join(import.meta.dirname, '../../../seeds/default-data.json'), 'utf8')) as DefaultData;
const task = (key: string) => data.tasks.find((t) => t.key === key)!;
const hanyang = data.clusters.filter((c) => c.district === '汉阳区');

describe('taskRelevance for 汉阳区 on the default data', () => {
  it.each([
    ['2023GZYD-04', ['各区人民政府：全部区参与']],
    ['2023GZYD-01', []],
    ['2023GZYD-03', []],
    ['2024KJRC-10', ['走廊：车谷产业创新大走廊', '走廊：武汉滨江数创大走廊', '有关区人民政府：有关区参与，请核对是否含本区']],
    ['2024KJRC-12', []],
    ['SSWGH-17', ['产业集群：工程设计建造', '各区人民政府：全部区参与']], // most specific first
    // 有关区人民政府 names no district: the reason is said, for the office to check, but does not list the task.
    ['SSWGH-06', ['有关区人民政府：有关区参与，请核对是否含本区'], false],
  ])('%s → %j', (key, reasons, relevant = reasons.length > 0) => {
    const r = taskRelevance(task(key), '汉阳区', hanyang);
    expect(r.reasons).toEqual(reasons);
    expect(r.relevant).toBe(relevant);
  });

  it('a task of another zone (东湖高新区管委会) is not pulled in by a keyword of the district’s cluster; a cluster link by hand does', () => {
    const t = task('SSWGH-40');
    const green = { ...hanyang[0]!, id: 'c-green', name: '绿色低碳', keywords: ['碳中和'], includedTaskKeys: [], excludedTaskKeys: [] };
    expect(taskRelevance(t, '青山区', [{ ...green, district: '青山区' }]).relevant).toBe(false);
    expect(taskRelevance(t, '青山区', [{ ...green, district: '青山区', includedTaskKeys: [t.key] }]).reasons).toEqual(['产业集群：绿色低碳（手动关联）']);
    // A task for all districts still joins the cluster by its keyword.
    expect(taskRelevance({ ...t, responsibleUnits: [...t.responsibleUnits, '各区人民政府'] }, '青山区', [{ ...green, district: '青山区' }]).reasons[0]).toBe('产业集群：绿色低碳');
  });

  it('names 蔡甸区 through a place that lies in it (中法武汉生态示范城, walk10), and no other district so', () => {
    for (const key of ['2025YFZX-02', 'SSWGH-51']) {
      expect(taskRelevance(task(key), '蔡甸区', []).reasons[0]).toBe('点名：蔡甸区');
      expect(taskRelevance(task(key), '汉南区', []).reasons).toEqual(['各区人民政府：全部区参与']);
    }
    expect(districtsNamedIn('建设中法生态城国际合作园区')).toEqual(['蔡甸区']);
  });

  it('names a district in the units: 洪山区 in 2023GZYD-03', () => {
    const r = taskRelevance(task('2023GZYD-03'), '洪山区', []);
    expect(r).toEqual({ relevant: true, why: [{ kind: 'named', detail: '洪山区（洪山区人民政府）' }], reasons: ['点名：洪山区（洪山区人民政府）'] });
  });

  it('zones are named by their short names: 东湖高新区管委会 leads 2023GZYD-02', () => {
    expect(taskRelevance(task('2023GZYD-02'), '东湖新技术开发区', []).reasons).toEqual(['点名：东湖新技术开发区（东湖高新区管委会）']);
  });

  it('a cluster exclusion or inclusion overrides the keyword match', () => {
    const t = task('SSWGH-17');
    const c = { ...hanyang[0]!, excludedTaskKeys: [t.key] };
    expect(taskRelevance(t, '汉阳区', [c]).reasons).toEqual(['各区人民政府：全部区参与']);
    const inc = { ...hanyang[0]!, includedTaskKeys: ['2023GZYD-01'] };
    expect(taskRelevance(task('2023GZYD-01'), '汉阳区', [inc]).reasons).toEqual(['产业集群：工程设计建造（手动关联）']);
  });

  it('reasons are data, most specific first, worded in one place', () => {
    const t = { ...task('SSWGH-17'), text: `${task('SSWGH-17').text}，推动车谷产业创新大走廊（汉阳、蔡甸等区域）`, responsibleUnits: ['各区人民政府', '汉阳区人民政府'] };
    const r = taskRelevance(t, '汉阳区', hanyang);
    expect(r.why.map((x) => x.kind)).toEqual(['named', 'cluster', 'corridor', 'all']);
    expect(r.reasons).toEqual(['点名：汉阳区（汉阳区人民政府）', '产业集群：工程设计建造', '走廊：车谷产业创新大走廊', '各区人民政府：全部区参与']);
  });

  it('most seed tasks concern 汉阳区, each with a reason', () => {
    const rel = data.tasks.map((t) => taskRelevance(t, '汉阳区', hanyang)).filter((r) => r.relevant);
    expect(rel.length).toBeGreaterThan(80);
    expect(rel.every((r) => r.reasons.length > 0)).toBe(true);
  });
});

describe('a district’s own document (its units written bare: 区商旅局)', () => {
  const parsed = (file: string) =>
    parsePolicyText(readFileSync(join(import.meta.dirname, '../../../test/fixtures/policy/corpus', file), 'utf8'), { source: file, now: '2026-01-01T00:00:00.000Z', origin: 'import', keyPrefix: 'T' }).tasks;
  it('every task of 汉阳区’s 阳政办〔2019〕1号 concerns the office that added it', () => {
    const tasks = parsed('44-hanyang-zerenfenjie-2019.txt');
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    for (const t of tasks) expect(taskRelevance(t, '汉阳区', []).relevant).toBe(true);
    expect(taskRelevance(tasks.find((t) => t.leadUnits.includes('区商旅局'))!, '汉阳区', []).reasons).toEqual(['本区文件：汉阳区印发', '本区单位：区商旅局']);
  });
  it.each([
    ['区科技和经信局', true],
    ['区行政审批局', true],
    ['区人民政府', true],
    ['区级各部门', false],
    ['区域创新中心', false],
    ['各区科技局', false],
    ['市科技创新局', false],
  ])('%s → %s', (unit, own) => {
    const t = { ...task('2023GZYD-01'), leadUnits: [unit], responsibleUnits: [] };
    expect(taskRelevance(t, '江夏区', []).why.some((r) => r.kind === 'own')).toBe(own);
  });
  it('the city suggests such a task to no district (it says it is some district’s, not which)', () => {
    const t = { ...task('2023GZYD-01'), leadUnits: ['区商旅局'], responsibleUnits: [] };
    expect(suggestDistricts(t)).toEqual([]);
  });
});

describe('taskRelevance for the city office (武汉市)', () => {
  it('every task concerns the city, whatever its units, text or clusters, with one reason', () => {
    for (const t of data.tasks) expect(taskRelevance(t, CITY_OFFICE, data.clusters)).toEqual({ relevant: true, why: [{ kind: 'city', detail: CITY_OFFICE }], reasons: ['市级：全部任务'] });
    // A task no district takes part in (2023GZYD-01 concerns no district but its leads).
    expect(taskRelevance(task('2023GZYD-01'), '汉阳区', hanyang).relevant).toBe(false);
    expect(taskRelevance(task('2023GZYD-01'), CITY_OFFICE, []).relevant).toBe(true);
  });
});

describe('districtsNamedIn', () => {
  it.each([
    ['联动蔡甸、汉阳等区域建设', ['汉阳区', '蔡甸区']],
    ['支持东湖高新区建设', ['东湖新技术开发区']],
    ['全市统筹推进', []],
  ])('%s → %j', (text, names) => {
    expect(districtsNamedIn(text).sort()).toEqual([...names].sort());
  });
});

describe('taskRelevance is remembered per task', () => {
  it('answers again from the kept result, and anew when the task or the clusters change', () => {
    const t = task('SSWGH-17');
    const first = taskRelevance(t, '汉阳区', hanyang);
    expect(taskRelevance({ ...t }, '汉阳区', [...hanyang])).toBe(first);
    const retitled = taskRelevance({ ...t, text: '推进工作。', title: '推进工作' }, '汉阳区', hanyang);
    expect(retitled.reasons).toEqual(['各区人民政府：全部区参与']);
    const excluded = taskRelevance(t, '汉阳区', hanyang.map((c) => ({ ...c, excludedTaskKeys: [t.key] })));
    expect(excluded.reasons).toEqual(['各区人民政府：全部区参与']);
    expect(taskRelevance(t, '江岸区', []).reasons).toEqual(['各区人民政府：全部区参与']);
    expect(taskRelevance(t, '汉阳区', hanyang)).toEqual(first);
  });
});
