import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CopyOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import type { ProgressEntry, ReportingPeriod, Target, Task, TaskStatus } from '@core/model';
import { STATUS_LABELS, TASK_STATUSES } from '@core/model';
import { parsePeriodId } from '@core/period';
import { suggestStatus } from '@core/status';
import { districtJudgedTarget, type DistrictTargets } from '@core/indicators';
import { getDb } from '../../storage/live';
import { hasContent, readDraft, saveProgress, writeDraft } from '../../storage/progress-store';
import { PeriodLockedError } from '../../storage/locks';
import { LEDGER_TEXT } from './texts';
import { StatusTag } from './status-tag';
import { isPlausibleValue, typedNumberParser } from './typed-number';

const T = LEDGER_TEXT.detail;
const SAVE_DELAY_MS = 700;

function savedTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

/**
 * The progress form of one task in one period. Autosaves as the officer types; a
 * synchronous draft copy and flushes on unmount, page hide and unload mean no text is lost.
 * Mount it with `key={entry.id}` so that switching tasks saves and starts afresh.
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
}) {
  const { task, period, initial, history, targets, districtTargets, planStart, lockedReason } = props;
  const readOnly = Boolean(lockedReason);
  const { message } = App.useApp();
  const recovered = useMemo(() => readDraft(initial.id), [initial.id]);
  const [draft, setDraft] = useState<ProgressEntry>(() => {
    const base = recovered ?? initial;
    // The entry's 填报人 is its own: never taken from (nor written to) the report's 填报人 setting.
    return base;
  });
  const [state, setState] = useState<SaveState>(recovered ? 'dirty' : 'saved');
  const [error, setError] = useState<string | undefined>(undefined);
  const [percentError, setPercentError] = useState<string | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<string | undefined>(hasContent(initial) ? initial.updatedAt : undefined);
  const latest = useRef(draft);
  const dirty = useRef(Boolean(recovered));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current) return;
    dirty.current = false;
    const entry = latest.current;
    setState('saving');
    saveProgress(getDb(), entry).then(
      () => {
        if (!dirty.current) setState('saved');
        setSavedAt(new Date().toISOString());
        setError(undefined);
      },
      (e: unknown) => {
        dirty.current = true;
        setState('error');
        setError(e instanceof PeriodLockedError ? e.message : T.saveFailed);
      },
    );
  }, []);

  const update = (patch: Partial<ProgressEntry>) => {
    if (readOnly) return;
    const next = { ...latest.current, ...patch };
    latest.current = next;
    dirty.current = true;
    writeDraft(next);
    setDraft(next);
    setState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };

  useEffect(() => {
    if (recovered) flush();
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush, recovered]);

  const earlier = history.filter((h) => h.periodId < period.id && hasContent(h)).sort((a, b) => (a.periodId < b.periodId ? 1 : -1));
  const previous = earlier[0];
  const copyPrevious = () => {
    if (!previous) return message.info(T.copyPreviousNone);
    update({ progress: previous.progress, problems: previous.problems, nextSteps: previous.nextSteps });
    message.success(T.copyPreviousDone);
  };
  const hasText = Boolean(draft.progress.trim() || draft.problems.trim() || draft.nextSteps.trim());

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
                update({ filledBy: e.target.value });
              }}
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
                    update({ indicatorValues: { ...latest.current.indicatorValues, [t.id]: n } });
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
