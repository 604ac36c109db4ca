import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Empty, Input, Modal, Popconfirm, Select, Tabs, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Cluster, PolicyDocument, Task } from '@core/model';
import { getDb, useQuery, clustersRepo, documentsRepo, tasksRepo } from '../../storage';
import { useAppContext } from '../common/app-context';
import { PeriodPicker } from '../common/PeriodPicker';
import { clusterMatches } from '@core/policy/clusters';
import { DISTRICTS, isCityOffice } from '@core/districts';
import { addCluster, removalRefusal, removeCluster, updateCluster } from './cluster-actions';
import { ClusterTasks } from './ClusterTasks';
import { ClusterIndicators } from './ClusterIndicators';
import { ClusterProgressForm } from './ClusterProgressForm';
import { CLUSTER_TEXT as T } from './texts';
import { QueryFallback } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

/** 产业集群: the district's clusters, their tasks, indicators and period reports; the city's office picks the district. */
export function ClustersPage() {
  const office = useAppContext().district;
  const city = isCityOffice(office);
  const [picked, setShown] = useState<string>();
  const countsQuery = useQuery(() => (city ? clustersRepo.countsByDistrict(getDb()) : undefined), [city]);
  const perDistrict = countsQuery.data;
  // The city's office opens on the first district that has clusters.
  const shown = picked ?? DISTRICTS.find((d) => (perDistrict?.get(d.name) ?? 0) > 0)?.name ?? DISTRICTS[0]!.name;
  const district = city ? shown : office;
  const dataQuery = useQuery(async () => {
    if (!district) return undefined;
    const db = getDb();
    const [clusters, tasks, documents] = await Promise.all([clustersRepo.byDistrict(db, district), tasksRepo.active(db), documentsRepo.all(db)]);
    return { clusters, tasks, documents };
  }, [district]);
  const data = dataQuery.data;
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [nameDialog, setNameDialog] = useState<{ mode: 'add' | 'rename'; cluster?: Cluster } | undefined>(undefined);
  const { message } = App.useApp();

  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of data?.clusters ?? []) m.set(c.id, (data?.tasks ?? []).filter((t) => clusterMatches(c, t, district ?? '')).length);
    return m;
  }, [data, district]);

  if (!data || !district) return <QueryFallback queries={[dataQuery]} what={QUERY_TEXT.pages.clusters} />;
  const selected = data.clusters.find((c) => c.id === selectedId) ?? data.clusters[0];

  return (
    <div style={{ display: 'flex', gap: 12, height: 'calc(100vh - 32px)' }} data-testid="clusters">
      <div style={{ width: 232, flex: 'none', display: 'flex', flexDirection: 'column', background: '#fff', border: '1px solid #e5e7eb', borderRadius: 4 }}>
        <div style={{ padding: '10px 12px', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {T.title}
          </Typography.Text>
          {city && (
            <Select
              aria-label={T.cityPick}
              data-testid="clusters-district"
              style={{ width: '100%', marginTop: 6 }}
              value={shown}
              onChange={(d) => (setShown(d), setSelectedId(undefined))}
              showSearch
              options={DISTRICTS.map((d) => ({ value: d.name, label: T.cityPickOption(d.name, perDistrict?.get(d.name) ?? 0) }))}
            />
          )}
          <div style={{ color: '#888', fontSize: 12, marginTop: 2 }}>{T.intro(district)}</div>
        </div>
        <div style={{ flex: 1, overflow: 'auto' }} role="listbox" aria-label={T.title}>
          {data.clusters.map((c) => (
            <div
              key={c.id}
              role="option"
              aria-selected={c.id === selected?.id}
              data-testid="cluster-item"
              data-cluster-id={c.id}
              // Roving focus: Tab reaches the chosen cluster, ↑↓ move, Enter or Space chooses.
              tabIndex={c.id === selected?.id ? 0 : -1}
              onClick={() => setSelectedId(c.id)}
              onKeyDown={(e) => {
                const i = data.clusters.findIndex((x) => x.id === c.id);
                const next = e.key === 'ArrowDown' ? data.clusters[i + 1] : e.key === 'ArrowUp' ? data.clusters[i - 1] : undefined;
                if (e.key === 'Enter' || e.key === ' ') setSelectedId(c.id);
                else if (next) {
                  setSelectedId(next.id);
                  e.currentTarget.parentElement?.querySelector<HTMLElement>(`[data-cluster-id="${next.id}"]`)?.focus();
                } else return;
                e.preventDefault();
              }}
              style={{
                padding: '8px 12px',
                cursor: 'pointer',
                background: c.id === selected?.id ? '#e6f4ff' : undefined,
                borderLeft: c.id === selected?.id ? '3px solid #1677ff' : '3px solid transparent',
              }}
            >
              <div style={{ fontWeight: 500 }}>{c.name}</div>
              <div style={{ color: '#888', fontSize: 12 }}>{T.taskCount(counts.get(c.id) ?? 0)}</div>
            </div>
          ))}
          {data.clusters.length === 0 && <Empty style={{ marginTop: 40 }} description={T.none} />}
        </div>
        <div style={{ padding: 10, borderTop: '1px solid #f0f0f0' }}>
          <Button block icon={<PlusOutlined />} onClick={() => setNameDialog({ mode: 'add' })} data-testid="cluster-add">
            {T.add}
          </Button>
        </div>
      </div>
      {selected ? (
        <ClusterDetail
          key={selected.id}
          cluster={selected}
          tasks={data.tasks}
          documents={data.documents}
          onRename={() => setNameDialog({ mode: 'rename', cluster: selected })}
          onRemove={async () => {
            try {
              await removeCluster(selected.id);
            } catch (e) {
              message.error(removalRefusal(e));
              return;
            }
            setSelectedId(undefined);
            message.success(T.removed(selected.name));
          }}
        />
      ) : (
        <div style={{ flex: 1 }} />
      )}
      {nameDialog && (
        <NameDialog
          title={nameDialog.mode === 'add' ? T.addTitle : T.renameTitle}
          initial={nameDialog.cluster?.name ?? ''}
          taken={data.clusters.filter((c) => c.id !== nameDialog.cluster?.id).map((c) => c.name)}
          onCancel={() => setNameDialog(undefined)}
          onOk={async (name) => {
            if (nameDialog.mode === 'add') setSelectedId((await addCluster(district, name, data.clusters)).id);
            else if (nameDialog.cluster) await updateCluster(nameDialog.cluster, { name });
            setNameDialog(undefined);
          }}
        />
      )}
    </div>
  );
}

function NameDialog({ title, initial, taken, onOk, onCancel }: { title: string; initial: string; taken: string[]; onOk: (name: string) => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = () => {
    const n = name.trim();
    if (!n) return setError(T.nameRequired);
    if (taken.includes(n)) return setError(T.nameTaken);
    void onOk(n);
  };
  return (
    <Modal open title={title} onOk={submit} onCancel={onCancel} okText={T.ok} cancelText={T.cancel} destroyOnHidden>
      <label>
        {T.name}
        <Input
          autoFocus
          data-testid="cluster-name-input"
          value={name}
          placeholder={T.namePlaceholder}
          status={error ? 'error' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
          onPressEnter={submit}
        />
      </label>
      {error && <div style={{ color: '#cf1322', marginTop: 4 }}>{error}</div>}
    </Modal>
  );
}

function ClusterDetail({ cluster, tasks, documents, onRename, onRemove }: {
  cluster: Cluster;
  tasks: Task[];
  documents: PolicyDocument[];
  onRename: () => void;
  onRemove: () => Promise<void>;
}) {
  const [focus, setFocus] = useState(cluster.focus ?? '');
  const latest = useRef(cluster);
  useEffect(() => {
    latest.current = cluster;
  }, [cluster]);
  const saveFocus = () => {
    if ((latest.current.focus ?? '') !== focus) void updateCluster(latest.current, { focus });
  };
  const matched = tasks.filter((t) => clusterMatches(cluster, t, cluster.district)).length;
  return (
    <div style={{ flex: 1, minWidth: 0, overflow: 'auto', background: '#fff', border: '1px solid #e5e7eb', borderRadius: 4, padding: '12px 16px' }} data-testid="cluster-detail">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 10 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="cluster-title">
          {cluster.name}
        </Typography.Title>
        <Button size="small" icon={<EditOutlined />} onClick={onRename}>
          {T.rename}
        </Button>
        <Popconfirm title={T.removeConfirm(cluster.name)} okText={T.remove} okButtonProps={{ danger: true }} cancelText={T.cancel} onConfirm={onRemove}>
          <Button size="small" danger icon={<DeleteOutlined />}>
            {T.remove}
          </Button>
        </Popconfirm>
        <div style={{ marginLeft: 'auto' }}>
          <PeriodPicker />
        </div>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '72px 1fr', gap: '8px 8px', alignItems: 'center', marginBottom: 8 }}>
        <span style={{ color: '#666' }}>{T.focus}</span>
        <Input value={focus} placeholder={T.focusPlaceholder} onChange={(e) => setFocus(e.target.value)} onBlur={saveFocus} onPressEnter={saveFocus} />
        <span style={{ color: '#666' }}>{T.keywords}</span>
        <div>
          <Select
            mode="tags"
            style={{ width: '100%' }}
            value={cluster.keywords}
            onChange={(keywords: string[]) => void updateCluster(cluster, { keywords: keywords.map((k) => k.trim()).filter(Boolean) })}
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、', ' ']}
            data-testid="cluster-keywords"
          />
          <div style={{ color: '#999', fontSize: 12, marginTop: 2 }}>{T.keywordsHelp}</div>
        </div>
      </div>
      <Tabs
        items={[
          { key: 'tasks', label: `${T.tabs.tasks}（${matched}）`, children: <ClusterTasks cluster={cluster} tasks={tasks} documents={documents} /> },
          { key: 'indicators', label: T.tabs.indicators, children: <ClusterIndicators cluster={cluster} /> },
          { key: 'progress', label: T.tabs.progress, children: <ClusterProgressForm cluster={cluster} /> },
        ]}
      />
    </div>
  );
}
