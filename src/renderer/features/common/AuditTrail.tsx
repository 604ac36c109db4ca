import { Empty, Table, Typography } from 'antd';
import type { AuditEntry } from '@core/model';
import { getDb, useQuery, readAuditTrail, readRecentAudit, readTaskTrail } from '../../storage';
import { AUDIT_TEXT, chineseDateTime, describeEntity, describeField, formatSide } from './audit-texts';

/** Which trail to show: one task (with its progress in `district`), one progress entry, or the latest changes. */
export type AuditTrailProps =
  | { entity: 'task'; entityId: string; district?: string; limit?: number }
  | { entity: 'progress'; entityId: string; limit?: number }
  | { entity?: undefined; entityId?: undefined; limit?: number };

/** 修改记录: the changes of a task, a progress entry, or of the whole store (newest first). */
export function AuditTrail(props: AuditTrailProps) {
  const limit = props.limit ?? 200;
  const rows = useQuery(async () => {
    const db = getDb();
    if (props.entity === 'task') return (await readTaskTrail(db, props.entityId, props.district)).reverse().slice(0, limit);
    if (props.entity === 'progress') return (await readAuditTrail(db, 'progress', props.entityId)).reverse().slice(0, limit);
    return readRecentAudit(db, limit);
  }, [props.entity, props.entityId, props.entity === 'task' ? props.district : undefined, limit]).data;

  if (rows && rows.length === 0) return <Empty description={AUDIT_TEXT.empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<AuditEntry>
      data-testid="audit-trail"
      size="small"
      loading={rows === undefined}
      rowKey={(r) => String(r.seq)}
      dataSource={rows ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: AUDIT_TEXT.columns.at, dataIndex: 'at', width: 170, render: (v: string) => chineseDateTime(v) },
        ...(props.entity === 'progress' ? [] : [{ title: AUDIT_TEXT.columns.entity, key: 'entity', width: 200, render: (_: unknown, r: AuditEntry) => describeEntity(r) }]),
        { title: AUDIT_TEXT.columns.field, key: 'field', width: 180, render: (_: unknown, r: AuditEntry) => describeField(r) },
        {
          title: AUDIT_TEXT.columns.old,
          key: 'old',
          width: '26%',
          render: (_: unknown, r: AuditEntry) => <Typography.Text type="secondary">{formatSide(r, 'old')}</Typography.Text>,
        },
        { title: AUDIT_TEXT.columns.new, key: 'new', width: '26%', render: (_: unknown, r: AuditEntry) => formatSide(r, 'new') },
        { title: AUDIT_TEXT.columns.by, dataIndex: 'by', width: 90, render: (v: string) => v || AUDIT_TEXT.unknownUser },
      ]}
    />
  );
}
