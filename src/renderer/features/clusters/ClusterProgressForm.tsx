import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Input, Spin, Tag } from 'antd';
import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import type { Cluster, ClusterProgress } from '@core/model';
import { clusterProgressId } from '@core/ids';
import { getDb, useQuery, clustersRepo, isPeriodLocked, lockedMessage } from '../../storage';
import { useReportingPeriod } from '../common/use-period';
import { CLUSTER_TEXT as T } from './texts';

/** The cluster's report for the chosen period, autosaved. */
export function ClusterProgressForm({ cluster }: { cluster: Cluster }) {
  const { period } = useReportingPeriod();
  const id = clusterProgressId(cluster.id, period.id);
  const stored = useQuery(async () => ({ id, row: await clustersRepo.progress(getDb(), cluster.id, period.id), locked: await isPeriodLocked(getDb(), cluster.district, period.id) }), [id, cluster.district]).data;
  if (!stored || stored.id !== id) return <Spin />;
  // A period sent (已报送) printed this text in its 产业集群推进情况表: read-only until 解锁, as task progress is.
  const lockedReason = stored.locked ? lockedMessage(cluster.district, period.id) : undefined;
  return <Form key={`${id}|${stored.locked}`} initial={stored.row ?? { id, clusterId: cluster.id, periodId: period.id, progress: '', problems: '', nextSteps: '', updatedAt: '' }} title={period.name} lockedReason={lockedReason} />;
}

function Form({ initial, title, lockedReason }: { initial: ClusterProgress; title: string; lockedReason?: string }) {
  const [draft, setDraft] = useState(initial);
  const [saved, setSaved] = useState(true);
  const latest = useRef(initial);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    void clustersRepo.putProgress(getDb(), { ...latest.current, updatedAt: new Date().toISOString() }).then(() => {
      if (!dirty.current) setSaved(true);
    });
  }, []);
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [flush]);
  const update = (patch: Partial<ClusterProgress>) => {
    latest.current = { ...latest.current, ...patch };
    dirty.current = true;
    setDraft(latest.current);
    setSaved(false);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, 700);
  };
  return (
    <div style={{ maxWidth: 760 }} data-testid="cluster-progress">
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 6 }}>
        <b>{title}</b>
        {lockedReason ? null : saved ? (
          <Tag color="success" icon={<CheckCircleOutlined />}>
            {T.saved}
          </Tag>
        ) : (
          <Tag color="processing" icon={<LoadingOutlined />}>
            {T.saving}
          </Tag>
        )}
      </div>
      {lockedReason && <Alert type="warning" showIcon title={lockedReason} style={{ marginBottom: 8 }} data-testid="cluster-period-locked" />}
      {(['progress', 'problems', 'nextSteps'] as const).map((f) => (
        <label key={f} style={{ display: 'block', marginBottom: 8 }}>
          <span style={{ color: '#666' }}>{T[f]}</span>
          <Input.TextArea aria-label={T[f]} readOnly={Boolean(lockedReason)} value={draft[f]} autoSize={{ minRows: f === 'progress' ? 4 : 2, maxRows: 12 }} onChange={(e) => update({ [f]: e.target.value })} onBlur={flush} />
        </label>
      ))}
    </div>
  );
}
