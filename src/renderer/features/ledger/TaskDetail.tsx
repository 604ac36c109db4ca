import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Collapse, Spin, Tag, Typography } from 'antd';
import { CheckSquareOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { taskCode, type ReportingPeriod, type Task } from '@core/model';
import { getDb, useQuery, emptyProgress, readSetting, progressRepo, targetsRepo, isPeriodLocked, lockedMessage, readDistrictTargets } from '../../storage';
import type { LedgerRow } from '../common/task-rows';
import { LEDGER_TEXT } from './texts';
import { ProgressForm } from './ProgressForm';
import { AuditTrail } from '../common/AuditTrail';
import { CloseDialog } from './CloseDialog';
import { reopenClosedTask } from './close-actions';
import { chineseDate } from '../common/audit-texts';
import { isClosedIn } from '@core/closure';
import { progressId } from '@core/ids';

const T = LEDGER_TEXT.detail;
// Opened now and then: loaded when first opened (it brings the deadline and unit rules of the review).
const TaskEditDialog = lazy(() => import('./TaskEditDialog'));

/** Task texts longer than this are folded to two lines (展开 shows all). */
const FOLD_AT = 90;

/**
 * The open task: a compact header (title, folded text, document, deadline, units, why it
 * concerns the district), then the progress form, so that 状态, 完成进度 and the start of
 * 进展情况 are in view on a 1366×768 laptop. Buttons are out of the Tab path, on shortcuts.
 */
export function TaskDetail({ row, district, period, planStart, onClose, autoFocus, onSaveAndNext }: {
  row: LedgerRow<Task>;
  district: string;
  period: ReportingPeriod;
  planStart?: string;
  onClose: () => void;
  /** Put the cursor in 状态 (the task was opened from the keyboard). */
  autoFocus?: boolean;
  /** Ctrl+Enter in the form: open the next unfilled task. */
  onSaveAndNext?: () => void;
}) {
  const { task } = row;
  const { message } = App.useApp();
  const [expanded, setExpanded] = useState(false);
  const [closing, setClosing] = useState(false);
  const [editing, setEditing] = useState(false);
  const long = task.text.length > FOLD_AT;
  const raw = useQuery(async () => {
    const db = getDb();
    const [targets, history, locked, districtTargets, filledBy] = await Promise.all([
      targetsRepo.byTask(db, task.key),
      progressRepo.byTask(db, district, task.key),
      isPeriodLocked(db, district, period.id),
      readDistrictTargets(db, district),
      // The office's 填报人 (设置 → 报表表头) is who closes a task; an entry's 填报人 stays its own.
      readSetting(db, 'filledBy'),
    ]);
    return { taskKey: task.key, district, periodId: period.id, targets, history, locked, districtTargets, filledBy };
  }, [task.key, district, period.id]).data;
  // A live query keeps its last result while the next one loads: never mix tasks.
  const data = raw && raw.taskKey === task.key && raw.district === district && raw.periodId === period.id ? raw : undefined;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollTo({ top: 0 });
    setExpanded(false);
  }, [task.key]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape' && !(e.target as HTMLElement).closest('.ant-select-open, .ant-modal')) {
      e.preventDefault();
      onClose();
    } else if (e.altKey && e.code === 'KeyZ' && long) {
      e.preventDefault();
      setExpanded((x) => !x);
    } else if (e.altKey && e.code === 'KeyX' && !task.closedAt) {
      e.preventDefault();
      setClosing(true);
    }
  };
  const reopen = async () => {
    if (await reopenClosedTask(getDb(), task.key)) message.success(LEDGER_TEXT.close.reopened);
  };
  const C = LEDGER_TEXT.close;
  const meta: [string, string][] = [
    [T.document, row.documentTitle],
    [T.deadline, task.deadlineText || task.deadline || '—'],
    [T.leadUnits, task.leadUnits.join('、') || '—'],
    [T.responsibleUnits, task.responsibleUnits.join('、') || '—'],
  ];
  if (row.sectionTitle) meta.push([T.section, row.sectionTitle]);

  const entryId = progressId(district, task.key, period.id);
  const stored = data?.history.find((h) => h.periodId === period.id);
  return (
    <div
      ref={ref}
      data-testid="task-detail"
      onKeyDown={onKeyDown}
      style={{ width: 'clamp(540px, 52%, 800px)', flex: 'none', overflow: 'auto', background: '#fff', border: '1px solid #e5e7eb', borderRadius: 4, padding: '8px 14px' }}
    >
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 6 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1, fontSize: 15, lineHeight: 1.4 }} data-testid="detail-title">
          {task.number ? `${task.number}. ` : ''}
          {task.title}
        </Typography.Title>
        {!task.closedAt && (
          <Button size="small" icon={<EditOutlined />} tabIndex={-1} onClick={() => setEditing(true)} data-testid="edit-task">
            {T.edit}
          </Button>
        )}
        {task.closedAt ? (
          <Tag color="default" style={{ marginInlineEnd: 0 }}>
            {C.tag}
          </Tag>
        ) : (
          <Button size="small" icon={<CheckSquareOutlined />} tabIndex={-1} title={C.buttonShortcut} onClick={() => setClosing(true)} data-testid="close-task">
            {C.button}
          </Button>
        )}
        <Button size="small" type="text" icon={<CloseOutlined />} tabIndex={-1} onClick={onClose} aria-label={T.close} title={T.closeShortcut} />
      </div>
      <div
        data-testid="detail-text"
        style={{
          margin: '4px 0 4px',
          color: '#333',
          whiteSpace: 'pre-wrap',
          fontSize: 13,
          lineHeight: 1.6,
          ...(long && !expanded ? { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' as const, overflow: 'hidden' } : {}),
        }}
      >
        {task.text}
      </div>
      {long && (
        <Button type="link" size="small" tabIndex={-1} title={T.expandShortcut} style={{ padding: 0, height: 'auto', fontSize: 12 }} onClick={() => setExpanded((x) => !x)} data-testid="detail-expand">
          {expanded ? T.collapse : T.expand}
        </Button>
      )}
      <div data-testid="detail-meta" style={{ fontSize: 12, color: '#555', lineHeight: 1.7, margin: '2px 0 6px', display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
        {meta.map(([label, value]) => (
          <span key={label} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={value}>
            <span style={{ color: '#888' }}>{label}：</span>
            <span style={{ color: label === T.deadline && row.overdue ? '#cf1322' : undefined }}>{value}</span>
          </span>
        ))}
        <span>
          <span style={{ color: '#888' }}>{T.relevance}：</span>
          {row.reasons.length ? (
            row.reasons.map((r) => (
              <Tag key={r} color="blue" style={{ fontSize: 12, lineHeight: '18px', marginInlineEnd: 4 }}>
                {r}
              </Tag>
            ))
          ) : (
            <span style={{ color: '#999' }}>{T.notRelevant}</span>
          )}
        </span>
      </div>
      {task.closedAt && (
        <Alert
          type="info"
          showIcon
          data-testid="closed-banner"
          style={{ marginBottom: 8, padding: '4px 10px' }}
          title={C.banner(chineseDate(task.closedAt), task.closedNote, task.closedBy)}
          action={
            <Button size="small" onClick={() => void reopen()} data-testid="reopen-task">
              {C.reopen}
            </Button>
          }
        />
      )}
      {!data ? (
        <Spin />
      ) : (
        <ProgressForm
          key={entryId}
          task={task}
          period={period}
          initial={stored ?? emptyProgress(district, task.key, period.id)}
          history={data.history}
          targets={data.targets}
          districtTargets={data.districtTargets}
          planStart={planStart}
          lockedReason={data.locked ? lockedMessage(district, period.id) : isClosedIn(task, period) ? C.formClosed : undefined}
          autoFocus={autoFocus}
          onSaveAndNext={onSaveAndNext}
        />
      )}
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        destroyOnHidden
        items={[{ key: 'audit', label: T.auditTitle, children: <AuditTrail entity="task" entityId={task.key} district={district} limit={100} /> }]}
      />
      {closing && <CloseDialog scope={{ kind: 'one', task }} defaultBy={data?.filledBy ?? ''} onClose={() => setClosing(false)} />}
      {editing && (
        <Suspense fallback={null}>
          <TaskEditDialog task={task} shownKey={taskCode(task)} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </div>
  );
}
