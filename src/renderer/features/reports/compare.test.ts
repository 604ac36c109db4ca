import { describe, expect, it } from 'vitest';
import type { ProgressEntry } from '@core/model';
import { taskFieldText } from '@core/fields';
import { seedProgress, seedTasks } from '../../../../test/builders/seeded-store';
import { compareWithSubmission, latestTaskSubmission } from './compare';

describe('本期与上期对比', () => {
  const tasks = seedTasks().slice(0, 4);
  const entries = seedProgress(tasks, '汉阳区', ['2025-Q3']);
  // rows as the report stores them: 任务编号 as `key`, status as its Chinese label, percent as a number
  const rows = entries.map((e, i) => ({ key: e.taskKey, title: tasks[i]!.title, status: { not_started: '未启动', on_track: '序时推进', ahead: '超序时推进', behind: '滞后', done: '已完成', ongoing: '长期坚持' }[e.status!], percent: e.percent, progress: e.progress, problems: e.problems, nextSteps: e.nextSteps }));

  it('compares with the latest submission that has task rows, not a later indicators-only one', () => {
    const tasksReport = { rows, at: '1' };
    const indicatorsReport = { rows: [{ indicator: '研发投入', actual: 3 }], at: '2' };
    expect(latestTaskSubmission([tasksReport, indicatorsReport])).toBe(tasksReport);
    expect(latestTaskSubmission([indicatorsReport])).toBeUndefined();
  });

  it('finds nothing when the data is as submitted', () => {
    expect(compareWithSubmission({ rows }, entries)).toEqual([]);
  });

  it('lists a task’s printed fields changed by 修改任务信息 after 报送 (牵头单位, 完成时限), read as the report reads them', () => {
    const printed = rows.map((r, i) => ({ ...r, title: tasks[i]!.title, leadUnits: taskFieldText(tasks[i]!, 'leadUnits'), responsibleUnits: taskFieldText(tasks[i]!, 'responsibleUnits'), deadline: taskFieldText(tasks[i]!, 'deadline') }));
    const now = new Map(tasks.map((t) => [t.key, t]));
    expect(compareWithSubmission({ rows: printed }, entries, undefined, now)).toEqual([]);
    const edited = { ...tasks[1]!, leadUnits: ['市科技创新局', '江夏区人民政府'], deadline: '2026-12-31', deadlineText: '2026年12月底前' };
    now.set(edited.key, edited);
    const changes = compareWithSubmission({ rows: printed }, entries, undefined, now);
    expect(changes.map((c) => [c.taskKey, c.kind, c.fields.map((f) => [f.field, f.current])])).toEqual([
      [edited.key, 'changed', [['leadUnits', '市科技创新局、江夏区人民政府'], ['deadline', '2026年12月底前']]],
    ]);
  });

  it('a deadline sealed as a bare date (2026-12-31, before reports printed it in words) is no change; a date now printed in words is compared as printed', () => {
    const { deadlineText: _d, ...dateOnly } = { ...tasks[0]!, deadline: '2026-12-31' };
    const now = new Map(tasks.map((t) => [t.key, t]));
    now.set(dateOnly.key, dateOnly);
    const sealedIso = rows.map((r, i) => ({ ...r, deadline: i === 0 ? '2026-12-31' : taskFieldText(tasks[i]!, 'deadline') }));
    expect(compareWithSubmission({ rows: sealedIso }, entries, undefined, now)).toEqual([]);
    now.set(dateOnly.key, { ...dateOnly, deadline: '2027-06-30' });
    expect(compareWithSubmission({ rows: sealedIso }, entries, undefined, now).map((c) => c.fields)).toEqual([[{ field: 'deadline', submitted: '2026年12月31日', current: '2027年6月30日' }]]);
  });

  it('lists changed fields, added and removed tasks', () => {
    const current: ProgressEntry[] = entries.slice(1).map((e) => ({ ...e }));
    current[0] = { ...current[0]!, status: 'done', progress: '已全部完成' };
    current.push({ ...entries[0]!, taskKey: '2023YD-99', id: 'x', progress: '新增任务进展' });
    const changes = compareWithSubmission({ rows }, current);
    expect(changes.find((c) => c.taskKey === entries[1]!.taskKey)).toMatchObject({
      kind: 'changed',
      fields: [
        { field: 'status', current: '已完成' },
        { field: 'progress', submitted: entries[1]!.progress, current: '已全部完成' },
      ],
    });
    expect(changes.find((c) => c.taskKey === entries[0]!.taskKey)?.kind).toBe('removed');
    expect(changes.find((c) => c.taskKey === '2023YD-99')?.kind).toBe('added');
    expect(changes).toHaveLength(3);
  });

  it('with the tasks the report lists now: a task an import dropped or added since the 报送 is a change, even with its progress untouched', () => {
    const listedNow = new Map(tasks.map((t) => [t.key, t.title]));
    expect(compareWithSubmission({ rows }, entries, listedNow)).toEqual([]);
    listedNow.delete(tasks[1]!.key);
    listedNow.set('IMP20261126-001', '建设概念验证中心网络');
    expect(compareWithSubmission({ rows }, entries, listedNow)).toEqual([
      { taskKey: tasks[1]!.key, title: tasks[1]!.title, kind: 'unlisted', fields: [{ field: 'task', submitted: tasks[1]!.title, current: '' }] },
      { taskKey: 'IMP20261126-001', title: '建设概念验证中心网络', kind: 'listed', fields: [{ field: 'task', submitted: '', current: '建设概念验证中心网络' }] },
    ]);
  });
});

