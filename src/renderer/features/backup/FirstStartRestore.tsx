/**
 * 从备份文件恢复 on the first-start screen: an office on a new laptop (or after a reinstall) brings
 * its data back before choosing a district; the district comes with the backup, and the main
 * window opens on it. The same checked, previewed restore as 备份与恢复 (useRestore).
 */
import { useEffect, useRef } from 'react';
import { Alert, Button } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { isDesktop } from '../../platform';
import { RestorePreview } from './RestorePreview';
import { useRestore } from './use-restore';
import { BACKUP_PAGE_TEXT as T } from './texts';

/** `onBusy`: told while a file is read, previewed or restored (the choice of district waits meanwhile). */
export function FirstStartRestore({ onBusy }: { onBusy?: (busy: boolean) => void }) {
  const restore = useRestore(undefined, { firstStart: true });
  const busy = restore.busy !== undefined || restore.pending !== undefined;
  useEffect(() => onBusy?.(busy), [busy, onBusy]);
  // The reason sits below the choice of district: on a low window it is brought into view.
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (restore.refusal) refusalRef.current?.scrollIntoView({ block: 'nearest' });
  }, [restore.refusal]);
  return (
    <>
      <Button icon={<FolderOpenOutlined />} onClick={() => void restore.open(null)} disabled={restore.busy !== undefined} loading={restore.busy === 'reading'}>
        {T.restoreFromFile}
      </Button>
      {restore.refusal && (
        <div ref={refusalRef}>
          <Alert
            type="error"
            showIcon
            closable
            onClose={restore.dismissRefusal}
            title={T.refusedTitle(restore.refusal.file)}
            description={restore.refusal.message}
            data-testid="backup-refusal"
            style={{ marginTop: 12, textAlign: 'left' }}
          />
        </div>
      )}
      <RestorePreview pending={restore.pending} busy={restore.busy === 'restore'} desktop={isDesktop()} firstStart onCancel={restore.cancel} onConfirm={() => void restore.confirm()} />
    </>
  );
}
