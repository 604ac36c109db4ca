/** Chinese texts of the workers' own refusals (the readers' messages live beside the readers). */
export const IMPORT_WORKER_TEXT = {
  failed: '读取文件时出错，本次没有导入任何内容。请确认文件能在 Excel 或 WPS 中正常打开；能打开的话，请另存为 .xlsx 后再导入。',
  tooMuchWork: (file: string, sheet: string, rows: number, existing: number) =>
    `文件“${file}”的工作表“${sheet}”有 ${rows.toLocaleString('en-US')} 行任务，要与台账中的 ${existing.toLocaleString('en-US')} 项任务逐一比对，预计需要一分钟以上，本次没有导入。请确认选对了文件和工作表；清单确实这么大时，请按文件拆成几份分别导入。`,
} as const;

/** Stages of an import, as the progress bar names them. */
export const IMPORT_STAGE_TEXT = {
  headers: '正在识别表头',
  read: '读取完成',
  matching: '正在比对任务',
  matched: '比对完成',
} as const;

/** The rounds worker's refusals. */
export const ROUND_WORKER_TEXT = {
  failed: '识别报回文件时出错，台账没有任何改动。请确认文件能在 Excel 或 WPS 中打开，另存为 .xlsx 后再拖入。',
  unreadable: (name: string) => `文件“${name}”无法读取。请确认它能在 Excel 或 WPS 中打开，另存为 .xlsx 后再拖入。`,
} as const;
