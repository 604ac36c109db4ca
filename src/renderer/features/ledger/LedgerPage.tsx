import { Placeholder } from '../shell/Placeholder';

/** 任务台账 */
export function LedgerPage() {
  return <Placeholder title="任务台账" />;
}
