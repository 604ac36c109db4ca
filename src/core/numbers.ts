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

/**
 * The number inside a text that is not one, as the officer should type it: `约30%` → `30`,
 * `１,２００家` → `1200`, `65.5以上` → `65.5`; undefined when the text holds no figure.
 */
export function numberInText(text: string): string | undefined {
  return /[-+]?\d+(?:\.\d+)?/u.exec(normalizeTypedNumber(text))?.[0];
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

/**
 * Units that count things (家, 个, 万人 …): a value in them is never negative, an indicator in
 * them is named as a count (…数量, core/indicators/names.ts), and a district's count is not above
 * the whole city's (core/indicators/district.ts). The one list of them.
 */
const COUNT_UNIT = /^万?(?:家|个|项|人|名|件|种|所|座|台|套|次|户|条|篇|场|批|支|家次|人次|项次|个次)$/u;

/** Whether `unit` counts things (家, 个, 人次, 万人 …). */
export function isCountUnit(unit: string): boolean {
  return COUNT_UNIT.test(unit.trim());
}
/** Names of shares (覆盖率, 占比, 达标率 …): between 0 and 100 %. Growth and change rates may be anything. */
const SHARE_NAME = /率|占比|比例|比重|覆盖|强度/u;
const CHANGE_NAME = /增长|增速|增幅|提高|提升|下降|降低|减少|变化|同比|环比/u;

/**
 * Why an indicator value cannot be what the district means, in Chinese; undefined when it can be.
 * Too large (a typo), a negative count (−5 家), a share outside 0–100 % (覆盖率 150 %). The forms
 * of 指标 and of a task's 本期实际值 refuse such a value and keep the one before; 回收 leaves such a
 * cell out. `outcome` says what became of the value (没有保存, or 回收's 这一格没有导入).
 */
export function indicatorValueProblem(name: string, unit: string, value: number, outcome = '没有保存'): string | undefined {
  if (!isPlausibleValue(value)) return `${name}的数值过大（超过一万亿），${outcome}。请检查是否多输了位数。`;
  const u = unit.trim();
  if (value < 0 && isCountUnit(u)) return `${name}是数量（${u}），不能是负数，${outcome}。`;
  if ((u === '%' || u === '％') && SHARE_NAME.test(name) && !CHANGE_NAME.test(name) && (value < 0 || value > 100))
    return `${name}是比率，应在 0–100% 之间，“${value}%”${outcome}。`;
  return undefined;
}
