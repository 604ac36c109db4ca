import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Button, Collapse, Descriptions, Spin, Tag, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { ReportingPeriod } from '@core/model';
import { getDb, useLiveQuery } from '../../storage/live';
import { emptyProgress, progressRepo, targetsRepo } from '../../storage/repositories';
import { isPeriodLocked, lockedMessage } from '../../storage/locks';
import type { LedgerRow } from './rows';
import { LEDGER_TEXT } from './texts';
import { ProgressForm } from './ProgressForm';
import { AuditTrail } from '../audit/AuditTrail';
import { readDistrictTargets } from '../indicators/district-targets';

const T = LEDGER_TEXT.detail;

/** The open task: its full text, units and targets, and the progress form for the period. */
export function TaskDetail({ row, district, period, planStart, onClose }: {
  row: LedgerRow;
  district: string;
  period: ReportingPeriod;
  planStart?: string;
  onClose: () => void;
}) {
  const { task } = row;
  const raw = useLiveQuery(async () => {
    const db = getDb();
    const [targets, history, locked, districtTargets] = await Promise.all([
      targetsRepo.byTask(db, task.key),
      progressRepo.byTask(db, district, task.key),
      isPeriodLocked(db, district, period.id),
      readDistrictTargets(db, district),
    ]);
    return { taskKey: task.key, district, periodId: period.id, targets, history, locked, districtTargets };
  }, [task.key, district, period.id]);
  // A live query keeps its last result while the next one loads: never mix tasks.
  const data = raw && raw.taskKey === task.key && raw.district === district && raw.periodId === period.id ? raw : undefined;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollTo({ top: 0 });
  }, [task.key]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && !(e.target as HTMLElement).closest('.ant-select-open')) {
      e.preventDefault();
      onClose();
    }
  };

  const entryId = `${district}|${task.key}|${period.id}`;
  const stored = data?.history.find((h) => h.periodId === period.id);
  return (
    <div
      ref={ref}
      data-testid="task-detail"
      onKeyDown={onKeyDown}
      style={{ width: 720, flex: 'none', overflow: 'auto', background: '#fff', border: '1px solid #e5e7eb', borderRadius: 4, padding: '12px 16px' }}
    >
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }} data-testid="detail-title">
          {task.number ? `${task.number}. ` : ''}
          {task.title}
        </Typography.Title>
        <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={T.close} title={`${T.close}（Esc）`} />
      </div>
      <Typography.Paragraph style={{ margin: '6px 0 8px', color: '#333', whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: 'collapsible' }}>
        {task.text}
      </Typography.Paragraph>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }} styles={{ label: { width: 92, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={T.document}>{row.documentTitle}</Descriptions.Item>
        <Descriptions.Item label={T.deadline}>
          <span style={{ color: row.overdue ? '#cf1322' : undefined }}>{task.deadlineText || task.deadline || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={T.leadUnits}>{task.leadUnits.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={T.responsibleUnits}>{task.responsibleUnits.join('、') || '—'}</Descriptions.Item>
        {row.sectionTitle && (
          <Descriptions.Item label={T.section} span={2}>
            {row.sectionTitle}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={T.relevance} span={2}>
          {row.reasons.length ? row.reasons.map((r) => <Tag key={r} color="blue">{r}</Tag>) : <span style={{ color: '#999' }}>{T.notRelevant}</span>}
        </Descriptions.Item>
      </Descriptions>
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
          lockedReason={data.locked ? lockedMessage(district, period.id) : undefined}
        />
      )}
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        destroyOnHidden
        items={[{ key: 'audit', label: T.auditTitle, children: <AuditTrail entity="task" entityId={task.key} district={district} limit={100} /> }]}
      />
    </div>
  );
}
