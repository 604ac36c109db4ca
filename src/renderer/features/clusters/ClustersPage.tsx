import { Placeholder } from '../shell/Placeholder';

/** 产业集群 */
export function ClustersPage() {
  return <Placeholder title="产业集群" />;
}
