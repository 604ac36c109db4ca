/** Chinese text of the pieces every page shares (period picker, value input, report header). */
export const COMMON_TEXT = {
  period: '报告期',
  backToCurrent: '回到本期',
  currentPeriod: (name: string) => `${name}（本期）`,
  valueTooLarge: (label: string) => `${label}：数值过大（超过一万亿），没有保存。请检查是否多输了位数。`,
} as const;

/** User-facing text of the report header section (设置 and 报表导出). */
export const REPORT_HEADER_TEXT = {
  title: '报表表头与表尾',
  help: '填在每张报表的表头和表尾（填报单位、填报人、联系电话、审核人），导出和报送时自动带出。这里的填报人也记作本机操作人（导入、恢复、解锁的修改记录）；任务进展里各条的填报人只属于那一条进展，不会改动这里。',
  unit: '填报单位',
  filledBy: '填报人',
  phone: '联系电话',
  reviewer: '审核人（负责人）',
  save: '保存',
  saved: '报表表头已保存。',
} as const;

/** The save dialog of a CSV export. */
export const CSV_SAVE_TEXT = {
  title: '导出 CSV',
  filter: 'CSV 文件（逗号分隔，Excel 可打开）',
} as const;
