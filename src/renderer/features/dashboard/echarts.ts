/**
 * The echarts build of the 工作台: only the charts and components used, bundled with the app
 * (no network), canvas renderer, Chinese locale (built into echarts as 'ZH').
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, ScatterChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
/** The locale every chart is initialised with. */
export const CHART_LOCALE = 'ZH';
/** Font stack for chart text (Chinese first). */
export const CHART_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
