/** User-facing text of 备份与恢复 and of the storage gate, in one place. */
import type { BackupReason } from '@shared/bridge';

export const BACKUP_PAGE_TEXT = {
  title: '备份与恢复',
  intro: '本程序的数据保存在这台电脑上。自动备份每天一次、关闭程序时、每次导入前和升级前各做一次，保存在数据文件夹的 backups 目录中。建议每月把一份备份导出到U盘。',
  browserIntro: '浏览器版没有自动备份文件夹：请定期点击“立即备份”，浏览器会下载一份备份文件，请妥善保存（例如复制到U盘）。',
  backupNow: '立即备份',
  backingUp: '正在备份……',
  backedUp: (name: string) => `已备份：${name}`,
  downloaded: (name: string) => `备份文件已下载：${name}，请妥善保存。`,
  restoreFromFile: '从备份文件恢复…',
  openTitle: '选择备份文件',
  filterName: '台账备份文件',
  listTitle: '自动备份',
  emptyList: '还没有自动备份。',
  folder: '备份文件夹',
  columns: { at: '备份时间', reason: '原因', size: '大小', counts: '内容', actions: '操作' },
  counting: '读取中…',
  broken: '文件已损坏',
  countsSummary: (tasks: number, progress: number) => `任务 ${tasks} 条，进展 ${progress} 条`,
  exportToUsb: '导出到U盘…',
  exported: (name: string) => `已导出到：${name}`,
  restore: '恢复…',
  refusedTitle: (fileName: string) => `不能用“${fileName}”恢复`,
  previewTitle: '恢复前请确认备份内容',
  previewWarn: '恢复会用这个备份替换当前的全部数据。恢复前会先自动备份当前数据，万一选错了，可以再用那份备份恢复回来。',
  /** At the first start: nothing typed yet to lose, only the built-in documents. */
  previewFirstStart: '恢复后，程序里的数据就是这个备份里的数据（本区、任务和历次填报），直接进入台账。',
  previewFirstStartNoDistrict: '这个备份里没有记录所属区。恢复后，程序里的数据就是这个备份里的数据，还需要再选择本区。',
  /** The restore's part of the first-start screen could not be loaded (a damaged installation). */
  restoreUnavailable: '从备份恢复的功能没有载入。请关闭程序后重新打开再试；如仍不行，请重新安装本程序。',
  previewBrowserWarn: '恢复会用这个备份替换当前的全部数据。恢复前会先下载一份当前数据的备份文件，万一选错了，可以再用它恢复回来。',
  createdAt: '备份时间',
  district: '所属区',
  reason: '备份原因',
  schema: '数据结构版本',
  periods: '含进展的报告期',
  size: '文件大小',
  tableHeader: '数据',
  countHeader: '条数',
  confirmRestore: '确认恢复',
  cancel: '取消',
  restoring: '正在恢复……',
  restored: (n: number, p: number) => `恢复完成：任务 ${n} 条，进展 ${p} 条。`,
  safetyKept: (name: string) => `恢复前的数据已备份为：${name}`,
  auditTitle: '修改记录',
  auditIntro: '最近的修改（任务、进展、产业集群、设置），按时间倒序。修改记录只增不减。',
  failed: '操作没有完成：',
} as const;

/** Chinese reasons of a backup. */
export const REASON_LABELS: Readonly<Record<BackupReason, string>> = {
  daily: '每日自动',
  close: '关闭程序时',
  'before-import': '导入前',
  'before-upgrade': '升级前',
  'before-restore': '恢复前',
  manual: '手动',
};

/** The notice shown when malformed rows were left out of what the app reads. */
export const DAMAGED_TEXT = {
  title: (n: number) => `本机数据库中有 ${n} 条记录已损坏，已暂时跳过，不影响其他数据。`,
  hint: '这些记录在页面上暂不显示。请到“备份与恢复”恢复一份正常的备份；恢复前的数据会先自动备份。',
  where: (table: string, key: string) => `${table}：${key}`,
  open: '打开“备份与恢复”',
} as const;

/** The storage gate's texts. */
export const GATE_TEXT = {
  opening: '正在打开数据……',
  reload: '重新加载',
  retry: '重试',
  blockedHint: '关闭其他窗口后会自动继续。',
  saveFailed: '保存失败',
} as const;

/** File size in Chinese units. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
