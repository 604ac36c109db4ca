import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Modal, Space, Table, Typography } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, UsbOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { BackupFileInfo } from '@shared/bridge';
import { parsePeriodId } from '@core/period';
import { getDb, openBackupSource, readBackupStream, restoreBackup, takeBackup, type BackupFile, type BackupPreview, type ChunkSource, type TakenBackup, readSetting, clearSkippedRows } from '../../storage';
import { downloadParts, isDesktop, platform } from '../../platform';
import { AuditTrail } from '../common/AuditTrail';
import { TABLE_NAMES } from '@core/records/schemas';
import { BACKUP_PAGE_TEXT as T, REASON_LABELS, formatSize } from './texts';

type ListRow = BackupFileInfo;
type Pending = { backup: BackupFile; preview: BackupPreview; source: string };


/** The browser build has no backup folder: the pieces are offered as one download. */
function saveCopy(taken: TakenBackup): string {
  downloadParts(taken.fileName, taken.blob ? [taken.blob] : taken.chunks);
  return taken.fileName;
}

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
      const taken = await takeBackup(getDb(), 'manual');
      if (taken.written) {
        toast.success(T.backedUp(taken.written.name));
        await loadList();
      } else {
        toast.success(T.downloaded(saveCopy(taken)));
      }
    } catch (e) {
      toast.error(T.failed + message(e));
    } finally {
      setBusy(undefined);
    }
  };

  const check = async (src: ChunkSource, source: string) => {
    setBusy('reading');
    const res = await readBackupStream(src).finally(() => setBusy(undefined));
    if (!res.ok) {
      setRefusal(res.message);
      return;
    }
    setRefusal(undefined);
    setPending({ backup: res.backup, preview: res.preview, source });
  };

  const openFromFile = async () => {
    try {
      const file = await openBackupSource(null, T.openTitle);
      if (file) await check(file.source, file.name);
    } catch (e) {
      toast.error(T.failed + message(e));
    }
  };

  const restoreListed = async (name: string) => {
    try {
      const file = await openBackupSource(name, T.openTitle);
      if (file) await check(file.source, name);
    } catch (e) {
      toast.error(T.failed + message(e));
    }
  };

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
      const db = getDb();
      const by = await readSetting(db, 'filledBy');
      const { safety } = await restoreBackup(db, pending.backup, { by });
      // The damaged rows were replaced: the notice goes (a row still bad would be reported again).
      clearSkippedRows();
      if (!safety.written) saveCopy(safety);
      setPending(undefined);
      modal.success({
        title: T.restored(pending.preview.counts.tasks ?? 0, pending.preview.counts.progress ?? 0),
        content: T.safetyKept(safety.fileName),
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
