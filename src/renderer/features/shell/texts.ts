/** User-facing text of the shell, in one place. */
export const SHELL_TEXT = {
  appName: '区级科创任务台账',
  nav: {
    dashboard: '工作台',
    ledger: '任务台账',
    clusters: '产业集群',
    indicators: '指标跟踪',
    reports: '报表导出',
    import: '导入更新',
    rounds: '下发与回收',
    documents: '政策文件',
    backup: '备份与恢复',
    settings: '设置',
  },
  firstStart: {
    title: '欢迎使用区级科创任务台账',
    intro: '请先选择本单位所在的区（功能区）。此后的任务筛选、进展填报和报表都按这个区生成，可在“设置”中更改。',
    districts: '行政区',
    zones: '功能区',
    city: '市级',
    cityOption: '武汉市（市级汇总）',
    cityHelp: '市级单位选这一项：台账包含全部任务，各区为下发与回收的填报单位，汇总出全市汇总表。',
    confirm: '确定',
    pickFirst: '请先选择一个区',
    restoreHint: '换了电脑或重装了程序？可以直接从本单位的备份文件恢复全部数据（本区、任务和历次填报），不必重新选择。',
  },
  districtLabel: '本区',
  /** Shown instead of 本区 when the app is set up as the city's office (设置 → 本单位层级). */
  cityLabel: '市级汇总（各区为填报单位）',
  loading: '正在打开数据……',
  seedFailed: '内置政策文件没有载入',
  draftsFailed: '上次关闭前未保存的填报内容没有写回',
  storageError: '无法打开本地数据库',
  pageFailed: (page: string) => `“${page}”页面遇到了问题`,
  pageFailedHint: (detail: string) =>
    `已填写的内容都保存在本机数据库中，不会丢失。左侧的其他页面仍可使用；如果数据损坏，请到“备份与恢复”恢复一份正常的备份。如仍出现，请把这段说明发给技术支持：${detail}`,
  toBackup: '打开“备份与恢复”',
  retryPage: '重新打开本页',
} as const;

/** What the app says when a page crashes (the error boundary around the whole app). */
export const CRASH_TEXT = {
  title: '程序遇到了问题',
  detail: (message: string) => `已填写的内容都保存在本机数据库中，不会丢失。请关闭后重新打开本程序；如仍出现，请把这段说明发给技术支持：${message}`,
} as const;
