import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Space, Table, Typography } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, UsbOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { BackupFileInfo } from '@shared/bridge';
import { getDb } from '../../storage';
import { isDesktop, platform } from '../../platform';
import { AuditTrail } from '../common/AuditTrail';
import { BACKUP_PAGE_TEXT as T, REASON_LABELS, formatSize } from './texts';
import { backUpNow } from './backup-flow';
import { RestorePreview } from './RestorePreview';
import { useRestore } from './use-restore';

type ListRow = BackupFileInfo;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** 备份与恢复: back up now, list automatic backups, export one to a USB stick, restore after a preview. */
export function BackupPage() {
  const { message: toast } = AntApp.useApp();
  const desktop = isDesktop();
  const [list, setList] = useState<ListRow[]>();
  const [folder, setFolder] = useState('');
  const [backingUp, setBackingUp] = useState(false);

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
    setBackingUp(true);
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
      setBackingUp(false);
    }
  };

  const restore = useRestore(loadList);
  const openFromFile = () => restore.open(null);
  const restoreListed = (name: string) => restore.open(name);

  const exportListed = async (name: string) => {
    try {
      const res = await platform().exportBackup(name);
      if (res.status === 'saved') toast.success(T.exported(res.name));
    } catch (e) {
      toast.error(T.failed + message(e));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="backup-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {T.title}
      </Typography.Title>
      <Alert type="info" showIcon title={desktop ? T.intro : T.browserIntro} />
      <Space>
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={backingUp} onClick={backupNow}>
          {T.backupNow}
        </Button>
        <Button icon={<FolderOpenOutlined />} onClick={openFromFile} disabled={backingUp || restore.busy !== undefined} loading={restore.busy === 'reading'}>
          {T.restoreFromFile}
        </Button>
      </Space>
      {restore.refusal && (
        <Alert type="error" showIcon closable onClose={restore.dismissRefusal} title={T.refusedTitle(restore.refusal.file)} description={restore.refusal.message} data-testid="backup-refusal" />
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
      <RestorePreview pending={restore.pending} busy={restore.busy === 'restore'} desktop={desktop} onCancel={restore.cancel} onConfirm={restore.confirm} />
    </Space>
  );
}
