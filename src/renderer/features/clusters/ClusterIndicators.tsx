import { useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Modal, Popconfirm, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Cluster, ClusterIndicator, ClusterIndicatorValue } from '@core/model';
import { parsePeriodId, shiftPeriod } from '@core/period';
import { getDb, useQuery, clusterIndicatorsWithValues, isPeriodLocked, lockedMessage } from '../../storage';
import { useReportingPeriod } from '../common/use-period';
import { addIndicator, removalRefusal, removeIndicator, setIndicatorValue } from './cluster-actions';
import { CLUSTER_TEXT, CLUSTER_VALUE_TEXT } from './texts';

const T = { ...CLUSTER_TEXT, ...CLUSTER_VALUE_TEXT };
import { ValueInput } from '../common/ValueInput';

const HISTORY = 3;

/** A cluster's indicators with the chosen period's value (editable) and the previous periods. */
export function ClusterIndicators({ cluster }: { cluster: Cluster }) {
  const { period } = useReportingPeriod();
  const data = useQuery(async () => {
    const db = getDb();
    return { ...(await clusterIndicatorsWithValues(db, cluster.id)), locked: await isPeriodLocked(db, cluster.district, period.id) };
  }, [cluster.id, cluster.district, period.id]).data;
  const [adding, setAdding] = useState(false);
  const { message } = App.useApp();
  if (!data) return null;
  const value = (i: ClusterIndicator, periodId: string): ClusterIndicatorValue | undefined => data.values.find((v) => v.indicatorId === i.id && v.periodId === periodId);
  const earlier = Array.from({ length: HISTORY }, (_, k) => shiftPeriod(period, -(k + 1)));
  const fmtRange = (v?: number, y?: number) => (v === undefined ? '—' : T.valueInYear(v, y));
  return (
    <div data-testid="cluster-indicators">
      {/* Why the period's values are not editable, as the 进展 tab says it. */}
      {data.locked && <Alert type="warning" showIcon title={lockedMessage(cluster.district, period.id)} style={{ marginBottom: 8 }} data-testid="cluster-indicators-locked" />}
      <Table<ClusterIndicator>
        size="small"
        rowKey="id"
        dataSource={data.indicators}
        pagination={false}
        locale={{ emptyText: T.noIndicators }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: T.indicatorCols.name, dataIndex: 'name', width: 140, ellipsis: true },
          { title: T.indicatorCols.unit, dataIndex: 'unit', width: 50 },
          { title: T.indicatorCols.baseline, width: 96, render: (_, i) => fmtRange(i.baseline, i.baselineYear) },
          { title: T.indicatorCols.target, width: 110, render: (_, i) => fmtRange(i.target, i.targetYear) },
          {
            title: <b>{period.name}</b>,
            width: 140,
            // A period sent (已报送) printed these values: shown, not editable, until 解锁.
            render: (_, i) =>
              data.locked ? (
                <span data-testid={`indicator-value-${i.id}`}>{value(i, period.id)?.value ?? '—'}</span>
              ) : (
              <ValueInput
                key={`${i.id}|${period.id}`}
                label={`${i.name}${period.name}`}
                name={i.name}
                testId={`indicator-value-${i.id}`}
                value={value(i, period.id)?.value ?? null}
                unit={i.unit}
                onCommit={(v) => void setIndicatorValue(i.id, period.id, v)}
              />
              ),
          },
          ...earlier.map((p) => ({
            title: <span style={{ color: '#888', fontWeight: 400 }}>{p.name}</span>,
            width: 96,
            render: (_: unknown, i: ClusterIndicator) => <span style={{ color: '#888' }}>{value(i, p.id)?.value ?? '—'}</span>,
          })),
          {
            title: T.indicatorCols.action,
            width: 56,
            render: (_, i) => (
              <Popconfirm title={T.removeIndicatorConfirm(i.name)} okText={T.remove} okButtonProps={{ danger: true }} cancelText={T.cancel} onConfirm={() => removeIndicator(i.id).catch((e: unknown) => void message.error(removalRefusal(e)))}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={T.remove} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="indicator-add">
        {T.addIndicator}
      </Button>
      {adding && <IndicatorDialog clusterId={cluster.id} defaultYear={parsePeriodId(period.id)?.year ?? new Date().getFullYear()} onClose={() => setAdding(false)} />}
    </div>
  );
}

function IndicatorDialog({ clusterId, defaultYear, onClose }: { clusterId: string; defaultYear: number; onClose: () => void }) {
  const [f, setF] = useState<Omit<ClusterIndicator, 'id' | 'clusterId'>>({ name: '', unit: '', targetYear: 2027, baselineYear: defaultYear - 1 });
  const [error, setError] = useState<string | undefined>(undefined);
  const num = (v: number | string | null) => (v === null || v === '' ? undefined : Number(v));
  const submit = async () => {
    if (!f.name.trim() || !f.unit.trim()) return setError(T.indicatorNameRequired);
    await addIndicator({ ...f, name: f.name.trim(), unit: f.unit.trim(), clusterId });
    onClose();
  };
  const row = { display: 'grid', gridTemplateColumns: '80px 1fr 80px 1fr', gap: 8, alignItems: 'center', marginBottom: 8 } as const;
  return (
    <Modal open title={T.addIndicator} onOk={submit} onCancel={onClose} okText={T.ok} cancelText={T.cancel}>
      <div style={row}>
        <span>{T.indicatorName}</span>
        <Input autoFocus data-testid="indicator-name" value={f.name} placeholder={T.indicatorNamePlaceholder} onChange={(e) => setF({ ...f, name: e.target.value })} />
        <span>{T.indicatorUnit}</span>
        <Input data-testid="indicator-unit" value={f.unit} placeholder={T.indicatorUnitPlaceholder} onChange={(e) => setF({ ...f, unit: e.target.value })} />
      </div>
      <div style={row}>
        <span>{T.indicatorBaseline}</span>
        <InputNumber style={{ width: '100%' }} value={f.baseline ?? null} onChange={(v) => setF({ ...f, baseline: num(v) })} />
        <span>{T.indicatorBaselineYear}</span>
        <InputNumber style={{ width: '100%' }} value={f.baselineYear ?? null} onChange={(v) => setF({ ...f, baselineYear: num(v) })} />
      </div>
      <div style={row}>
        <span>{T.indicatorTarget}</span>
        <InputNumber data-testid="indicator-target" style={{ width: '100%' }} value={f.target ?? null} onChange={(v) => setF({ ...f, target: num(v) })} />
        <span>{T.indicatorTargetYear}</span>
        <InputNumber style={{ width: '100%' }} value={f.targetYear ?? null} onChange={(v) => setF({ ...f, targetYear: num(v) })} />
      </div>
      {error && <div style={{ color: '#cf1322' }}>{error}</div>}
    </Modal>
  );
}
