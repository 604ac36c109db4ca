import { Placeholder } from '../shell/Placeholder';

/** 政策文件 */
export function DocumentsPage() {
  return <Placeholder title="政策文件" />;
}
