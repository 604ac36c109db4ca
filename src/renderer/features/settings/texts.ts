/** User-facing text of 设置, in one place. */
import type { UnitRenameProblem } from '@core/unit-names';
export const SETTINGS_TEXT = {
  title: '设置',
  district: '本区',
  districtHelp: '任务筛选、进展填报和报表都按本区生成。各区的进展分别保存，更改本区不会删除原来填写的内容。',
  districtChange: '更改本区',
  districtConfirmTitle: '确定更改本区吗？',
  districtConfirmBody: (from: string, to: string) =>
    `本区将从“${from}”改为“${to}”。之后看到和填写的是${to}的进展，导出的报表也以${to}名义填报。${from}已填写的内容会保留，改回来即可看到。`,
  districtChanged: (to: string) => `本区已改为${to}。`,
  districtSame: '选择的就是当前的区。',
  periodKind: '报告周期',
  periodHelp: '市里按什么周期收报表，台账和报表导出就按什么周期列出报告期。',
  monthly: '按月',
  quarterly: '按季度',
  periodSaved: (label: string) => `报告周期已改为${label}。`,
  templates: '报表模板',
  templatesHelp:
    '市里下发新模板时，在 Excel 或 WPS 中把表头下面的一行写成占位符（如 {{task.title}}），设好格式后另存为 .xlsx，在这里加载。导出时会按这一行的样式逐条填写。',
  builtin: '内置模板',
  custom: (fileName: string, at: string) => `本单位模板：${fileName}（${at} 加载）`,
  load: '加载新模板',
  revert: '恢复内置模板',
  download: '下载当前模板',
  openTitle: '选择报表模板（.xlsx）',
  excelFilter: 'Excel 工作簿',
  loaded: (name: string) => `模板已加载，之后导出“${name}”将使用这个模板。`,
  refusedTitle: (fileName: string) => `没有加载“${fileName}”：模板有问题，原来的模板保持不变`,
  reverted: (name: string) => `“${name}”已恢复为内置模板。`,
  placeholders: '可用的占位符',
  scalarHelp: '表头、表尾任意单元格可用：',
  rowHelp: '数据行（每张表一行）可用：',
} as const;

/** Text of 设置 → 单位名称对照 (UnitRenamesSection). */
export const UNIT_RENAMES_TEXT = {
  title: '单位名称对照',
  help: '市直部门改名后，新旧文件和清单里会出现同一单位的两个名称。在这里写明“原名称 → 现名称”，导入清单、检索和报表都按现名称统一；内置的对照不能删除，可以再添加。',
  from: '原名称',
  to: '现名称',
  source: '来源',
  builtin: '内置',
  own: '本单位添加',
  add: '添加对照',
  remove: '删除',
  added: (from: string, to: string, tasks: number) =>
    `已添加：${from} → ${to}。${tasks > 0 ? `台账中 ${tasks} 项任务里的“${from}”已统一为“${to}”（修改记录中可查）。` : '台账中没有用到这个原名称。'}以后导入的清单也按“${to}”保存。`,
  removed: (from: string) => `已删除“${from}”的对照。删除对照不会改回已统一的名称。`,
  placeholderFrom: '如 市经信局',
  placeholderTo: '如 市经济和信息化局',
  problem: (p: UnitRenameProblem): string => {
    switch (p.kind) {
      case 'missing':
        return '请填写原名称和现名称。';
      case 'same':
        return `原名称和现名称都是“${p.name}”，不需要对照。`;
      case 'loop':
        return `“${p.to}”已经对照为“${p.from}”，再把“${p.from}”对照为“${p.to}”会来回循环。请先删去原有的对照。`;
    }
  },
};

/** 本单位层级 (设置): district or city office, for 下发与回收. */
export const OFFICE_LEVEL_TEXT = {
  title: '本单位层级（下发与回收）',
  help: '区级：把任务分给本区各部门、街道和园区，收回后合并进本区台账。市级：把任务清单下发给 17 个区和功能区，收回各区导出的推进情况表并汇总。这里只改“下发与回收”的做法，工作台、台账和报表仍按上方的“本区”；如本单位就是市级主管部门，请在上方“本区”中选“武汉市（市级汇总）”，各页面都会按全市显示。',
  district: '区级（本区各部门）',
  city: '市级（17 个区和功能区）',
  saved: '已保存本单位层级。',
  cityFixed: '本单位设为武汉市（市级），层级固定为市级。如需改为某个区，请在上方“本区”中更改。',
} as const;

/** Smaller words of the settings page: the district groups, a template's file name, a refused template. */
export const SETTINGS_MORE_TEXT = {
  districtGroup: '行政区',
  zoneGroup: '功能区',
  cityGroup: '市级',
  cityOption: '武汉市（市级汇总）',
  templateFileName: (report: string) => `${report}_模板.xlsx`,
  notXlsx: (name: string) => `“${name}”不是 .xlsx 文件。请在 Excel 或 WPS 中把模板另存为“Excel 工作簿（*.xlsx）”后再加载。`,
} as const;
