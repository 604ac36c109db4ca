import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { Input, type InputRef } from 'antd';
import { readTypedNumber } from '../common/typed-number';

/** What a NumberField exposes to its form: focus, and committing what is typed (true when accepted). */
export interface NumberFieldHandle {
  focus: () => void;
  commit: () => boolean;
}

function show(v: number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * A number typed as in Excel: keystrokes only change the text; the value is checked and saved
 * when the officer leaves the field (Tab, Enter, a click elsewhere). A refused value puts the
 * field back to the saved value and `onRefuse` says why, so no partial keystroke (the "15" of
 * "150") and no refused value is ever stored. Full-width digits and an input method work.
 */
export const NumberField = forwardRef<
  NumberFieldHandle,
  {
    value: number | null | undefined;
    /** Check a typed value: a Chinese reason when refused, undefined when accepted. */
    check: (v: number | undefined, typed: string) => string | undefined;
    onCommit: (v: number | undefined) => void;
    onRefuse: (reason: string) => void;
    /** A value was accepted, changed or not (the officer typed the saved value again): a refusal said before is over. */
    onAccept?: () => void;
    /** Enter in the field: go to the next field (after committing). */
    onEnter?: () => void;
    onFocus?: () => void;
    /** Register a commit of what is typed, for the form to call when the page is hidden or closed. */
    register?: (commit: () => void) => () => void;
    disabled?: boolean;
    width: number;
    suffix?: string;
    'aria-label': string;
    'data-testid': string;
  }
>(function NumberField(props, ref) {
  const { value, check, onCommit, onRefuse, onAccept, onEnter, onFocus, register, disabled, width, suffix } = props;
  const [text, setText] = useState(show(value));
  const focused = useRef(false);
  const input = useRef<InputRef>(null);
  // A value changed elsewhere (沿用上期, another window) shows unless the officer is typing here.
  useEffect(() => {
    if (!focused.current) setText(show(value));
  }, [value]);

  // Typed into since the last commit or refusal: only a value typed ends a refusal said before (not
  // the field left again with the saved value a refusal put back).
  const typed = useRef(false);
  const commit = (): boolean => {
    const wasTyped = typed.current;
    typed.current = false;
    if (text === show(value)) {
      if (wasTyped) onAccept?.();
      return true;
    }
    const read = readTypedNumber(text);
    const v = read.kind === 'number' ? read.value : undefined;
    const reason = read.kind === 'invalid' ? check(Number.NaN, read.text) : check(v, text.trim());
    if (reason) {
      setText(show(value));
      onRefuse(reason);
      return false;
    }
    if (v !== (value ?? undefined)) onCommit(v);
    setText(show(v));
    onAccept?.();
    return true;
  };
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus({ cursor: 'all' }), commit }));
  // The page closing while a valid number is typed but not yet committed: keep it (nothing typed is lost).
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  useEffect(() => register?.(() => void latestCommit.current()), [register]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (!commit()) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    // Ctrl+Enter goes on to the form (save and next task); plain Enter moves to the next field.
    if (e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    onEnter?.();
  };

  return (
    <Input
      ref={input}
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
      disabled={disabled}
      inputMode="decimal"
      autoComplete="off"
      style={{ width }}
      suffix={suffix}
      value={text}
      onChange={(e) => {
        typed.current = true;
        setText(e.target.value);
      }}
      onFocus={() => {
        focused.current = true;
        onFocus?.();
      }}
      onBlur={() => {
        focused.current = false;
        commit();
      }}
      onKeyDown={onKeyDown}
    />
  );
});
