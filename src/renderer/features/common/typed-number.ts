/**
 * Number fields of the forms: the reading itself is core's (core/numbers.ts), shared with 回收
 * and the 分解表; here only the adapter antd's InputNumber needs.
 */
import { normalizeTypedNumber } from '@core/numbers';

export { isPlausibleValue, MAX_INDICATOR_VALUE, normalizeTypedNumber, readTypedNumber, type TypedNumber } from '@core/numbers';

/**
 * The same as InputNumber's `parser` prop. rc-input-number reads the parser's result as text
 * (it parses it with its own decimal reader); antd only types the prop as returning a number.
 */
export const typedNumberParser = normalizeTypedNumber as unknown as (displayValue: string | undefined) => number;
