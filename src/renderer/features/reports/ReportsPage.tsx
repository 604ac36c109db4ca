import { Placeholder } from '../shell/Placeholder';

/** 报表导出 */
export function ReportsPage() {
  return <Placeholder title="报表导出" />;
}
