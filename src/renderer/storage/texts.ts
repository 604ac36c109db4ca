/**
 * The officer-facing Chinese of storage, in one place: what went wrong when the database is
 * written, opened or upgraded, and what to do. The backup and restore texts live next to their
 * code in backup/texts.ts.
 */

/** The Chinese texts of storage problems, in one place. */
export const STORAGE_TEXT = {
  quota: {
    title: '磁盘空间不足，刚才的修改没有保存',
    message: '电脑的磁盘（通常是 C 盘）空间不够，数据库无法写入。请先删除不需要的文件或清空回收站，再回到本程序重新保存刚才的修改。已保存的数据不受影响。',
  },
  unavailable: {
    title: '无法打开本地数据库',
    message:
      '本程序的数据保存在本机数据库中，但现在无法打开（浏览器可能处于“无痕/隐私”模式，或禁止了网站数据）。请用普通窗口打开本程序；如仍不行，请重启电脑后再试。数据没有丢失。',
  },
  version: {
    title: '数据由更新版本的程序保存过',
    message: '本机的数据库是更新版本的程序写入的，当前这个较旧的程序无法打开它。请安装最新版本的区级科创任务台账再打开；数据没有丢失，请勿删除数据文件夹。',
  },
  blocked: {
    title: '请先关闭本程序的其他窗口',
    message: '本程序需要升级数据结构，但另一个窗口（或另一个浏览器标签页）正在使用数据库。请关闭其他窗口，升级会自动继续；升级前已自动备份。',
  },
  closed: {
    title: '数据已在另一个窗口中升级',
    message: '另一个窗口升级了数据库，这个窗口需要重新加载才能继续使用。请点击“重新加载”；已保存的内容不会丢失。',
  },
  unknown: {
    title: '数据库出现问题',
    message: '读写本机数据库时出错。请关闭本程序后重新打开；如仍出现，可在“备份与恢复”中从最近的备份恢复，并把下面的说明发给技术支持：',
  },
} as const;

/** Chinese messages of applying and undoing an import. */
export const APPLY_TEXT = {
  failed: (reason: string) => `导入没有完成，台账没有任何改动。原因：${reason}。请重试；如仍失败，请把这段说明发给技术支持。`,
  diskFull:
    '磁盘空间已满，导入没有完成，台账没有任何改动。请删除电脑上不需要的文件或清空回收站（本程序的数据在 C 盘时，要腾出 C 盘的空间），然后重新导入这个文件。',
  unknownCause: '读写本机数据库时出错（详细原因已记入日志）',
  nothing: '没有选中任何要写入的改动。',
  undoMissing: '找不到这次导入的记录，无法撤销。',
  undoDone: '这次导入已经撤销过了。',
  undoNotLatest: (fileName: string) => `只能撤销最近一次导入。请先撤销之后的导入“${fileName}”。`,
  undoFailed: (reason: string) => `撤销没有完成，台账保持撤销前的样子。原因：${reason}。`,
  badTask: (key: string, what: string) => `任务“${key}”的内容不正确（${what}），本次导入没有写入任何内容。请检查文件中这一行后重新导入。`,
  badDocument: (title: string, what: string) => `文件“${title}”的信息不正确（${what}），本次导入没有写入任何内容。`,
} as const;

/** Chinese messages of applying and undoing a return. */
export const ROUND_APPLY_TEXT = {
  nothing: '没有可写入的内容：所有文件都被拒绝，或各单位没有填写任何内容。',
  failed: (reason: string) => `回收结果没有写入，台账没有任何改动。原因：${reason}`,
  badEntry: (key: string, what: string) => `任务 ${key} 回收的内容不正确（${what}），本次回收没有写入任何内容。请检查报回文件中这一行后重新回收。`,
  undoMissing: '找不到这次回收的记录，无法撤销。',
  undoDone: '这次回收已经撤销过了。',
  undoNotLatest: '只能撤销本轮最近一次回收，请先撤销之后的那一次。',
  undoEdited: (keys: readonly string[]) =>
    `这次回收写入的任务中，${keys.slice(0, 5).join('、')}${keys.length > 5 ? `等 ${keys.length} 项` : ''}的进展之后又被修改过，撤销会丢掉这些修改，因此没有撤销。请在任务台账中逐项修改。`,
  undoFailed: (reason: string) => `撤销没有完成，台账保持撤销前的样子。原因：${reason}`,
} as const;

/** The Chinese refusal for a write to a locked (已报送) period; `periodName` is e.g. 2025年第三季度. */
export const lockedText = (district: string, periodName: string): string =>
  `${district}${periodName}的进展已报送，已锁定，不能修改。如确需修改，请到“报表导出”中该期的报送记录处点击“解锁”（解锁会记入修改记录），修改后重新导出报送。`;

/** Refusals of saving a reviewed document (storage/seed.ts). */
export const SAVE_DOCUMENT_TEXT = {
  documentIdTaken: (id: string, title: string) => `文件编号 ${id} 已被《${title}》使用，请修改“任务编号前缀”后再保存。`,
  taskKeysTaken: (keys: readonly string[]) => `任务编号 ${keys.slice(0, 3).join('、')} 已经存在，请修改“任务编号前缀”后再保存。`,
} as const;

/** Refusal of recording a submission without files (storage/submissions.ts). */
export const SUBMISSION_TEXT = {
  noFiles: '报送至少要有一个文件',
} as const;
