import { Placeholder } from '../shell/Placeholder';

/** 工作台 */
export function DashboardPage() {
  return <Placeholder title="工作台" />;
}
