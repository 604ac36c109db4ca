/** Chinese texts of the browser build's stand-in for the desktop bridge. */
export const BROWSER_BRIDGE_TEXT = {
  appName: '区级科创任务台账',
  dataFolder: '浏览器本地存储（IndexedDB）',
  noBackupFiles: '浏览器版没有自动备份文件，请使用“导出备份”下载的文件恢复。',
  noBackupFolder: '浏览器版没有备份文件夹。',
  backupFilter: '备份文件',
  readEnded: '这次读取已经结束，请重新选择备份文件。',
  readFailed: (name: string) => `读取备份文件“${name}”失败：文件可能在选择之后被改动、移走或删除了。请重新选择备份文件。未做任何改动。`,
} as const;
