/** Chinese texts of the 政策文件 page. */
import { POLICY_FILE_LIMITS } from '@core/limits';

export const DOC_TEXT = {
  title: '政策文件',
  intro: '本程序已内置 5 份市级政策文件及其任务。市里印发新文件时，点“添加政策文件”，粘贴全文或打开 .txt / .docx 文件，核对识别结果后保存。',
  add: '添加政策文件',
  columns: { shortTitle: '简称', title: '文件标题', docNumber: '文号', issueDate: '印发日期', tasks: '任务数', source: '来源' },
  pasteTab: '粘贴文本',
  fileTab: '打开文件',
  pastePlaceholder: '把政策文件的全文粘贴到这里（从 PDF 或 Word 复制均可）',
  openFile: '打开 .txt 或 .docx 文件…',
  openTitle: '选择政策文件',
  filterName: '政策文件（文本或 Word）',
  parse: '识别任务',
  back: '返回',
  cancel: '取消',
  save: '保存到台账',
  reviewTitle: '核对识别结果',
  reviewHint: '黄色底色的行需要核对（缺少单位、单位括号不完整、标题过长等）。可直接修改任务名称和单位，单位之间用“、”分隔。',
  meta: { title: '文件标题', shortTitle: '简称', docNumber: '文号', issueDate: '印发日期', keyPrefix: '任务编号前缀' },
  taskCols: { key: '任务编号', title: '任务名称', lead: '牵头单位', responsible: '责任单位', targets: '目标', remove: '删除' },
  targetCols: { name: '指标', comparator: '方式', value: '目标值', unit: '单位', year: '年份', kind: '来源' },
  targetKinds: { goal: '工作目标', task: '任务内', table: '指标表', cluster: '集群', manual: '手工' } as Record<string, string>,
  issuesTitle: (n: number) => `识别时发现 ${n} 处需要核对`,
  noTasks: '没有识别出任务。请检查粘贴的是否是政策文件全文。',
  emptyText: '请先粘贴文本或打开文件。',
  needTitle: '请填写文件标题。',
  needPrefix: '请填写任务编号前缀（字母或数字，如 2026GZYD）。',
  saved: (title: string, n: number) => `已保存《${title}》，共 ${n} 项任务。`,
  fileEmpty: '文件是空的（0 字节）',
  oldWordFile: '这是旧版 Word 文档（.doc，可能只是改了扩展名），本程序读不了。请在 Word 或 WPS 中打开它，“另存为” Word 文档（*.docx）后再打开，或直接复制全文粘贴',
  notDocx: '文件已损坏，或不是 Word 2007 及以后版本的 .docx 文档。请在 Word 或 WPS 中打开它，“另存为” .docx 后再打开，或直接复制全文粘贴',
  tooBig: (bytes: number) => `文件有 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过了 ${POLICY_FILE_LIMITS.maxBytes / 1024 / 1024} MB 的上限（一份政策文件通常不到 1 MB）。请确认选对了文件；如文件里有大量图片，请在 Word 中删去图片后另存，或直接复制全文粘贴`,
  partTooBig: (part: string, bytes: number) =>
    `文件里的“${part}”解压后有 ${(bytes / 1024 / 1024).toFixed(1)} MB 以上，超过了每部分 ${POLICY_FILE_LIMITS.maxPartBytes / 1024 / 1024} MB 的上限（解压后大小），这不像一份政策文件。请在 Word 或 WPS 中打开它，复制全文粘贴`,
  totalTooBig: (bytes: number) =>
    `文件解压后有 ${(bytes / 1024 / 1024).toFixed(1)} MB 以上，超过了 ${POLICY_FILE_LIMITS.maxInflatedBytes / 1024 / 1024} MB 的上限（解压后大小），这不像一份政策文件。请在 Word 或 WPS 中打开它，复制全文粘贴`,
  tooManyParts: (count: number) => `文件由 ${count.toLocaleString('en-US')} 个部分组成，超过了 ${POLICY_FILE_LIMITS.maxEntries.toLocaleString('en-US')} 个的上限，这不像一份政策文件。请在 Word 或 WPS 中打开它，复制全文粘贴`,
  tooManyParagraphs: (n: number) =>
    `文件有 ${n.toLocaleString('en-US')} 个段落，超过了 ${POLICY_FILE_LIMITS.maxParagraphs.toLocaleString('en-US')} 个段落的上限（一份政策文件通常只有几百段）。请确认选对了文件，或只复制政策正文粘贴`,
  tooManyElements: (n: number) =>
    `文件的内部结构有 ${n.toLocaleString('en-US')} 个元素，超过了 ${POLICY_FILE_LIMITS.maxElements.toLocaleString('en-US')} 个的上限，这不像一份政策文件。请在 Word 或 WPS 中打开它，复制全文粘贴`,
  tooManyChars: (n: number) =>
    `文件有 ${n.toLocaleString('en-US')} 个字，超过了 ${POLICY_FILE_LIMITS.maxChars.toLocaleString('en-US')} 个字的上限（一份政策文件通常只有几万字）。请确认选对了文件，或只复制政策正文粘贴`,
  encrypted: '文件设置了密码，无法读取。请在 Word 或 WPS 中打开它，取消密码后另存为 .docx，或直接复制全文粘贴',
  damaged: (part: string) => `文件已损坏：其中“${part}”的数据校验不通过（文件在复制或下载时出了错）。请重新索取或下载后再打开，或直接复制全文粘贴`,
  notText: '这不是纯文本文件（可能是 Word、压缩包或其他格式改了扩展名）。请打开 .docx 文件，或复制全文粘贴',
  readFailed: (name: string, why: string) => `无法读取文件“${name}”：${why}。`,
  unsupported: (name: string) => `不支持文件“${name}”的格式：请打开 .txt 或 .docx 文件；PDF 请先复制全文后粘贴。`,
  tasksCount: (n: number, t: number) => `任务 ${n} 项，目标 ${t} 个`,
  doubtful: '需核对',
};
