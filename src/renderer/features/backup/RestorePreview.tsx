/** The preview of a checked backup before it replaces everything: when, whose, what it holds. */
import { Alert, Descriptions, Modal, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { parsePeriodId } from '@core/period';
import { TABLE_NAMES } from '@core/records/schemas';
import { BACKUP_PAGE_TEXT as T, REASON_LABELS, formatSize } from './texts';
import type { PendingRestore as Pending } from './backup-flow';

/** `firstStart`: offered before a district is chosen (nothing typed yet, so no warning of what is replaced). */
export function RestorePreview(props: { pending?: Pending; busy: boolean; desktop: boolean; firstStart?: boolean; onCancel: () => void; onConfirm: () => void }) {
  const p = props.pending?.preview;
  return (
    <Modal
      open={!!props.pending}
      title={T.previewTitle}
      okText={T.confirmRestore}
      cancelText={T.cancel}
      okButtonProps={{ danger: true, loading: props.busy }}
      onOk={props.onConfirm}
      onCancel={props.onCancel}
      width={640}
      destroyOnHidden
    >
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="restore-preview">
          {props.firstStart ? (
            // A backup that names no district leaves the choice of district to be made after it.
            <Alert type={p.district ? 'info' : 'warning'} showIcon title={p.district ? T.previewFirstStart : T.previewFirstStartNoDistrict} />
          ) : (
            <Alert type="warning" showIcon title={props.desktop ? T.previewWarn : T.previewBrowserWarn} />
          )}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={T.createdAt}>{dayjs(p.createdAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            <Descriptions.Item label={T.district}>{p.district ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={T.reason}>{REASON_LABELS[p.reason] ?? p.reason}</Descriptions.Item>
            <Descriptions.Item label={T.size}>{formatSize(p.size)}</Descriptions.Item>
            <Descriptions.Item label={T.periods} span={2}>
              {p.periods.map((id) => parsePeriodId(id)?.name ?? id).join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey="table"
            dataSource={Object.entries(p.counts)
              .filter(([, n]) => n > 0)
              .map(([table, n]) => ({ table, label: TABLE_NAMES[table] ?? table, n }))}
            columns={[
              { title: T.tableHeader, dataIndex: 'label' },
              { title: T.countHeader, dataIndex: 'n', width: 120, align: 'right' },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
