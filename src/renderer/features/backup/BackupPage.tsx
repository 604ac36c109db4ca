import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Modal, Space, Table, Typography } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, UsbOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { BackupFileInfo } from '@shared/bridge';
import { parsePeriodId } from '@core/period';
import { getDb } from '../../storage';
import { isDesktop, platform } from '../../platform';
import { AuditTrail } from '../common/AuditTrail';
import { TABLE_NAMES } from '@core/records/schemas';
import { BACKUP_PAGE_TEXT as T, REASON_LABELS, formatSize } from './texts';
import { backUpNow, checkBackup, confirmRestore as restorePending, openBackup, type PendingRestore as Pending } from './backup-flow';

type ListRow = BackupFileInfo;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** 备份与恢复: back up now, list automatic backups, export one to a USB stick, restore after a preview. */
export function BackupPage() {
  const { message: toast, modal } = AntApp.useApp();
  const desktop = isDesktop();
  const [list, setList] = useState<ListRow[]>();
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [pending, setPending] = useState<Pending>();

  const loadList = useCallback(async () => {
    if (!desktop) return setList([]);
    // Main reads only each file's header (counts, district); the file is verified when restored.
    setList((await platform().listBackups()).sort((a, b) => (a.at < b.at ? 1 : -1)));
  }, [desktop]);

  useEffect(() => {
    void loadList().catch((e: unknown) => toast.error(T.failed + message(e)));
    void platform()
      .appInfo()
      .then((i) => setFolder(i.backupFolder));
  }, [loadList, toast]);

  const backupNow = async () => {
    setBusy('backup');
    try {
      const done = await backUpNow(getDb());
      if (done.kind === 'written') {
        toast.success(T.backedUp(done.name));
        await loadList();
      } else {
        toast.success(T.downloaded(done.fileName));
      }
    } catch (e) {
      toast.error(T.failed + message(e));
    } finally {
      setBusy(undefined);
    }
  };

  /** A listed backup by name, or (null) one the officer chooses: checked, then previewed or refused. */
  const open = async (name: string | null) => {
    try {
      const file = await openBackup(name, T.openTitle);
      if (!file) return;
      setBusy('reading');
      const res = await checkBackup(file.source, name ?? file.name).finally(() => setBusy(undefined));
      if (!res.ok) return setRefusal(res.message);
      setRefusal(undefined);
      setPending(res.pending);
    } catch (e) {
      toast.error(T.failed + message(e));
    }
  };
  const openFromFile = () => open(null);
  const restoreListed = (name: string) => open(name);

  const exportListed = async (name: string) => {
    try {
      const res = await platform().exportBackup(name);
      if (res.status === 'saved') toast.success(T.exported(res.name));
    } catch (e) {
      toast.error(T.failed + message(e));
    }
  };

  const confirmRestore = async () => {
    if (!pending) return;
    setBusy('restore');
    try {
      const { safetyName } = await restorePending(getDb(), pending);
      setPending(undefined);
      modal.success({
        title: T.restored(pending.preview.counts.tasks ?? 0, pending.preview.counts.progress ?? 0),
        content: T.safetyKept(safetyName),
      });
      await loadList();
    } catch (e) {
      toast.error(T.failed + message(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="backup-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {T.title}
      </Typography.Title>
      <Alert type="info" showIcon title={desktop ? T.intro : T.browserIntro} />
      <Space>
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={busy === 'backup'} onClick={backupNow}>
          {T.backupNow}
        </Button>
        <Button icon={<FolderOpenOutlined />} onClick={openFromFile} disabled={busy !== undefined} loading={busy === 'reading'}>
          {T.restoreFromFile}
        </Button>
      </Space>
      {refusal && (
        <Alert type="error" showIcon closable onClose={() => setRefusal(undefined)} title={T.refusedTitle} description={refusal} data-testid="backup-refusal" />
      )}
      {desktop && (
        <Card size="small" title={T.listTitle} extra={folder && <Typography.Text type="secondary">{`${T.folder}：${folder}`}</Typography.Text>}>
          <Table<ListRow>
            size="small"
            rowKey="name"
            loading={list === undefined}
            dataSource={list ?? []}
            locale={{ emptyText: T.emptyList }}
            pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: T.columns.at, dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
              { title: T.columns.reason, dataIndex: 'reason', width: 110, render: (r: BackupFileInfo['reason']) => REASON_LABELS[r] ?? r },
              { title: T.columns.size, dataIndex: 'size', width: 100, render: (s: number) => formatSize(s) },
              {
                title: T.columns.counts,
                key: 'counts',
                render: (_: unknown, r: ListRow) =>
                  !r.headerOk || !r.counts ? (
                    <Typography.Text type="danger">{T.broken}</Typography.Text>
                  ) : (
                    T.countsSummary(r.counts.tasks ?? 0, r.counts.progress ?? 0)
                  ),
              },
              {
                title: T.columns.actions,
                key: 'actions',
                width: 200,
                render: (_: unknown, r: ListRow) => (
                  <Space size={4}>
                    <Button size="small" icon={<UsbOutlined />} onClick={() => exportListed(r.name)}>
                      {T.exportToUsb}
                    </Button>
                    <Button size="small" onClick={() => restoreListed(r.name)} disabled={!r.headerOk}>
                      {T.restore}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={T.auditTitle}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {T.auditIntro}
        </Typography.Paragraph>
        <AuditTrail limit={200} />
      </Card>
      <RestorePreview pending={pending} busy={busy === 'restore'} desktop={desktop} onCancel={() => setPending(undefined)} onConfirm={confirmRestore} />
    </Space>
  );
}

function RestorePreview(props: { pending?: Pending; busy: boolean; desktop: boolean; onCancel: () => void; onConfirm: () => void }) {
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
          <Alert type="warning" showIcon title={props.desktop ? T.previewWarn : T.previewBrowserWarn} />
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
