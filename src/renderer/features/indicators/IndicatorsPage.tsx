import { Placeholder } from '../shell/Placeholder';

/** 指标跟踪 */
export function IndicatorsPage() {
  return <Placeholder title="指标跟踪" />;
}
