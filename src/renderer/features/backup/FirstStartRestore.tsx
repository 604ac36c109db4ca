/**
 * 从备份文件恢复 on the first-start screen: an office on a new laptop (or after a reinstall) brings
 * its data back before choosing a district; the district comes with the backup, and the main
 * window opens on it. The same checked, previewed restore as 备份与恢复 (useRestore).
 */
import { Alert, Button } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { isDesktop } from '../../platform';
import { RestorePreview } from './RestorePreview';
import { useRestore } from './use-restore';
import { BACKUP_PAGE_TEXT as T } from './texts';

export function FirstStartRestore() {
  const restore = useRestore();
  return (
    <>
      <Button icon={<FolderOpenOutlined />} onClick={() => void restore.open(null)} disabled={restore.busy !== undefined} loading={restore.busy === 'reading'}>
        {T.restoreFromFile}
      </Button>
      {restore.refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={restore.dismissRefusal}
          title={T.refusedTitle}
          description={restore.refusal}
          data-testid="backup-refusal"
          style={{ marginTop: 12, textAlign: 'left' }}
        />
      )}
      <RestorePreview pending={restore.pending} busy={restore.busy === 'restore'} desktop={isDesktop()} firstStart onCancel={restore.cancel} onConfirm={() => void restore.confirm()} />
    </>
  );
}
