import { useMemo } from 'react';
import { Card, Col, Empty, List, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { isCityOffice } from '@core/districts';
import type { DashboardData, DashboardTaskRef } from '@core/dashboard';
import type { ReportingPeriod } from '@core/model';
import { useRoute } from '../../state/route';
import { periodOptions, useReportingPeriod } from '../common/use-period';
import { buildChartSpecs, drawableIndicators, STATUS_COLORS, type ChartSpec } from './chart-options';
import { ChartCard } from './ChartCard';
import { useDashboardFilters } from './filters-store';
import { useDashboardSource } from './use-dashboard-source';
import { dashboardFor, todayIso } from './dashboard-data';
import { DASHBOARD_TEXT as T, DASHBOARD_SUMMARY_TEXT as S } from './texts';
import { QueryFallback } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

/** Lists show at most this many tasks (the ledger's filters show them all). */
const LIST_LIMIT = 100;


function pct(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

/** A chart's content as one sentence, for screen readers and tests. */
function summarize(spec: ChartSpec, data: DashboardData): string {
  switch (spec.id) {
    case 'status':
      return S.status(spec.title, data.statusCounts);
    case 'byDocument':
      return S.byDocument(spec.title, data.byDocument);
    case 'indicators':
      return `${spec.title}：${drawableIndicators(data).map((i) => `${i.name}${i.verdict}`).join('，')}`;
    case 'history':
      return S.history(spec.title, data.history);
  }
}

/** 工作台: the district at a glance for the chosen period, following the document and cluster filters. */
export function DashboardPage() {
  const filters = useDashboardFilters();
  // One reporting period for the ledger, 指标跟踪 and 工作台: a task opened from a list here
  // opens in the period whose numbers were shown.
  // The period as every page reads it (useReportingPeriod: the chosen one, else 本期).
  const { period: shown, current: now, options, choose: choosePeriod } = useReportingPeriod();
  const today = todayIso();
  const sourceQuery = useDashboardSource(shown.id, today);
  const source = sourceQuery.data;

  // The source holds the progress of the period it was read for: show that one.
  const period: ReportingPeriod = source?.period ?? shown;
  const pickerOptions = useMemo(() => periodOptions(options, now), [options, now]);

  const data = useMemo(
    () => (source ? dashboardFor(source, period, today, { documentId: filters.documentId, clusterId: filters.clusterId }) : undefined),
    // period is rebuilt every render; its id says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [source, period.id, today, filters.documentId, filters.clusterId],
  );
  const specs = useMemo(() => (data ? buildChartSpecs(data) : []), [data]);

  if (source === undefined || !data) return <QueryFallback queries={[sourceQuery]} what={QUERY_TEXT.pages.dashboard} loadingText={T.loading} />;
  if (source === null) return null;

  const open = (key: string) => useRoute.getState().go('ledger', key);
  const fileName = (title: string) => T.fileName(data.district, data.period.name, title);
  const t = data.totals;
  const noTasks = t.tasks === 0;
  const drawn = drawableIndicators(data).length;
  // Not drawn: no value yet, or a value without a 区级分解目标 (no 完成率 to draw).
  const noTarget = data.indicators.filter((i) => i.actual !== undefined && i.completion === undefined).length;
  const undrawn = data.indicators.length - drawn - noTarget;
  const spec = (id: ChartSpec['id']) => specs.find((s) => s.id === id)!;
  // Both lists get the same height, so the two cards line up.
  const listHeight = Math.min(240, Math.max(110, Math.max(data.overdue.length, data.unfilled.length) * 36));

  return (
    <div data-testid="dashboard" style={{ maxWidth: 1400 }}>
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.district}
          {data.period.name}
          {T.title}
        </Typography.Title>
        <Select
          aria-label={T.period}
          data-testid="dashboard-period"
          style={{ width: 212 }}
          value={period.id}
          options={pickerOptions.some((o) => o.value === period.id) ? pickerOptions : [{ value: period.id, label: period.name }, ...pickerOptions]}
          onChange={(v) => choosePeriod(v === now.id ? undefined : v)}
        />
        <Select
          aria-label={T.document}
          data-testid="dashboard-document"
          style={{ width: 220 }}
          allowClear
          placeholder={T.allDocuments}
          value={filters.documentId}
          options={source.documents.map((d) => ({ value: d.id, label: d.shortTitle || d.title }))}
          onChange={(v) => filters.set({ documentId: v })}
        />
        <Select
          aria-label={T.cluster}
          data-testid="dashboard-cluster"
          style={{ width: 200 }}
          allowClear
          placeholder={T.allClusters}
          value={filters.clusterId}
          options={source.clusters.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => filters.set({ clusterId: v })}
        />
        <Typography.Text type="secondary">{T.asOf(data.asOf)}</Typography.Text>
      </Space>

      <Row gutter={[12, 12]}>
        {(
          [
            ['tasks', isCityOffice(data.district) ? T.cards.cityTasks : T.cards.tasks, t.tasks, S.items, undefined],
            ['filled', T.cards.filled, t.filled, `/ ${t.tasks}（${pct(t.fillRate)}）`, STATUS_COLORS.on_track],
            ['done', T.cards.done, t.done, S.itemsShare(pct(t.doneRate)), STATUS_COLORS.done],
            ['behind', T.cards.behind, t.behind, S.items, t.behind > 0 ? STATUS_COLORS.behind : undefined],
            ['overdue', T.cards.overdue, t.overdue, S.items, t.overdue > 0 ? STATUS_COLORS.behind : undefined],
            ['unfilled', T.cards.unfilled, t.unfilled, S.items, t.unfilled > 0 ? '#fa8c16' : undefined],
          ] as const
        ).map(([id, title, value, suffix, color]) => (
          <Col key={id} span={4}>
            <Card size="small" data-testid={`card-${id}`}>
              <Statistic title={title} value={value} suffix={<span style={{ fontSize: 13 }}>{suffix}</span>} styles={{ content: { color, fontSize: 22 } }} />
            </Card>
          </Col>
        ))}

        <Col span={9}>
          <ChartCard spec={spec('status')} fileName={fileName(spec('status').title)} summary={summarize(spec('status'), data)} empty={noTasks ? <Empty description={T.emptyTasks} /> : undefined} />
        </Col>
        <Col span={15}>
          <ChartCard spec={spec('byDocument')} fileName={fileName(spec('byDocument').title)} summary={summarize(spec('byDocument'), data)} empty={noTasks ? <Empty description={T.emptyTasks} /> : undefined} />
        </Col>

        <Col span={12}>
          <TaskList testId="list-overdue" title={T.overdueList} items={data.overdue} emptyText={T.emptyOverdue} onOpen={open} kind="overdue" height={listHeight} />
        </Col>
        <Col span={12}>
          <TaskList testId="list-unfilled" title={T.unfilledList} items={data.unfilled} emptyText={T.emptyUnfilled} onOpen={open} kind="unfilled" height={listHeight} />
        </Col>

        <Col span={12}>
          <ChartCard
            spec={spec('indicators')}
            fileName={fileName(spec('indicators').title)}
            summary={summarize(spec('indicators'), data)}
            empty={drawn === 0 ? <Empty description={noTarget > 0 ? T.indicatorsNoTarget(noTarget) : T.emptyIndicators} /> : undefined}
          />
          {drawn > 0 && noTarget > 0 ? (
            <Typography.Text type="secondary" data-testid="indicators-no-target">
              {T.indicatorsNoTarget(noTarget)}
            </Typography.Text>
          ) : null}
          {undrawn > 0 && drawn > 0 ? <Typography.Text type="secondary">{T.indicatorsMore(undrawn)}</Typography.Text> : null}
        </Col>
        <Col span={12}>
          <ChartCard spec={spec('history')} fileName={fileName(spec('history').title)} summary={summarize(spec('history'), data)} empty={noTasks ? <Empty description={T.emptyTasks} /> : undefined} />
        </Col>
      </Row>
    </div>
  );
}

function TaskList({
  testId,
  title,
  items,
  emptyText,
  onOpen,
  kind,
  height,
}: {
  testId: string;
  title: string;
  items: DashboardTaskRef[];
  emptyText: string;
  onOpen: (key: string) => void;
  kind: 'overdue' | 'unfilled';
  height: number;
}) {
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <span>
          {title}
          <Tag style={{ marginLeft: 8 }} color={items.length > 0 ? (kind === 'overdue' ? 'red' : 'orange') : 'default'}>
            {items.length}
          </Tag>
        </span>
      }
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{T.openHint}</Typography.Text>}
      styles={{ body: { padding: 0, height, overflow: 'auto' } }}
    >
      <List
        size="small"
        dataSource={items.length > LIST_LIMIT ? items.slice(0, LIST_LIMIT) : items}
        footer={items.length > LIST_LIMIT ? <Typography.Text type="secondary" style={{ padding: '0 12px', fontSize: 12 }}>{T.listMore(LIST_LIMIT, kind === 'overdue' ? T.ledgerOverdueFilter : T.ledgerUnfilledFilter)}</Typography.Text> : undefined}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        renderItem={(item) => (
          <List.Item
            data-testid={`${testId}-item`}
            data-task-key={item.key}
            role="button"
            tabIndex={0}
            style={{ cursor: 'pointer', padding: '6px 12px' }}
            onClick={() => onOpen(item.key)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onOpen(item.key);
            }}
          >
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text ellipsis style={{ display: 'block' }} title={item.title}>
                <Typography.Text type="secondary">{item.documentTitle} · {item.number} </Typography.Text>
                {item.title}
              </Typography.Text>
            </div>
            <div style={{ flex: 'none', marginLeft: 12 }}>
              {kind === 'overdue' ? (
                <Tag color="red">{T.daysOverdue(item.daysOverdue ?? 0)}</Tag>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {T.deadline}：{item.deadlineText ?? item.deadline ?? T.noDeadline}
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
