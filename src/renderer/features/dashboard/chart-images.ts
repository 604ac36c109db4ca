/**
 * The 工作台 charts as PNG pictures, drawn offscreen (a detached element and echarts' canvas
 * renderer, no animation), for the 汇总 sheet of the exported workbook (exceljs images).
 */
import type { DashboardData } from '@core/dashboard';
import { buildChartSpecs, drawableIndicators } from './chart-options';
import { CHART_LOCALE, echarts } from './echarts';

/** Width of an exported chart picture in CSS pixels (drawn at twice the resolution). */
export const EXPORT_CHART_WIDTH = 760;

/** The bytes of a `data:image/png;base64,…` URL. */
export function dataUrlToBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Render every dashboard chart that has something to show to PNG bytes, named by its Chinese
 * title (任务状态分布, 各文件任务完成情况, 指标完成情况与序时进度, 各报告期完成任务数).
 * Each picture is EXPORT_CHART_WIDTH × the chart's height, drawn at pixel ratio 2.
 */
export async function renderDashboardImages(data: DashboardData): Promise<{ name: string; png: Uint8Array; width: number; height: number }[]> {
  const out: { name: string; png: Uint8Array; width: number; height: number }[] = [];
  for (const spec of buildChartSpecs(data)) {
    if (spec.id === 'indicators' && drawableIndicators(data).length === 0) continue;
    if (data.totals.tasks === 0 && spec.id !== 'indicators') continue;
    const el = document.createElement('div');
    const chart = echarts.init(el, undefined, { renderer: 'canvas', width: EXPORT_CHART_WIDTH, height: spec.height, locale: CHART_LOCALE });
    try {
      chart.setOption({ ...spec.option, animation: false, title: undefined });
      const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      out.push({ name: spec.title, png: dataUrlToBytes(url), width: EXPORT_CHART_WIDTH, height: spec.height });
    } finally {
      chart.dispose();
    }
    // Let the UI breathe between charts.
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}
