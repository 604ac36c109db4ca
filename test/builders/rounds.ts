/**
 * A district round and the files its units send back, for storage and flow tests of 回收: the
 * round sheet as the app writes it (title, 填报说明 row, the columns) with the unit's binding.
 */
import { ROUND_COLUMNS, bindingRows, makeBinding, roundTitle, type Round } from '../../src/core/rounds';

/** 汉阳区's 2026年第一季度 round: 区科技局 leads two seed tasks, 区经信局 assists on the second. */
export const HANYANG_ROUND: Round = {
  id: 'R2026Q1-a',
  district: '汉阳区',
  periodId: '2026-Q1',
  dueDate: '2026-04-08',
  createdAt: '2026-03-25T00:00:00.000Z',
  prefilled: false,
  units: [
    { unit: '区科技局', taskKeys: ['2023YD-01', '2023YD-02'], leadKeys: ['2023YD-01', '2023YD-02'], fileName: 'a.xlsx', checksum: '' },
    { unit: '区经信局', taskKeys: ['2023YD-02'], leadKeys: [], fileName: 'b.xlsx', checksum: '' },
  ],
};

/** One row a unit filled: task key, 本期状态, 完成进度 and 进展情况 as typed. */
export interface FilledRow {
  key: string;
  status?: string;
  percent?: string;
  progress?: string;
}

/** The workbook `unit` sends back for `round` (as grids), with its binding. */
export function returnedFile(round: Round, unit: string, rows: readonly FilledRow[], hash: string) {
  const keys = round.units.find((u) => u.unit === unit)!.taskKeys;
  return {
    fileName: `${unit}.xlsx`,
    hash,
    sheets: [
      { name: '任务填报', rows: [[roundTitle(round.district, '2026年第一季度', unit)], [''], ROUND_COLUMNS.map((c) => c.header), ...rows.map((r) => ['1', r.key, '', '', '', r.status ?? '', r.percent ?? '', r.progress ?? '', '', ''])] },
      { name: '_binding', rows: bindingRows(makeBinding(round, unit, keys)) },
    ],
  };
}
