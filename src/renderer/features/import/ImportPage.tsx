import { Placeholder } from '../shell/Placeholder';

/** 导入更新 */
export function ImportPage() {
  return <Placeholder title="导入更新" />;
}
