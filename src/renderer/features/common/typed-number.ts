/**
 * Numbers as officers type them: a Chinese input method in full-width mode gives
 * `６０`, `１２．５` or `－３`, and figures copied from WPS carry thousands separators.
 */

/** Largest magnitude accepted for an indicator value (a trillion); anything bigger is a typo. */
export const MAX_INDICATOR_VALUE = 1e12;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;

/** Turn typed text into the plain digits InputNumber parses (its `parser`): full-width to half-width, separators, spaces and % removed. */
export function normalizeTypedNumber(text: string | undefined): string {
  return (text ?? '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。]/g, '.')
    .replace(/[,，\s%％]/g, '');
}

/** Whether an indicator value is within what any district could report. */
export function isPlausibleValue(v: number): boolean {
  return Number.isFinite(v) && Math.abs(v) <= MAX_INDICATOR_VALUE;
}

/**
 * The same as InputNumber's `parser` prop. rc-input-number reads the parser's result as text
 * (it parses it with its own decimal reader); antd only types the prop as returning a number.
 */
export const typedNumberParser = normalizeTypedNumber as unknown as (displayValue: string | undefined) => number;

/** What a typed number field holds: empty, a number, or text that is not a number. */
export type TypedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; text: string };

/** Read the whole text of a number field as typed (full-width digits, separators and % allowed). */
export function readTypedNumber(text: string): TypedNumber {
  const plain = normalizeTypedNumber(text);
  if (plain === '') return { kind: 'empty' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return { kind: 'invalid', text: text.trim() };
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', text: text.trim() };
}
