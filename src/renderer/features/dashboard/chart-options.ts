/**
 * echarts options of the 工作台 charts, built from the dashboard numbers. Shared by the page
 * and by the offscreen renderer of the export (chart-images.ts), so both draw the same picture.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { DASHBOARD_STATUSES, PACE_LABELS, type DashboardData, type DashboardStatus, type PaceVerdict } from '@core/dashboard';
import { CHART_FONT } from './echarts';
import { DASHBOARD_TEXT as T, DASHBOARD_SUMMARY_TEXT as S } from './texts';
import { textTooltip } from './tooltip';

/** One chart of the dashboard. */
export interface ChartSpec {
  id: 'status' | 'byDocument' | 'indicators' | 'history';
  title: string;
  option: EChartsCoreOption;
  /** Height in pixels that suits the data (the width follows the card). */
  height: number;
}

/** Colours of the statuses, the same in every chart. */
export const STATUS_COLORS: Readonly<Record<DashboardStatus, string>> = {
  not_started: '#8c8c8c',
  on_track: '#1677ff',
  ahead: '#13c2c2',
  behind: '#f5222d',
  done: '#52c41a',
  ongoing: '#722ed1',
  no_status: '#faad14',
  unfilled: '#d9d9d9',
};

/** Colours of the indicator verdicts. */
export const PACE_COLORS: Readonly<Record<PaceVerdict, string>> = {
  met: '#52c41a',
  ahead: '#13c2c2',
  on_track: '#1677ff',
  behind: '#f5222d',
  unknown: '#bfbfbf',
};

const base = { textStyle: { fontFamily: CHART_FONT }, animationDuration: 300 };

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function statusOption(data: DashboardData): EChartsCoreOption {
  const items = data.statusCounts.filter((s) => s.count > 0);
  return {
    ...base,
    color: items.map((s) => STATUS_COLORS[s.status]),
    tooltip: { trigger: 'item', formatter: S.pieTooltip },
    legend: { orient: 'vertical', right: 8, top: 'middle', itemWidth: 12, itemHeight: 12 },
    series: [
      {
        name: T.charts.status,
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        label: { formatter: '{c}', fontSize: 13 },
        labelLine: { length: 6, length2: 6 },
        data: items.map((s) => ({ name: s.label, value: s.count })),
      },
    ],
  };
}

function byDocumentOption(data: DashboardData): EChartsCoreOption {
  const docs = [...data.byDocument].reverse(); // first document on top
  const statuses = DASHBOARD_STATUSES.filter((s) => docs.some((d) => d.counts[s] > 0));
  const label = data.statusCounts.reduce<Record<string, string>>((m, s) => ((m[s.status] = s.label), m), {});
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: S.items, minInterval: 1 },
    yAxis: {
      type: 'category',
      data: docs.map((d) => S.documentAxis(d.title, round1(d.doneRate), d.done, d.total)),
      axisLabel: { fontSize: 12, lineHeight: 16 },
    },
    series: statuses.map((s) => ({
      name: label[s],
      type: 'bar',
      stack: 'tasks',
      barMaxWidth: 26,
      itemStyle: { color: STATUS_COLORS[s] },
      emphasis: { focus: 'series' },
      data: docs.map((d) => d.counts[s]),
    })),
  };
}

/** The indicators that can be drawn: those with an actual value. */
export function drawableIndicators(data: DashboardData) {
  return data.indicators.filter((i) => i.actual !== undefined && i.completion !== undefined);
}

function indicatorsOption(data: DashboardData): EChartsCoreOption {
  const rows = drawableIndicators(data).reverse();
  const seen = new Map<string, number>();
  const names = rows.map((r) => {
    const n = (seen.get(r.name) ?? 0) + 1;
    seen.set(r.name, n);
    return n > 1 ? `${r.name}（${n}）` : r.name;
  });
  const max = Math.min(200, Math.max(100, ...rows.map((r) => Math.ceil(r.completion ?? 0))));
  return {
    ...base,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: textTooltip((params: { dataIndex: number }[]) => {
        const r = rows[params[0]?.dataIndex ?? 0];
        if (!r) return [];
        return S.indicatorTooltip(r, PACE_LABELS[r.verdict]);
      }),
    },
    legend: { top: 0, data: [T.series.completion, T.series.expected], itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 56, top: 32, bottom: 8, containLabel: true },
    dataZoom: rows.length > 12 ? [{ type: 'slider', yAxisIndex: 0, right: 8, width: 14, start: 100 - (12 / rows.length) * 100, end: 100 }] : [],
    xAxis: { type: 'value', name: '%', max, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: names,
      axisLabel: {
        formatter: (name: string, i: number) => {
          const r = rows[i];
          return r ? `{name|${name}}\n{${r.verdict}|${PACE_LABELS[r.verdict]} ${round1(r.completion ?? 0)}%}` : name;
        },
        rich: {
          name: { width: 150, overflow: 'truncate', align: 'right', lineHeight: 16 },
          ...Object.fromEntries(Object.entries(PACE_COLORS).map(([k, color]) => [k, { color, fontSize: 12, align: 'right', lineHeight: 16 }])),
        },
      },
    },
    series: [
      {
        name: T.series.completion,
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: PACE_COLORS.on_track },
        data: rows.map((r) => ({ value: round1(Math.min(max, Math.max(0, r.completion!))), itemStyle: { color: PACE_COLORS[r.verdict] } })),
      },
      {
        name: T.series.expected,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 20],
        itemStyle: { color: '#fa8c16' },
        z: 5,
        data: rows.map((r) => (r.expectedShare === undefined ? '-' : round1(r.expectedShare))),
      },
    ],
  };
}

function historyOption(data: DashboardData): EChartsCoreOption {
  const h = data.history;
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: h.map((p) => S.historyAxis(p.name)), axisLabel: { fontSize: 12, interval: 0 } },
    yAxis: { type: 'value', name: S.items, minInterval: 1 },
    series: [
      { name: T.series.newlyDone, type: 'bar', barMaxWidth: 22, itemStyle: { color: '#95de64' }, data: h.map((p) => p.newlyDone) },
      { name: T.series.done, type: 'line', symbolSize: 6, itemStyle: { color: STATUS_COLORS.done }, label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') }, data: h.map((p) => p.done) },
      { name: T.series.filled, type: 'line', symbolSize: 6, lineStyle: { type: 'dashed' }, itemStyle: { color: STATUS_COLORS.on_track }, data: h.map((p) => p.filled) },
    ],
  };
}

/** The dashboard's charts, in page order. */
export function buildChartSpecs(data: DashboardData): ChartSpec[] {
  const nInd = drawableIndicators(data).length;
  return [
    { id: 'status', title: T.charts.status, option: statusOption(data), height: 260 },
    { id: 'byDocument', title: T.charts.byDocument, option: byDocumentOption(data), height: Math.max(260, 48 + data.byDocument.length * 44) },
    { id: 'indicators', title: T.charts.indicators, option: indicatorsOption(data), height: Math.max(260, 48 + Math.min(12, nInd) * 38) },
    { id: 'history', title: T.charts.history, option: historyOption(data), height: 300 },
  ];
}
