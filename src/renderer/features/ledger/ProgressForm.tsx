import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Input, Popconfirm, Select, Space, Tag, Typography, type InputRef } from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { CheckCircleOutlined, CopyOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import type { ProgressEntry, ReportingPeriod, Target, Task, TaskStatus } from '@core/model';
import { STATUS_LABELS, TASK_STATUSES } from '@core/model';
import { EXCEL_CELL_LIMIT, taskField } from '@core/fields';
import { parsePeriodId } from '@core/period';
import { suggestStatus } from '@core/status';
import { earlierEntries, hasContent, isValidPercent, percentOfStatus, statusPercentClash } from '@core/progress';
import { comparedValue, districtJudgedTarget, valueAboveWhole, type DistrictTargets } from '@core/indicators';
import { getDb, PeriodLockedError } from '../../storage';
import { useProgressAutosave } from './autosave';
import { ConflictNotice } from './ConflictNotice';
import { LEDGER_MORE_TEXT as M, LEDGER_TEXT } from './texts';
import { StatusTag } from './status-tag';
import { indicatorValueProblem } from '@core/numbers';
import { NumberField, type NumberFieldHandle } from './NumberField';

type TextField = 'progress' | 'problems' | 'nextSteps';
const TEXT_FIELDS: readonly TextField[] = ['progress', 'problems', 'nextSteps'];

const T = LEDGER_TEXT.detail;

function savedTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The progress form of one task in one period. Autosaves as the officer types (autosave.ts:
 * each keystroke in IndexedDB's drafts at once, the changed fields saved a moment later,
 * field by field, a field another window changed meanwhile shown as a conflict).
 * Mount it with `key={entry.id}` so that switching tasks saves and starts afresh.
 *
 * Keyboard, as in Excel: one Tab order 状态 → 完成进度 → 进展情况 → 存在问题 → 下步计划 →
 * indicator values → 填报人; links (采用建议, 沿用上期) are out of it, on Alt shortcuts named in
 * their tooltips; Enter in a single-line field moves on; Ctrl+Enter saves and opens the next
 * unfilled task. Numbers are checked when the field is left, never per keystroke.
 */
export function ProgressForm(props: {
  task: Task;
  period: ReportingPeriod;
  initial: ProgressEntry;
  history: ProgressEntry[];
  targets: Target[];
  /** The district's own targets // 区级分解目标, by indicator key. */
  districtTargets?: DistrictTargets;
  planStart?: string;
  /** Set when the period is 已报送 and locked: the form is read-only and says why. */
  lockedReason?: string;
  /** Put the cursor in 状态 when the form opens (opened from the keyboard). */
  autoFocus?: boolean;
  /** Ctrl+Enter: after saving, open the next task not filled in. */
  onSaveAndNext?: () => void;
}) {
  const { task, period, initial, history, targets, districtTargets, planStart, lockedReason, autoFocus, onSaveAndNext } = props;
  const readOnly = Boolean(lockedReason);
  const { message } = App.useApp();
  const [view, autosave] = useProgressAutosave(getDb(), initial, hasContent(initial) ? initial.updatedAt : undefined);
  // The entry's 填报人 is its own: never taken from (nor written to) the report's 填报人 setting.
  const draft = view.entry;
  const state = view.state;
  const savedAt = view.savedAt;
  const error = view.error instanceof PeriodLockedError ? view.error.message : view.error ? T.saveFailed : undefined;
  const [percentError, setPercentError] = useState<string | undefined>(undefined);
  // A refused indicator value, said beside its field until the next value is accepted (a toast is missed).
  const [targetError, setTargetError] = useState<{ id: string; reason: string } | undefined>(undefined);
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const statusRef = useRef<RefSelectProps>(null);
  const percentRef = useRef<NumberFieldHandle>(null);
  const textRefs = useRef<Partial<Record<TextField, TextAreaRef | null>>>({});
  const targetRefs = useRef<(NumberFieldHandle | null)[]>([]);
  const filledByRef = useRef<InputRef>(null);

  const flush = useCallback(() => void autosave.flush(), [autosave]);

  const update = (patch: Partial<ProgressEntry>) => {
    if (readOnly) return;
    autosave.update(patch);
  };

  // Numbers typed but not yet committed (the field not left yet), committed when the page is closed or reloaded.
  const pendingNumbers = useRef(new Set<() => void>());
  const registerNumber = useCallback((commit: () => void) => {
    pendingNumbers.current.add(commit);
    return () => void pendingNumbers.current.delete(commit);
  }, []);

  // The autosave saves on page hide, unload and unmount; a half-typed number is committed first
  // when the page is closed (hidden or minimised is not leaving: it stays uncommitted).
  useEffect(() => {
    const leave = () => {
      for (const commit of pendingNumbers.current) commit();
      autosave.stash();
      flush();
    };
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('beforeunload', leave);
      window.removeEventListener('pagehide', leave);
    };
  }, [flush, autosave]);

  const earlier = earlierEntries(history, period);
  const previous = earlier[0];
  const copyPrevious = () => {
    if (!previous) return message.info(T.copyPreviousNone);
    update({ progress: previous.progress, problems: previous.problems, nextSteps: previous.nextSteps });
    message.success(T.copyPreviousDone);
  };
  const hasText = Boolean(draft.progress.trim() || draft.problems.trim() || draft.nextSteps.trim());
  const { modal } = App.useApp();
  const askCopyPrevious = () => {
    if (readOnly) return;
    if (!previous) return message.info(T.copyPreviousNone);
    if (!hasText) return copyPrevious();
    modal.confirm({
      title: T.copyPreviousTitle(parsePeriodId(previous.periodId)?.name ?? previous.periodId),
      okText: M.copyOk,
      cancelText: M.cancel,
      autoFocusButton: 'ok',
      onOk: copyPrevious,
    });
  };

  /** A status chosen: 已完成 with no 完成进度 yet takes the percent it fixes (100 %, core's percentOfStatus, as 回收 does); leaving it drops that 100 %. */
  const setStatus = (status: TaskStatus | undefined) => {
    const before = autosave.getView().entry;
    const fixed = before.percent === undefined ? percentOfStatus(status) : undefined;
    // Leaving 已完成: the 100 % it fixed goes with it (序时推进 at 100 % would contradict itself).
    const dropped = before.status === 'done' && status !== 'done' && before.percent === percentOfStatus('done');
    update(fixed !== undefined ? { status, percent: fixed } : dropped ? { status, percent: undefined } : { status });
  };
  // A status and a 完成进度 that contradict each other (已完成 at 80 %, 序时推进 at 100 %) are said, never printed unseen.
  const clash = statusPercentClash(draft.status, draft.percent);

  /** A text field typed into: refused whole (nothing changes) beyond what an Excel cell holds. */
  const typeText = (f: TextField, value: string) => {
    if (value.length > EXCEL_CELL_LIMIT) {
      setTextError(T.tooLong(T[f], EXCEL_CELL_LIMIT));
      return;
    }
    setTextError(undefined);
    update({ [f]: value });
  };

  useEffect(() => {
    if (autoFocus && !readOnly) statusRef.current?.focus();
  }, [autoFocus, readOnly]);

  // Enter in a single-line field: the next field in the fixed order.
  const focusAfterPercent = () => textRefs.current.progress?.focus();
  const focusAfterTarget = (i: number) => (i + 1 < targets.length ? targetRefs.current[i + 1]?.focus() : filledByRef.current?.focus());

  // 状态: Enter on the closed list (a status chosen) moves on to 完成进度 instead of opening the list again.
  const [statusOpen, setStatusOpen] = useState(false);
  const keepStatusClosed = useRef(false);
  const onStatusKeyDownCapture = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing || statusOpen || !autosave.getView().entry.status) return;
    keepStatusClosed.current = true;
    setTimeout(() => {
      keepStatusClosed.current = false;
      percentRef.current?.focus();
    });
  };

  const adopt = () => {
    if (!readOnly && suggestion.status && suggestion.status !== autosave.getView().entry.status) setStatus(suggestion.status);
  };
  const onFormKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      flush();
      onSaveAndNext?.();
    } else if (e.altKey && e.code === 'KeyA') {
      e.preventDefault();
      adopt();
    } else if (e.altKey && e.code === 'KeyY') {
      e.preventDefault();
      askCopyPrevious();
    }
  };

  // An indicator is judged against the district's own target only (the rule of 指标跟踪 and the export).
  const judged = targets
    .filter((t) => draft.indicatorValues[t.id] != null)
    .map((t) => ({ t, judged: districtJudgedTarget(t, { district: initial.district, year: period.year, task, ...(districtTargets ? { districtTargets } : {}) }) }))
    .find((x) => x.judged !== undefined);
  const suggestion = suggestStatus({
    period,
    deadline: task.deadline,
    deadlineText: task.deadlineText,
    start: planStart,
    percent: draft.percent,
    target: judged?.judged,
    actual: judged ? draft.indicatorValues[judged.t.id] : undefined,
  });

  const saveBadge = readOnly ? null : state === 'saved' ? (
      <Tag icon={<CheckCircleOutlined />} color="success" data-testid="save-state">
        {savedAt ? T.savedAt(savedTime(savedAt)) : T.saved}
      </Tag>
    ) : state === 'conflict' ? (
      <Tag icon={<WarningOutlined />} color="warning" data-testid="save-state">
        {T.conflictBadge}
      </Tag>
    ) : state === 'error' ? (
      <Tag icon={<WarningOutlined />} color="error" data-testid="save-state">
        {T.unsaved}
      </Tag>
    ) : (
      <Tag icon={<LoadingOutlined />} color="processing" data-testid="save-state">
        {T.saving}
      </Tag>
    );

  const copyButton = (
    <Button size="small" icon={<CopyOutlined />} tabIndex={-1} title={T.copyPreviousShortcut} disabled={!previous || readOnly} onClick={hasText ? undefined : copyPrevious}>
      {T.copyPrevious}
    </Button>
  );

  return (
    <div data-testid="progress-form" onKeyDown={onFormKeyDown} style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
      <div style={{ flex: '1 1 380px', minWidth: 0 }}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 6 }}>
          <Typography.Text strong style={{ fontSize: 14 }} title={T.shortcutsHint}>
            {T.formTitle(period.name)}
          </Typography.Text>
          <Space size={4}>
            {saveBadge}
            {hasText ? (
              <Popconfirm title={T.copyPreviousTitle(previous ? (parsePeriodId(previous.periodId)?.name ?? previous.periodId) : M.previousPeriod)} onConfirm={copyPrevious} okText={M.copyOk} cancelText={M.cancel}>
                {copyButton}
              </Popconfirm>
            ) : (
              copyButton
            )}
          </Space>
        </div>
        {state === 'error' && <Alert type="error" showIcon title={error ?? T.saveFailed} style={{ marginBottom: 8 }} />}
        <ConflictNotice conflicts={view.conflicts} targets={targets} onKeepMine={(f) => void autosave.keepMine(f)} onTakeTheirs={(f) => autosave.takeTheirs(f)} />
        {lockedReason && <Alert type="warning" showIcon title={lockedReason} style={{ marginBottom: 8 }} data-testid="period-locked" />}
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', marginBottom: 6 }}>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 2, flex: 'none' }} onKeyDownCapture={onStatusKeyDownCapture}>
            <span className="field-label">{T.status}</span>
            {/* No allowClear: its button sat in the Tab order between 状态 and 完成进度 (digits typed after Tab were lost, Enter cleared the status). */}
            <Select<TaskStatus | ''>
              ref={statusRef}
              aria-label={T.status}
              data-testid="field-status"
              disabled={readOnly}
              style={{ width: 124 }}
              placeholder={M.choose}
              value={draft.status}
              open={statusOpen}
              onOpenChange={(o) => {
                if (o && keepStatusClosed.current) return;
                setStatusOpen(o);
              }}
              onChange={(v) => setStatus(v || undefined)}
              options={[...TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: '' as const, label: T.noStatus }]}
            />
          </label>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 2, flex: 'none' }}>
            <span className="field-label">{T.percent}</span>
            <NumberField
              ref={percentRef}
              aria-label={T.percent}
              data-testid="field-percent"
              disabled={readOnly}
              width={96}
              value={draft.percent}
              check={(v, typed) => (Number.isNaN(v) ? T.notANumber(taskField('percent').header, typed) : v !== undefined && !isValidPercent(v) ? T.percentOutOfRange(typed) : undefined)}
              onCommit={(v) => {
                setPercentError(undefined);
                update({ percent: v });
              }}
              onRefuse={setPercentError}
              onAccept={() => setPercentError(undefined)}
              onEnter={focusAfterPercent}
              register={registerNumber}
            />
          </label>
          <div
            data-testid="status-suggestion"
            style={{
              flex: 1,
              minWidth: 0,
              fontSize: 12,
              lineHeight: 1.5,
              padding: '3px 8px',
              borderRadius: 4,
              background: suggestion.status === 'behind' ? '#fffbe6' : '#f0f5ff',
              border: `1px solid ${suggestion.status === 'behind' ? '#ffe58f' : '#d6e4ff'}`,
            }}
          >
            <b>{T.suggestion}：</b>
            {suggestion.reason}
            {suggestion.status && suggestion.status !== draft.status && !readOnly && (
              <Button size="small" type="link" tabIndex={-1} title={T.adoptShortcut} style={{ height: 'auto', padding: '0 4px', fontSize: 12 }} onClick={adopt}>
                {T.adopt}
              </Button>
            )}
          </div>
        </div>
        {clash && draft.status && draft.percent !== undefined && (
          <Alert type="warning" showIcon title={T.statusPercentClash(STATUS_LABELS[draft.status], draft.percent, draft.status === 'done')} style={{ marginBottom: 6, padding: '4px 10px' }} data-testid="status-percent-clash" />
        )}
        {percentError && <Alert type="error" showIcon title={percentError} style={{ marginBottom: 6, padding: '4px 10px' }} data-testid="percent-error" />}
        {textError && <Alert type="error" showIcon title={textError} style={{ marginBottom: 6, padding: '4px 10px' }} data-testid="text-error" />}
        {TEXT_FIELDS.map((f) => (
          <label key={f} style={{ display: 'block', marginBottom: 6 }}>
            <span className="field-label">{T[f]}</span>
            <Input.TextArea
              ref={(el) => {
                textRefs.current[f] = el;
              }}
              aria-label={T[f]}
              data-testid={`field-${f}`}
              disabled={readOnly}
              value={draft[f]}
              placeholder={T[`${f}Placeholder`]}
              autoSize={{ minRows: f === 'progress' ? 3 : 2, maxRows: 12 }}
              onChange={(e) => typeText(f, e.target.value)}
              onBlur={flush}
            />
          </label>
        ))}
        {targets.length > 0 && (
          <div style={{ marginBottom: 6 }}>
            <span className="field-label">{T.actual}</span>
            {targets.map((t, i) => (
              <div key={t.id} style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4 }}>
                <span style={{ flex: 1, minWidth: 0 }} title={t.sourceText}>
                  {T.target(t.name, comparedValue(t), t.year, t.yearly)}
                  {t.baseline !== undefined && <span style={{ color: '#888' }}>（{T.baseline(t.baseline, t.unit, t.baselineYear)}）</span>}
                  {t.year !== undefined && t.year < period.year && (
                    <span style={{ color: '#888' }} data-testid={`target-past-${t.id}`}>
                      {T.targetPast}
                    </span>
                  )}
                </span>
                <NumberField
                  ref={(el) => {
                    targetRefs.current[i] = el;
                  }}
                  aria-label={`${t.name}${T.actual}`}
                  data-testid={`field-target-${t.id}`}
                  disabled={readOnly}
                  width={140}
                  suffix={t.unit}
                  value={draft.indicatorValues[t.id]}
                  check={(v, typed) => (Number.isNaN(v) ? T.notANumber(t.name, typed) : v !== undefined ? indicatorValueProblem(t.name, t.unit, v) : undefined)}
                  onCommit={(v) => {
                    if (targetError?.id === t.id) setTargetError(undefined);
                    update({ indicatorValues: { ...autosave.getView().entry.indicatorValues, [t.id]: v ?? null } });
                  }}
                  onRefuse={(reason) => setTargetError({ id: t.id, reason })}
                  onAccept={() => setTargetError((e) => (e?.id === t.id ? undefined : e))}
                  onEnter={() => focusAfterTarget(i)}
                  register={registerNumber}
                />
              </div>
            ))}
            {targetError && targets.some((t) => t.id === targetError.id) && (
              <Alert type="error" showIcon title={targetError.reason} style={{ marginTop: 6, padding: '4px 10px' }} data-testid="target-error" />
            )}
            {targets.map((t) => {
              // A count above the whole city's target for it: kept, but asked about (walk10).
              const doubt = valueAboveWhole(t, draft.indicatorValues[t.id], initial.district);
              return doubt && <Alert key={t.id} type="warning" showIcon title={doubt} style={{ marginTop: 6, padding: '4px 10px' }} data-testid={`target-doubt-${t.id}`} />;
            })}
          </div>
        )}
        <label style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span className="field-label">{T.filledBy}</span>
          <Input
            ref={filledByRef}
            aria-label={T.filledBy}
            data-testid="field-filledBy"
            disabled={readOnly}
            style={{ width: 140 }}
            placeholder={T.filledByPlaceholder}
            value={draft.filledBy}
            onChange={(e) => {
              update({ filledBy: e.target.value.slice(0, 200) });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                flush();
              }
            }}
            onBlur={flush}
          />
          {onSaveAndNext && !readOnly && (
            <Button size="small" type="link" tabIndex={-1} title={T.saveAndNext} onClick={() => (flush(), onSaveAndNext())} data-testid="save-and-next">
              {T.saveAndNext}
            </Button>
          )}
        </label>
      </div>
      <div data-testid="progress-history" style={{ flex: '0 0 220px', borderLeft: '1px solid #f0f0f0', paddingLeft: 12 }}>
        <Typography.Text strong>{T.history}</Typography.Text>
        {earlier.length === 0 && <div style={{ color: '#999', marginTop: 8, fontSize: 13 }}>{T.noHistory}</div>}
        {earlier.map((h) => (
          <div key={h.id} style={{ marginTop: 10, fontSize: 13, lineHeight: 1.6 }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <b>{parsePeriodId(h.periodId)?.name ?? h.periodId}</b>
              <StatusTag status={h.status} />
              {h.percent !== undefined && <span style={{ color: '#888' }}>{h.percent}%</span>}
            </div>
            {h.progress && <div style={{ whiteSpace: 'pre-wrap' }}>{h.progress}</div>}
            {h.problems && (
              <div style={{ color: '#ad6800', whiteSpace: 'pre-wrap' }}>
                {T.problems}：{h.problems}
              </div>
            )}
            {h.nextSteps && (
              <div style={{ color: '#666', whiteSpace: 'pre-wrap' }}>
                {T.nextSteps}：{h.nextSteps}
              </div>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
