/**
 * Nothing from a file becomes HTML in the 工作台's charts: with `<img onerror>` and `<b>` in every
 * title, name and reason, each tooltip formatter of ours returns them as escaped text. (String
 * templates and default tooltips are escaped by echarts itself; the lint rule in
 * eslint.config.js forbids inline tooltip formatter functions.)
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_STATUSES, type DashboardData } from '@core/dashboard';
import { buildChartSpecs } from './chart-options';
import { escapeHtml, textTooltip } from './tooltip';

const IMG = '<img src=x onerror="alert(1)">';
const BOLD = '<b>加粗</b>';
const counts = Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 1])) as DashboardData['byDocument'][number]['counts'];

const hostile = {
  statusCounts: DASHBOARD_STATUSES.map((status) => ({ status, label: `${BOLD}${status}`, count: 2 })),
  byDocument: [{ documentId: 'd1', title: `${IMG}文件`, total: 8, done: 1, filled: 2, counts, doneRate: 12.5 }],
  indicators: [
    {
      targetId: 't1',
      name: `${IMG}研发投入`,
      unit: `${BOLD}亿元`,
      documentId: 'd1',
      documentTitle: `${IMG}${BOLD}`,
      comparator: 'gte',
      target: 100,
      year: 2026,
      actual: 50,
      verdict: 'behind',
      completion: 50,
      expectedShare: 75,
      reason: `落后于序时${IMG}`.repeat(3),
    },
  ],
  history: [{ periodId: '2025-Q3', name: `2025年第三季度${BOLD}`, done: 1, newlyDone: 1, filled: 2, total: 8 }],
} as unknown as DashboardData;

/** Params echarts would pass: enough for our formatters, which look things up by index. */
const params = [{ dataIndex: 0, name: `${IMG}`, value: 1, seriesName: BOLD, percent: 50 }];

describe('chart tooltips', () => {
  const specs = buildChartSpecs(hostile);

  it.each(specs.map((s) => [s.id, s] as const))('%s: every tooltip formatter escapes text from files', (_, spec) => {
    const tooltip = (spec.option as { tooltip?: { formatter?: unknown } }).tooltip;
    const f = tooltip?.formatter;
    if (typeof f !== 'function') {
      // A string template: echarts encodes its {a} {b} {c} values (formatTpl with encode).
      if (f !== undefined) expect(typeof f).toBe('string');
      return;
    }
    const html = String((f as (p: unknown) => string)(params));
    expect(html).not.toMatch(/<(?!br\/>)/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('the indicators tooltip shows the name, document and reason as text', () => {
    const f = (specs.find((s) => s.id === 'indicators')!.option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;
    const html = f(params);
    expect(html).toContain('&lt;b&gt;加粗&lt;/b&gt;');
    expect(html.split('<br/>').every((line) => [...line.replace(/&[a-z#0-9]+;/g, 'x')].length <= 40)).toBe(true);
  });
});

describe('escapeHtml and textTooltip', () => {
  it.each([
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['a & b', 'a &amp; b'],
    [`"'`, '&quot;&#39;'],
    ['市科技局', '市科技局'],
  ])('escapeHtml(%j) = %j', (text, html) => expect(escapeHtml(text)).toBe(html));

  it('joins escaped lines with <br/> and nothing else', () => {
    expect(textTooltip(() => [IMG, '第二行'])(undefined)).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<br/>第二行');
  });
});
