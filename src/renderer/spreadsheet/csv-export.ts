/**
 * CSV export of a grid with a UTF-8 BOM, so Excel and WPS show the Chinese correctly.
 * Text that starts with = + - @, TAB, CR or ＝ ＋ － ＠ is prefixed with an apostrophe so it is
 * never run as a formula; no cell is longer than Excel's 32,767 characters.
 */
import { looksLikeFormula, type ReportValue } from '@core/report';
import { fitCellText } from '@core/limits';
import { TASK_FIELDS, type TaskFieldId } from '@core/fields';

function csvCell(v: ReportValue | undefined): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && looksLikeFormula(s)) s = `'${s}`;
  s = fitCellText(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (CRLF line ends) of a header line and rows. */
export function toCsvText(headers: readonly string[], rows: readonly (readonly (ReportValue | undefined)[])[]): string {
  return [headers, ...rows].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}

/** CSV bytes: UTF-8 with a byte-order mark. */
export function toCsvBytes(headers: readonly string[], rows: readonly (readonly (ReportValue | undefined)[])[]): Uint8Array {
  const body = new TextEncoder().encode(toCsvText(headers, rows));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}

/** CSV bytes of task rows with the registry's headers (the ledger grid's 导出 CSV), in `fields` order. */
export function taskRowsToCsv(rows: readonly Partial<Record<TaskFieldId, ReportValue>>[], fields: readonly TaskFieldId[] = TASK_FIELDS.map((f) => f.id)): Uint8Array {
  return toCsvBytes(
    fields.map((id) => TASK_FIELDS.find((f) => f.id === id)?.header ?? id),
    rows.map((r) => fields.map((id) => r[id])),
  );
}
