import { useState } from 'react';
import { App, InputNumber } from 'antd';
import { indicatorValueProblem } from '@core/numbers';
import { isPlausibleValue, typedNumberParser } from './typed-number';
import { COMMON_TEXT } from './texts';

/**
 * A number typed freely and written on Enter or when leaving the field (not on every
 * keystroke), so the stored value never fights the officer's typing.
 */
export function ValueInput({ value, onCommit, unit, label, testId, width = 130, name, doubt }: {
  value: number | null;
  onCommit: (v: number | null) => void;
  unit?: string;
  label: string;
  /** The indicator's name: a value it cannot have (a negative count, a share over 100 %) is refused (core/numbers.ts). */
  name?: string;
  testId?: string;
  width?: number;
  /** A question about a value that is kept (above the whole city's target: valueAboveWhole), said when it is written. */
  doubt?: (v: number) => string | undefined;
}) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<number | null>(value);
  const [seen, setSeen] = useState<number | null>(value);
  if (value !== seen) {
    // The stored value changed elsewhere: show it.
    setSeen(value);
    setDraft(value);
  }
  const commit = () => {
    const problem = draft === null ? undefined : name !== undefined ? indicatorValueProblem(name, unit ?? '', draft) : isPlausibleValue(draft) ? undefined : COMMON_TEXT.valueTooLarge(label);
    if (problem) {
      message.warning({ key: 'implausible-value', content: problem });
      setDraft(value);
      return;
    }
    if (draft === value) return;
    onCommit(draft);
    const question = draft === null ? undefined : doubt?.(draft);
    if (question) message.warning({ key: 'doubtful-value', content: question, duration: 8 });
  };
  return (
    <InputNumber
      size="small"
      style={{ width }}
      aria-label={label}
      data-testid={testId}
      value={draft}
      suffix={unit}
      parser={typedNumberParser}
      onChange={(v) => setDraft(v === null || v === undefined ? null : Number(v))}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}
