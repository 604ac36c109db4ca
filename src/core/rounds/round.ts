/**
 * A collection round // 下发与回收: one period's tasks sent to the district's units (or, at the
 * city level, to the districts), the returned workbooks and what was merged from them.
 */

/** One unit's part of a round: the tasks sent to it. */
export interface RoundUnit {
  unit: string;
  /** Task keys in the order they were sent. */
  taskKeys: string[];
  /** Task keys the unit leads (the others it assists // 协办). */
  leadKeys: string[];
  fileName: string;
  checksum: string;
}

/** A round. Persisted (table `rounds`): do not rename fields. */
export interface Round {
  /** e.g. `R2025Q3-lx3k2a`: see roundId(). */
  id: string;
  district: string;
  periodId: string;
  /** 报送截止日期 `YYYY-MM-DD`. */
  dueDate: string;
  createdAt: string;
  /** Whether last period's texts were prefilled. */
  prefilled: boolean;
  units: RoundUnit[];
  /** `city`: the city's office sent the task list to the districts (市级汇总); absent: a district's round. */
  level?: 'city';
}

/** A new round id from its period and creation time. */
export function roundId(periodId: string, createdAt: string): string {
  return `R${periodId.replace(/-/gu, '')}-${Date.parse(createdAt).toString(36)}`;
}

/** The binding hidden in each sent workbook // 绑定信息, by which a returned file is recognised. */
export interface RoundBinding {
  format: typeof BINDING_FORMAT;
  version: 1;
  roundId: string;
  district: string;
  periodId: string;
  unit: string;
  taskKeys: string[];
  checksum: string;
}

/** Persisted in sent workbooks: do not change. */
export const BINDING_FORMAT = 'ledger-round';
/** Name of the hidden sheet that carries the binding. Persisted in sent workbooks: do not change. */
export const BINDING_SHEET = '_binding';

/** FNV-1a 32-bit of a string, as 8 hex digits (a checksum, not a signature). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The checksum of a binding's content. */
export function bindingChecksum(b: Pick<RoundBinding, 'roundId' | 'district' | 'periodId' | 'unit' | 'taskKeys'>): string {
  return fnv1a([b.roundId, b.district, b.periodId, b.unit, b.taskKeys.join(',')].join('\n'));
}

/** The binding of one unit's workbook. */
export function makeBinding(round: Pick<Round, 'id' | 'district' | 'periodId'>, unit: string, taskKeys: readonly string[]): RoundBinding {
  const b = { roundId: round.id, district: round.district, periodId: round.periodId, unit, taskKeys: [...taskKeys] };
  return { format: BINDING_FORMAT, version: 1, ...b, checksum: bindingChecksum(b) };
}

/** The round id in the binding of a district's own exported 重点任务推进情况表 (not from a round). Persisted: do not change. */
export const REPORT_ROUND_ID = 'district-report';
/** The owner named in a district report's binding: the city, to whose office it is sent. */
export const REPORT_BINDING_OWNER = '武汉市';

/**
 * The binding of a district's exported 重点任务推进情况表, by which the city's 回收 recognises it:
 * the district as the unit, the period and the tasks it reports, with the checksum.
 */
export function reportBinding(district: string, periodId: string, taskKeys: readonly string[]): RoundBinding {
  return makeBinding({ id: REPORT_ROUND_ID, district: REPORT_BINDING_OWNER, periodId }, district, taskKeys);
}

/** The rows of the binding sheet: label, value (the last row holds the whole binding as JSON). */
export function bindingRows(b: RoundBinding): [string, string][] {
  return [
    ['format', b.format],
    ['roundId', b.roundId],
    ['district', b.district],
    ['periodId', b.periodId],
    ['unit', b.unit],
    ['taskKeys', b.taskKeys.join(',')],
    ['checksum', b.checksum],
    ['json', JSON.stringify(b)],
  ];
}

/** A binding read back from the binding sheet's grid, or why it cannot be trusted. */
export type BindingRead = { ok: true; binding: RoundBinding } | { ok: false; reason: 'absent' | 'damaged' };

/** Read the binding sheet (rows of label, value). A binding whose checksum does not match is damaged. */
export function readBinding(rows: readonly (readonly string[])[] | undefined): BindingRead {
  if (!rows || rows.length === 0) return { ok: false, reason: 'absent' };
  const get = (label: string) => rows.find((r) => r[0] === label)?.[1] ?? '';
  if (get('format') !== BINDING_FORMAT) return { ok: false, reason: 'damaged' };
  const b: RoundBinding = {
    format: BINDING_FORMAT,
    version: 1,
    roundId: get('roundId'),
    district: get('district'),
    periodId: get('periodId'),
    unit: get('unit'),
    taskKeys: get('taskKeys').split(',').filter(Boolean),
    checksum: get('checksum'),
  };
  if (!b.roundId || !b.unit || bindingChecksum(b) !== b.checksum) return { ok: false, reason: 'damaged' };
  return { ok: true, binding: b };
}
