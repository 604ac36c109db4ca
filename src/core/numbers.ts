/**
 * Numbers as officers and units write them — typed in a form, or in a cell of a returned
 * workbook or a 分解表: a Chinese input method in full-width mode gives `６０`, `１２．５` or
 * `－３`, figures copied from WPS carry thousands separators, a percent its `%`. One reading
 * for every entrance (the forms, 回收, the 分解表).
 */
import { toHalfWidth } from './text';

/** Largest magnitude accepted for an indicator value (a trillion); anything bigger is a typo. */
export const MAX_INDICATOR_VALUE = 1e12;

/** Typed text as plain digits: full-width to half-width, `。` as a decimal point, separators, spaces and % removed. */
export function normalizeTypedNumber(text: string | undefined): string {
  return toHalfWidth(text ?? '')
    .replace(/[。]/g, '.')
    .replace(/[,\s%]/g, '');
}

/** Whether an indicator value is within what any district could report. */
export function isPlausibleValue(v: number): boolean {
  return Number.isFinite(v) && Math.abs(v) <= MAX_INDICATOR_VALUE;
}

/** What a number field or cell holds: empty, a number, or text that is not a number. */
export type TypedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; text: string };

/** Read the whole text of a number field or cell (full-width digits, separators and % allowed). */
export function readTypedNumber(text: string): TypedNumber {
  const plain = normalizeTypedNumber(text);
  if (plain === '') return { kind: 'empty' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return { kind: 'invalid', text: text.trim() };
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', text: text.trim() };
}
