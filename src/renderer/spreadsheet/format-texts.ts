/**
 * Fixed words of the workbooks spreadsheet/ writes: fonts, the creator, sheet names, titles and
 * column headers. They are format vocabulary, not prose: the city's task list is read back by each
 * district's 导入更新 (its headers are the columns it recognises), and offices file these tables by
 * their names, so change them only together with the readers and templates that expect them.
 */

/** The fonts of every generated sheet: 宋体 for tables, 黑体 for titles. */
export const FONTS = { body: '宋体', title: '黑体' } as const;

/** Persisted: the creator written into every generated workbook. */
export const WORKBOOK_CREATOR = '区级科创任务台账';

/** Name of a chart's sheet in a report (Excel allows 31 characters): 图表1 任务状态分布. */
export const chartSheetName = (i: number, title: string): string => `图表${i + 1} ${title}`;

/** Header of the city's task list: the columns the district's 导入更新 recognises. */
export const CITY_LIST_HEADER = ['序号', '任务编号', '重点任务', '具体内容', '牵头单位', '责任单位', '完成时限'] as const;

/** The city's files (spreadsheet/round-city.ts): the task list sent to a district and the 全市汇总表. */
export const CITY_FORMAT = {
  listSheet: '任务清单',
  listTitle: (periodName: string, district: string) => `武汉市${periodName}科技创新重点任务清单（${district}）`,
  summarySheet: '全市汇总表',
  summaryTitle: (periodName: string) => `武汉市${periodName}科技创新重点任务推进情况汇总表`,
  summaryHeader: ['序号', '任务编号', '重点任务', '区（功能区）', '本期状态', '完成进度', '进展情况', '汇总'],
  returnsSheet: '报送情况',
  returnsTitle: (periodName: string) => `武汉市${periodName}各区报送情况`,
  returnsHeader: ['区（功能区）', '下发任务', '已报送', '未填报 / 未报送', '滞后', '最近报送时间'],
} as const;

/**
 * The built-in municipal templates (spreadsheet/template-builtin.ts): sheet names, titles and the
 * lines above and below the table. Their {{…}} placeholders are filled by the report writer; the
 * column headers are the placeholders' own (task sheet: the field registry, core/fields.ts;
 * the others: ROW_PLACEHOLDERS in core/report/placeholders.ts), written once.
 */
export const MUNICIPAL_TEMPLATE = {
  tasks: {
    sheet: '重点任务推进情况表',
    title: '{{district}}{{period}}科技创新重点任务推进情况表',
  },
  indicators: {
    sheet: '指标完成情况表',
    title: '{{district}}{{period}}科技创新指标完成情况表',
  },
  clusters: {
    sheet: '产业集群推进情况表',
    title: '{{district}}{{period}}产业集群推进情况表',
  },
  summary: {
    sheet: '汇总',
    title: '{{district}}{{period}}重点任务推进情况汇总',
  },
  /** The line above the table: unit, period, date. */
  unitBlock: ['填报单位（盖章）：{{reportUnit}}', '报告期：{{period}}', '填报日期：{{filledDate}}'],
  /** The line below the table (not on the summary sheet): who filled it in and who checked it. */
  signBlock: ['填报人：{{filledBy}}', '联系电话：{{phone}}', '审核人（负责人）：{{reviewer}}'],
  /** The printed footer: 第 1 页，共 3 页. */
  footer: '&C第 &P 页，共 &N 页',
} as const;
