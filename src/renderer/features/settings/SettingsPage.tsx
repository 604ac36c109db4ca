import { Placeholder } from '../shell/Placeholder';

/** 设置 */
export function SettingsPage() {
  return <Placeholder title="设置" />;
}
