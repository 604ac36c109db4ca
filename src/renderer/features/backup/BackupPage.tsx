import { Placeholder } from '../shell/Placeholder';

/** 备份与恢复 */
export function BackupPage() {
  return <Placeholder title="备份与恢复" />;
}
