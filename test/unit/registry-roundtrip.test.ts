/**
 * One field registry (core/fields.ts) writes and reads every column, so an export imported back
 * changes nothing: every built-in task (seeds/default-data.json), exported as the ledger's CSV
 * and as the 重点任务推进情况表, plans zero changes when imported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTable, planImport, readRows } from '@core/import';
import { buildTaskRows } from '@core/report';
import { parsePeriodId } from '@core/period';
import { progressId } from '@core/ids';
import type { DefaultData } from '@core/policy/seed-data';
import type { ProgressEntry } from '@core/model';
import { taskRowsToCsv } from '../../src/renderer/spreadsheet/csv-export';
import { fillReport } from '../../src/renderer/spreadsheet/report-fill';
import { builtinTemplateBytes } from '../../src/renderer/spreadsheet/template-files';
import { readWorkbook } from '../../src/renderer/spreadsheet/read-sheet';
import { fieldName, type TaskFieldId } from '@core/fields';
import { LEDGER_TEXT } from '../../src/renderer/features/ledger/texts';
import { COLUMN_FIELDS, columnLabel } from '../../src/renderer/features/ledger/grid-columns';
import { SUBMISSION_TEXT } from '../../src/renderer/features/reports/submission-texts';
import { IMPORT_TEXT } from '../../src/renderer/features/import/texts';
import { FIELD_LABELS } from '../../src/renderer/features/common/audit-texts';
import { ROUNDS_TEXT } from '../../src/renderer/features/rounds/texts';
import { DOC_TEXT } from '../../src/renderer/features/documents/texts';
import { CLUSTER_TEXT } from '../../src/renderer/features/clusters/texts';

const data = JSON.parse(readFileSync(join(__dirname, '../../seeds/default-data.json'), 'utf8')) as DefaultData;
const period = parsePeriodId('2026-Q2')!;
const district = '汉阳区';
// An entry for every task, so the report lists all of them (a filled task is always listed).
const progress: ProgressEntry[] = data.tasks.map((t) => ({
  id: progressId(district, t.key, period.id),
  district,
  taskKey: t.key,
  periodId: period.id,
  status: 'on_track',
  percent: 50,
  progress: '按计划推进',
  problems: '',
  nextSteps: '',
  indicatorValues: {},
  filledBy: '',
  updatedAt: '2026-06-30T00:00:00.000Z',
}));
const rows = buildTaskRows({ documents: data.documents, tasks: data.tasks, clusters: [], progress, district, period });

async function planFrom(bytes: Uint8Array, fileName: string) {
  const r = await readWorkbook(bytes, fileName);
  if (!r.ok) throw new Error(r.message);
  const sheet = r.sheets.find((s) => findTable(s).layout)!;
  const { layout } = findTable(sheet);
  const read = readRows(sheet, layout!);
  return planImport({ fileName, sheet: sheet.name, rows: read.rows, issues: read.issues, existing: data.tasks, documents: data.documents, now: '2026-07-01T00:00:00.000Z' });
}

describe('export → import of every built-in task plans zero changes', () => {
  it('lists every built-in task', () => {
    expect(data.tasks.length).toBeGreaterThan(100);
    expect(rows.map((r) => r.taskKey ?? r.key).sort()).toEqual(data.tasks.filter((t) => !t.archived && !t.closedAt).map((t) => t.key).sort());
  });

  it.each([
    ['the ledger CSV', () => taskRowsToCsv(rows), `${district}_重点任务.csv`],
    ['the 重点任务推进情况表 (.xlsx)', () => fillReport(builtinTemplateBytes('tasks'), 'tasks', { scalars: { district, period: period.name }, rows: { task: rows } }), `${district}_重点任务推进情况表.xlsx`],
  ])('%s', async (_what, exportBytes, fileName) => {
    const plan = await planFrom(await exportBytes(), fileName);
    expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect([plan.added, plan.updated, plan.removed, plan.ambiguous, plan.filled]).toEqual([[], [], [], [], []]);
    expect(plan.unchanged).toHaveLength(rows.length);
  });
});

describe('one Chinese name per column', () => {
  it('重点任务 (once 重点任务 / 任务 / 任务名称) in the grid, the import, the audit trail, rounds, documents and clusters', () => {
    const names = [columnLabel('title'), IMPORT_TEXT.fields.title, IMPORT_TEXT.task, FIELD_LABELS.title, ROUNDS_TEXT.assign.colTitle, DOC_TEXT.taskCols.title, CLUSTER_TEXT.taskCols.title];
    expect(new Set(names)).toEqual(new Set([fieldName('title')]));
  });

  it.each(Object.entries(COLUMN_FIELDS) as [keyof typeof COLUMN_FIELDS, TaskFieldId][])('the grid column %s is headed by its field’s one name', (column, field) => {
    expect(columnLabel(column)).toBe(fieldName(field));
  });

  it.each(['status', 'progress', 'percent', 'problems', 'nextSteps'] as const)(
    '%s has one name in the grid, the CSV/report header, the form, the filters, the audit trail, rounds and the comparison',
    (f) => {
      const names = [
        fieldName(f),
        FIELD_LABELS[f],
        ROUNDS_TEXT.collect.field[f],
        SUBMISSION_TEXT.fields[f],
        ...(f === 'percent' ? [] : [LEDGER_TEXT.detail[f]]),
        ...(f === 'status' || f === 'percent' || f === 'progress' ? [columnLabel(f)] : []),
        ...(f === 'status' ? [LEDGER_TEXT.filters.status] : []),
      ];
      expect(new Set(names)).toEqual(new Set([fieldName(f)]));
    },
  );

  it('本期状态 and 进展情况: the names the officer sees on the grid are the registry’s', () => {
    expect([columnLabel('status'), columnLabel('progress')]).toEqual(['本期状态', '进展情况']);
  });
});
