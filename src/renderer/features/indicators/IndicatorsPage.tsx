import { useMemo, useState } from 'react';
import { App, Checkbox, Input, Progress, Spin, Table, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Target } from '@core/model';
import { buildSearchKey, matchesSearch, parseQuery } from '@core/search';
import { getDb, useLiveQuery } from '../../storage/live';
import { clustersRepo, documentsRepo, emptyProgress, getDistrict, progressRepo, tasksRepo } from '../../storage/repositories';
import { saveProgress } from '../../storage/progress-store';
import { PeriodPicker } from '../ledger/PeriodPicker';
import { useReportingPeriod } from '../ledger/use-period';
import { taskRelevance } from '../ledger/relevance';
import { StatusTag } from '../ledger/status-tag';
import { buildIndicatorRows, type IndicatorRow } from './indicator-rows';
import { INDICATOR_TEXT as T } from './texts';
import { ValueInput } from './ValueInput';

function targetText(t: Target): string {
  return `${t.comparator}${t.value}${t.unit}${t.year ? `（${t.year}年）` : ''}`;
}

/** Save one period's actual value of a target into the entry that holds it. */
async function saveValue(district: string, row: IndicatorRow, periodId: string, value: number | null): Promise<void> {
  const db = getDb();
  const entry = (await progressRepo.get(db, district, row.entryKey, periodId)) ?? emptyProgress(district, row.entryKey, periodId);
  await saveProgress(db, { ...entry, indicatorValues: { ...entry.indicatorValues, [row.target.id]: value } });
}

/** 指标跟踪: every target with baseline, target, latest value, completion rate and history. */
export function IndicatorsPage() {
  const { message } = App.useApp();
  const district = useLiveQuery(() => getDistrict(getDb()), []);
  const { period } = useReportingPeriod();
  const data = useLiveQuery(async () => {
    if (!district) return undefined;
    const db = getDb();
    const [targets, tasks, documents, clusters, progress] = await Promise.all([
      db.targets.toArray(),
      tasksRepo.active(db),
      documentsRepo.all(db),
      clustersRepo.byDistrict(db, district),
      db.progress.where('[district+periodId]').between([district, ''], [district, '\uffff']).toArray(),
    ]);
    return { targets, tasks, documents, clusters, progress };
  }, [district]);
  const [search, setSearch] = useState('');
  const [relevantOnly, setRelevantOnly] = useState(false);

  const rows = useMemo(() => (data ? buildIndicatorRows(data.targets, data.tasks, data.progress, period) : []), [data, period]);
  const docTitle = useMemo(() => new Map((data?.documents ?? []).map((d) => [d.id, d.shortTitle || d.title])), [data]);
  const relevant = useMemo(() => {
    const m = new Map<string, boolean>();
    if (data && district) for (const t of data.tasks) m.set(t.key, taskRelevance(t, district, data.clusters).relevant);
    return m;
  }, [data, district]);
  const shown = useMemo(() => {
    const terms = parseQuery(search);
    return rows.filter(
      (r) =>
        (!relevantOnly || !r.target.taskKey || relevant.get(r.target.taskKey)) &&
        (terms.length === 0 || matchesSearch(buildSearchKey([r.target.name, r.task?.title ?? ''], [r.target.sourceText, docTitle.get(r.target.documentId) ?? '']), terms)),
    );
  }, [rows, search, relevantOnly, relevant, docTitle]);

  if (!data || !district) return <Spin style={{ marginTop: 80, width: '100%' }} />;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 32px)' }} data-testid="indicators">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 8, flexWrap: 'wrap' }}>
        <Input allowClear prefix={<SearchOutlined />} placeholder={T.search} style={{ width: 300 }} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="indicator-search" />
        <PeriodPicker />
        <Checkbox checked={relevantOnly} onChange={(e) => setRelevantOnly(e.target.checked)}>
          {T.relevantOnly}
        </Checkbox>
        <span style={{ marginLeft: 'auto', color: '#666' }} data-testid="indicator-count">
          {T.count(shown.length, rows.length)}
        </span>
      </div>
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <Table<IndicatorRow>
          size="small"
          rowKey={(r) => r.target.id}
          dataSource={shown}
          pagination={false}
          sticky
          scroll={{ x: 1100 }}
          locale={{ emptyText: rows.length ? T.empty : T.noTargets }}
          expandable={{
            expandedRowRender: (r) =>
              r.history.length ? (
                <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', padding: '2px 8px' }} data-testid="indicator-history">
                  <b>{T.history}：</b>
                  {r.history.map((h) => (
                    <span key={h.periodId}>
                      {h.name} <b>{h.value}</b>
                      {r.target.unit}
                    </span>
                  ))}
                </div>
              ) : (
                <span style={{ color: '#999' }}>{T.noHistory}</span>
              ),
          }}
          columns={[
            { title: T.cols.document, width: 116, ellipsis: true, render: (_, r) => docTitle.get(r.target.documentId) },
            { title: T.cols.name, width: 150, ellipsis: true, render: (_, r) => <span title={r.target.sourceText}>{r.target.name}</span> },
            {
              title: T.cols.task,
              width: 150,
              ellipsis: true,
              render: (_, r) => (r.task ? <span title={r.task.text}>{`${r.task.number}. ${r.task.title}`}</span> : <Tag>{T.goal}</Tag>),
            },
            { title: T.cols.baseline, width: 96, render: (_, r) => (r.target.baseline === undefined ? T.none : `${r.target.baseline}${r.target.unit}${r.target.baselineYear ? `（${r.target.baselineYear}）` : ''}`) },
            { title: T.cols.target, width: 136, ellipsis: true, render: (_, r) => targetText(r.target) },
            {
              title: T.cols.current(period.name),
              width: 140,
              render: (_, r) => (
                <ValueInput
                  key={`${r.target.id}|${period.id}`}
                  label={`${r.target.name}${period.name}实际值`}
                  testId={`target-value-${r.target.id}`}
                  value={r.current}
                  unit={r.target.unit}
                  width={124}
                  onCommit={(v) =>
                    void saveValue(district, r, period.id, v).catch((e: unknown) => message.error(`${T.saveFailed}${e instanceof Error ? e.message : String(e)}`))
                  }
                />
              ),
            },
            { title: T.cols.latest, width: 124, render: (_, r) => (r.latest ? <span title={r.latest.name}>{`${r.latest.value}${r.target.unit}`}<span style={{ color: '#999', fontSize: 12 }}>（{r.latest.name.replace(/^\d+年/, '')}）</span></span> : T.none) },
            { title: T.cols.rate, width: 108, render: (_, r) => (r.rate === undefined ? T.none : <Progress percent={Math.min(100, r.rate)} format={() => `${r.rate}%`} size="small" />) },
            { title: T.cols.judgement, width: 88, render: (_, r) => (r.judgement?.status ? <span title={r.judgement.reason}><StatusTag status={r.judgement.status} /></span> : T.none) },
          ]}
        />
      </div>
    </div>
  );
}
