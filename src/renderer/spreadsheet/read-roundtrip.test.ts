/** Round trip: the 重点任务推进情况表 this application exports, imported back, is 未变 for every task. */
import { describe, expect, it } from 'vitest';
import { findTable, planImport, readRows } from '@core/import';
import { buildTaskRows } from '@core/report';
import { parsePeriodId } from '@core/period';
import { SEED_DOCUMENT, seedProgress, seedTasks } from '../../../test/builders/seeded-store';
import { fillReport } from './report-fill';
import { builtinTemplateBytes } from './template-files';
import { readWorkbook } from './read-sheet';

describe('export → import round trip', () => {
  it('imports an exported 重点任务推进情况表 as 未变 for every task', async () => {
    const tasks = seedTasks();
    const period = parsePeriodId('2025-Q3')!;
    const rows = buildTaskRows({ documents: [SEED_DOCUMENT], tasks, clusters: [], progress: seedProgress(tasks, '汉阳区', ['2025-Q3']), district: '汉阳区', period });
    const bytes = await fillReport(builtinTemplateBytes('tasks'), 'tasks', { scalars: { district: '汉阳区', period: period.name }, rows: { task: rows } });
    const r = await readWorkbook(bytes, '汉阳区_2025年第三季度_重点任务推进情况表.xlsx');
    if (!r.ok) throw new Error(r.message);
    const sheet = r.sheets.find((s) => findTable(s).layout)!;
    const { layout } = findTable(sheet);
    expect(layout!.needsReview).toBe(false);
    const read = readRows(sheet, layout!);
    expect(read.rows).toHaveLength(tasks.length);
    const plan = planImport({ fileName: 'x', sheet: sheet.name, rows: read.rows, issues: read.issues, existing: tasks, documents: [SEED_DOCUMENT], now: '2025-10-08T00:00:00.000Z' });
    // The progress written in the report is not imported, and the plan says so once, naming its columns.
    expect(plan.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', `工作表“${sheet.name}”的 H列（进展情况）、I列（完成进度）、J列（本期状态）、K列（存在问题）、L列（下步计划）有 ${tasks.length} 行写了进展。导入只更新任务清单，这些内容不导入，台账中本区已填写的进展不会被改动或覆盖；如需参考文件中写的进展，请打开原文件查看。`],
    ]);
    expect(plan.unchanged).toHaveLength(tasks.length);
    expect(plan.unchanged.every((u) => u.how === 'key')).toBe(true);
    expect([plan.added, plan.updated, plan.removed, plan.ambiguous]).toEqual([[], [], [], []]);
  });
});
