import { useRef, useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CopyOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import type { ProgressEntry, ReportingPeriod, Target, Task, TaskStatus } from '@core/model';
import { SETTING_KEYS, STATUS_LABELS, TASK_STATUSES } from '@core/model';
import { parsePeriodId } from '@core/period';
import { suggestStatus } from '@core/status';
import { getDb } from '../../storage/live';
import { setSetting } from '../../storage/repositories';
import { hasContent } from '../../storage/progress-store';
import { PeriodLockedError } from '../../storage/locks';
import { useProgressAutosave } from './autosave';
import { ConflictNotice } from './ConflictNotice';
import { LEDGER_TEXT } from './texts';
import { StatusTag } from './status-tag';
import { isPlausibleValue, typedNumberParser } from './typed-number';

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
 */
export function ProgressForm(props: {
  task: Task;
  period: ReportingPeriod;
  initial: ProgressEntry;
  history: ProgressEntry[];
  targets: Target[];
  defaultFilledBy: string;
  planStart?: string;
  /** Set when the period is 已报送 and locked: the form is read-only and says why. */
  lockedReason?: string;
}) {
  const { task, period, initial, history, targets, defaultFilledBy, planStart, lockedReason } = props;
  const readOnly = Boolean(lockedReason);
  const { message } = App.useApp();
  const [view, autosave] = useProgressAutosave(getDb(), initial, hasContent(initial) ? initial.updatedAt : undefined);
  const draft = view.entry.filledBy ? view.entry : { ...view.entry, filledBy: defaultFilledBy };
  const state = view.state;
  const savedAt = view.savedAt;
  const error = view.error instanceof PeriodLockedError ? view.error.message : view.error ? T.saveFailed : undefined;
  const [percentError, setPercentError] = useState<string | undefined>(undefined);
  const filledByTouched = useRef(false);
  const flush = () => void autosave.flush();
  /** The 填报人 typed becomes the default for the next entries once the field is left (one setting write, not one per key). */
  const rememberFilledBy = () => {
    if (filledByTouched.current && draft.filledBy.trim()) void setSetting(getDb(), SETTING_KEYS.filledBy, draft.filledBy.trim());
    filledByTouched.current = false;
  };

  const update = (patch: Partial<ProgressEntry>) => {
    if (readOnly) return;
    // The default 填报人 is stored with the first edit of the entry.
    const withName = !view.entry.filledBy && draft.filledBy && !('filledBy' in patch) ? { ...patch, filledBy: draft.filledBy } : patch;
    autosave.update(withName);
  };

  const earlier = history.filter((h) => h.periodId < period.id && hasContent(h)).sort((a, b) => (a.periodId < b.periodId ? 1 : -1));
  const previous = earlier[0];
  const copyPrevious = () => {
    if (!previous) return message.info(T.copyPreviousNone);
    update({ progress: previous.progress, problems: previous.problems, nextSteps: previous.nextSteps });
    message.success(T.copyPreviousDone);
  };
  const hasText = Boolean(draft.progress.trim() || draft.problems.trim() || draft.nextSteps.trim());

  const lineTarget = targets.find((t) => t.baseline !== undefined && draft.indicatorValues[t.id] != null);
  const suggestion = suggestStatus({
    period,
    deadline: task.deadline,
    deadlineText: task.deadlineText,
    start: planStart,
    percent: draft.percent,
    target: lineTarget,
    actual: lineTarget ? draft.indicatorValues[lineTarget.id] : undefined,
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

  return (
    <div data-testid="progress-form" style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {T.formTitle(period.name)}
          </Typography.Text>
          <Space size={4}>
            {saveBadge}
            {hasText ? (
              <Popconfirm title={T.copyPreviousTitle(previous ? (parsePeriodId(previous.periodId)?.name ?? previous.periodId) : '上期')} onConfirm={copyPrevious} okText="沿用" cancelText="取消">
                <Button size="small" icon={<CopyOutlined />} disabled={!previous || readOnly}>
                  {T.copyPrevious}
                </Button>
              </Popconfirm>
            ) : (
              <Button size="small" icon={<CopyOutlined />} onClick={copyPrevious} disabled={!previous || readOnly}>
                {T.copyPrevious}
              </Button>
            )}
          </Space>
        </div>
        {state === 'error' && <Alert type="error" showIcon title={error ?? T.saveFailed} style={{ marginBottom: 8 }} />}
        <ConflictNotice conflicts={view.conflicts} targets={targets} onKeepMine={(f) => void autosave.keepMine(f)} onTakeTheirs={(f) => autosave.takeTheirs(f)} />
        {lockedReason && <Alert type="warning" showIcon title={lockedReason} style={{ marginBottom: 8 }} data-testid="period-locked" />}
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <span className="field-label">{T.status}</span>
            {/* No allowClear: its button sat in the Tab order between 状态 and 完成进度 (digits typed after Tab were lost, Enter cleared the status). */}
            <Select<TaskStatus | ''>
              aria-label={T.status}
              data-testid="field-status"
              disabled={readOnly}
              style={{ width: 132 }}
              placeholder="请选择"
              value={draft.status}
              onChange={(v) => update({ status: v || undefined })}
              options={[...TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: '' as const, label: T.noStatus }]}
            />
          </label>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <span className="field-label">{T.percent}</span>
            <InputNumber
              aria-label={T.percent}
              data-testid="field-percent"
              disabled={readOnly}
              style={{ width: 104 }}
              status={percentError ? 'error' : undefined}
              precision={0}
              parser={typedNumberParser}
              value={draft.percent ?? null}
              onFocus={() => setPercentError(undefined)}
              onChange={(v) => {
                const n = v === null || v === undefined ? undefined : Number(v);
                // Out of range is refused, not silently clamped: the officer sees why and what to type.
                if (n !== undefined && (n < 0 || n > 100)) return setPercentError(T.percentOutOfRange(n));
                setPercentError(undefined);
                update({ percent: n });
              }}
            />
          </label>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <span className="field-label">{T.filledBy}</span>
            <Input
              aria-label={T.filledBy}
              data-testid="field-filledBy"
              disabled={readOnly}
              style={{ width: 120 }}
              placeholder={T.filledByPlaceholder}
              value={draft.filledBy}
              onChange={(e) => {
                filledByTouched.current = true;
                update({ filledBy: e.target.value });
              }}
              onBlur={rememberFilledBy}
            />
          </label>
        </div>
        {percentError && <Alert type="error" showIcon title={percentError} style={{ marginBottom: 8 }} data-testid="percent-error" />}
        <Alert
          type={suggestion.status === 'behind' ? 'warning' : 'info'}
          style={{ marginBottom: 8, padding: '4px 10px' }}
          data-testid="status-suggestion"
          title={
            <span style={{ fontSize: 13 }}>
              <b>{T.suggestion}：</b>
              {suggestion.reason}
              {suggestion.status && suggestion.status !== draft.status && !readOnly && (
                <Button size="small" type="link" onClick={() => update({ status: suggestion.status })}>
                  {T.adopt}
                </Button>
              )}
            </span>
          }
        />
        {(['progress', 'problems', 'nextSteps'] as const).map((f) => (
          <label key={f} style={{ display: 'block', marginBottom: 8 }}>
            <span className="field-label">{T[f]}</span>
            <Input.TextArea
              aria-label={T[f]}
              data-testid={`field-${f}`}
              disabled={readOnly}
              value={draft[f]}
              placeholder={T[`${f}Placeholder`]}
              autoSize={{ minRows: f === 'progress' ? 4 : 2, maxRows: 12 }}
              onChange={(e) => update({ [f]: e.target.value })}
              onBlur={flush}
            />
          </label>
        ))}
        {targets.length > 0 && (
          <div style={{ marginBottom: 8 }}>
            <span className="field-label">{T.actual}</span>
            {targets.map((t) => (
              <div key={t.id} style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4 }}>
                <span style={{ flex: 1, minWidth: 0 }} title={t.sourceText}>
                  {T.target(t.name, t.comparator, t.value, t.unit, t.year)}
                  {t.baseline !== undefined && <span style={{ color: '#888' }}>（{T.baseline(t.baseline, t.unit, t.baselineYear)}）</span>}
                </span>
                <InputNumber
                  aria-label={`${t.name}${T.actual}`}
                  data-testid={`field-target-${t.id}`}
              disabled={readOnly}
                  style={{ width: 140 }}
                  value={draft.indicatorValues[t.id] ?? null}
                  suffix={t.unit}
                  parser={typedNumberParser}
                  onChange={(v) => {
                    const n = v === null || v === undefined ? null : Number(v);
                    if (n !== null && !isPlausibleValue(n)) {
                      message.warning({ key: `implausible-${t.id}`, content: T.valueTooLarge(t.name) });
                      return;
                    }
                    update({ indicatorValues: { ...autosave.getView().entry.indicatorValues, [t.id]: n } });
                  }}
                />
              </div>
            ))}
          </div>
        )}
      </div>
      <div data-testid="progress-history" style={{ width: 220, flex: 'none', borderLeft: '1px solid #f0f0f0', paddingLeft: 12 }}>
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
