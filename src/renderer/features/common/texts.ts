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
  help: (district: string) =>
    `填在每张报表的表头和表尾（填报单位、填报人、联系电话、审核人），导出和报送时自动带出。填报单位、联系电话、审核人是${district}的，更改本区后各区分别填写；填报人也记作本机操作人（导入、恢复、解锁的修改记录）；任务进展里各条的填报人只属于那一条进展，不会改动这里。`,
  unit: '填报单位',
  filledBy: '填报人',
  phone: '联系电话',
  reviewer: '审核人（负责人）',
  save: '保存',
  saved: '报表表头已保存。',
  autoSaved: '已自动保存',
  saveFailed: (why: string) => `报表表头没有保存：${why}。请再点一次“保存”。`,
} as const;

/** The save dialog of a CSV export. */
export const CSV_SAVE_TEXT = {
  title: '导出 CSV',
  filter: 'CSV 文件（逗号分隔，Excel 可打开）',
} as const;

/** What a page shows while its data is read, and when it cannot be read (QueryView.tsx). */
export const QUERY_TEXT = {
  loading: '正在读取数据…',
  /** The page whose data it is. */
  pages: {
    ledger: '任务台账',
    dashboard: '工作台',
    indicators: '指标跟踪',
    clusters: '产业集群',
    reports: '报表导出',
    rounds: '下发与回收',
    settings: '设置',
    documents: '政策文件',
    importHistory: '导入记录',
    archivedTasks: '已归档的任务',
  },
  failed: (what: string) => `${what}的数据没有读出来`,
  failedHint:
    '已保存的数据没有改动。请先切换到其他页面再回来重试；如仍不行，请关闭本程序后重新打开；还不行，请到“备份与恢复”恢复最近的一份备份（恢复前的数据会先自动备份）。',
} as const;
