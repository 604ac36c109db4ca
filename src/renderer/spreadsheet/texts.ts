/**
 * The officer-facing Chinese of spreadsheet/: refusals and warnings of reading a file, and the
 * captions and hints written into generated workbooks. Sheet names, titles and column headers
 * that are a file format's fixed words live in format-texts.ts.
 */
import { IMPORT_FILE_LIMITS as IMPORT_LIMITS, MAX_CELL_CHARS } from '@core/limits';

const MB = (n: number) => (n / 1024 / 1024).toFixed(1);
const LIMIT_MB = (n: number) => Math.round(n / 1024 / 1024);
const n0 = (n: number) => n.toLocaleString('en-US');

/** The Chinese refusals and warnings of reading a file (spreadsheet/read-sheet.ts), each naming the file, sheet or cell and the bound. */
export const READ_TEXT = {
  tooBig: (name: string) => `文件“${name}”超过了 ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB 的上限。请删去无关的工作表或图片后另存，再导入。`,
  tooManyRows: (name: string, rows: number) =>
    `文件“${name}”共有 ${n0(rows)} 行，超过了 ${n0(IMPORT_LIMITS.maxRows)} 行的上限。请只保留任务清单所在的工作表后再导入。`,
  tooManyCells: (name: string, where: string, cells: number) =>
    `文件“${name}”${where}有 ${n0(cells)} 个单元格，超过了 ${n0(IMPORT_LIMITS.maxCells)} 个单元格的上限（行数 × 用到的列数）。请删去任务表以外的行、列和工作表（或只把任务清单复制到新工作簿）后另存，再导入。`,
  sheetCells: (sheet: string, rows: number, cols: number) => `的工作表“${sheet}”共 ${n0(rows)} 行 × ${n0(cols)} 列，`,
  partTooBig: (name: string, part: string, bytes: number) =>
    `文件“${name}”里的“${part}”解压后有 ${MB(bytes)} MB 以上，超过了每部分 ${LIMIT_MB(IMPORT_LIMITS.maxPartBytes)} MB 的上限（解压后大小）。这不像一份任务清单；请在 Excel 或 WPS 中打开它，只把任务清单复制到新工作簿后另存，再导入。`,
  totalTooBig: (name: string, bytes: number) =>
    `文件“${name}”解压后有 ${MB(bytes)} MB 以上，超过了 ${LIMIT_MB(IMPORT_LIMITS.maxInflatedBytes)} MB 的上限（解压后大小）。请只把任务清单复制到新工作簿后另存，再导入。`,
  tooManyParts: (name: string, count: number) =>
    `文件“${name}”由 ${n0(count)} 个部分组成，超过了 ${n0(IMPORT_LIMITS.maxEntries)} 个的上限。这不像一份任务清单；请在 Excel 或 WPS 中打开它，只把任务清单复制到新工作簿后另存，再导入。`,
  xlsTooBig: (name: string, bytes: number) =>
    `旧版 Excel 文件“${name}”有 ${MB(bytes)} MB，超过了 .xls 文件 ${LIMIT_MB(IMPORT_LIMITS.maxXlsBytes)} MB 的上限。请在 Excel 或 WPS 中打开它，“另存为” .xlsx 后再导入。`,
  empty: (name: string) => `文件“${name}”是空的（0 字节）。请确认选对了文件。`,
  notSpreadsheet: (name: string) =>
    `文件“${name}”不是电子表格。请选择 Excel 工作簿（.xlsx、.xls）或逗号分隔的 .csv 文件；Word、PDF 和图片不能导入。`,
  password: (name: string) => `文件“${name}”设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿）后另存，再导入。`,
  corrupted: (name: string) =>
    `文件“${name}”已损坏或不完整，无法读取。请向发来这个文件的单位重新索取，或在 Excel / WPS 中打开后“另存为” .xlsx 再导入。`,
  damaged: (name: string, part: string) =>
    `文件“${name}”已损坏：其中“${part}”的数据校验不通过（文件在复制或下载时出了错）。请向发来这个文件的单位重新索取，或重新下载后再导入。`,
  noSheets: (name: string) => `文件“${name}”里没有任何工作表。`,
  unclosedQuote: (name: string, row: number, column: string) =>
    `文件“${name}”第 ${row} 行 ${column}列的英文双引号（"）没有配对的结束引号：从这一格起，文件后面的各行都会被读进这一格，无法读出清单。本次没有导入任何内容。请用记事本打开这个文件，找到第 ${row} 行的这个引号，补上结束的引号或删去它，保存后再导入。`,
  textAsXlsx: (name: string) =>
    `文件“${name}”的扩展名是 .xlsx，但里面是文字，不是 Excel 工作簿（可能是改了扩展名的文本或 CSV 文件）。请在 Excel 或 WPS 中打开原来的清单，“另存为” .xlsx 后再导入；如果它本来是 CSV，请把扩展名改回 .csv。`,
  otherFormat: (name: string) =>
    `文件“${name}”是 .ods 或 .xlsb 格式，本程序只读取 .xlsx、.xls 和 .csv。请在 Excel 或 WPS 中打开它，“另存为” .xlsx 后再导入。`,
  tooManyElements: (name: string, n: number) =>
    `文件“${name}”的内部结构有 ${n0(n)} 个元素，超过了 ${n0(IMPORT_LIMITS.maxElements)} 个的上限，这不像一份任务清单。请在 Excel 或 WPS 中打开它，只把任务清单复制到新工作簿后另存，再导入。`,
  tooManyTags: (name: string, n: number, what: string, max: number) =>
    `文件“${name}”里有 ${n0(n)} ${what}，超过了 ${n0(max)} 的上限，这不像一份任务清单。请在 Excel 或 WPS 中打开它，只把任务清单复制到新工作簿后另存，再导入。`,
  tooManyMerged: (name: string, sheet: string, cells: number) =>
    `文件“${name}”的工作表“${sheet}”中合并单元格共覆盖 ${n0(cells)} 个单元格，超过了 ${n0(IMPORT_LIMITS.maxCells)} 个的上限。请取消不必要的合并（或只把任务清单复制到新工作簿）后另存，再导入。`,
  cellTooLong: (sheet: string, row: number, column: string, chars: number) =>
    `工作表“${sheet}”${column}${row} 单元格有 ${n0(chars)} 个字，超过了 Excel 每个单元格 ${n0(MAX_CELL_CHARS)} 个字的上限。请把这一格的内容删短（或移到附件）后再导入。`,
  cellAtLimit: (sheet: string, row: number, column: string) =>
    `工作表“${sheet}”${column}${row} 单元格正好 ${n0(MAX_CELL_CHARS)} 个字，达到 Excel 每个单元格的上限：文件里的原文可能更长，读入时已被截断。请把这一格的内容删短（或移到附件）后再导入。`,
  errorValue: (file: string, sheet: string, row: number, column: string, value: string) =>
    `文件“${file}”工作表“${sheet}”${column}${row} 单元格（第 ${row} 行 ${column}列）是错误值“${value}”（公式引用的内容已删除或找不到），这一格原本写的是什么读不出来，本次不能导入，台账不会有任何改动。请在 Excel 或 WPS 中打开文件，把这一格改成正确的内容（或把公式换成文字）后另存，再导入。`,
  errorValueUnread: (file: string, sheet: string, row: number, column: string, value: string) =>
    `文件“${file}”工作表“${sheet}”${column}${row} 单元格是错误值“${value}”。这一格不在导入的栏目里（不是任务编号、任务名称、单位、完成时限等），已略过，不影响导入；如这一栏要报回市里，请在 Excel 或 WPS 中改正。`,
  cutSheet: (file: string, sheet: string, row: number, column?: string) =>
    `文件“${file}”已损坏或不完整：工作表“${sheet}”的内容在第 ${row} 行${column ? ` ${column}列` : ''}之后就断了（文件在生成、保存或传送时出了错），读不出整份清单，本次没有导入任何内容。请向发来这个文件的单位重新索取后再导入。`,
  formulaText: (sheet: string, row: number, column: string, formula: string) =>
    `工作表“${sheet}”${column}${row} 单元格是公式“=${formula.length > 60 ? `${formula.slice(0, 60)}…` : formula}”，文件里没有保存它的计算结果（常见于程序生成的表格），已按公式文字读入。请核对这一格；如需结果，请在 Excel 或 WPS 中打开文件、保存后再导入。`,
  stageOpen: '正在打开文件',
  stageCheck: '正在检查文件',
  stageParse: '正在解析表格',
  stageCells: '正在读取单元格',
  /** What an .xlsx part holds too many of (shown inside tooManyElements-style messages). */
  counted: {
    sharedStrings: '个共享文字',
    cellFormats: '种单元格格式',
    merges: '处合并单元格',
    hyperlinks: '个超链接',
  },
} as const;

/** How a read cell is named and shown as text. */
export const CELL_TEXT = {
  /** The column of an issue: A列. */
  column: (col: string) => `${col}列`,
  /** An error cell whose code the reader did not give. */
  errorValue: '错误值',
  /** A TRUE/FALSE cell read as text. */
  true: '是',
  false: '否',
  /** A date cell formatted to show only its month (2026年6月) or only its year (2026年). */
  month: (y: number, m: number) => `${y}年${m}月`,
  year: (y: number) => `${y}年`,
} as const;

/** Captions written into the city's files (spreadsheet/round-city.ts). */
export const CITY_TEXT = {
  listNote: (dueDate: string) => `请用“导入更新”把本清单导入本区台账，填报本期进展后，于${dueDate}前导出“重点任务推进情况表”报送市科技创新局。`,
  summaryNote: (madeAt: string, tasks: number) => `汇总时间：${madeAt} · 共 ${tasks} 项任务`,
  lagging: (districts: readonly string[]) => `滞后：${districts.join('、')}`,
  missing: (districts: readonly string[]) => `未报送：${districts.join('、')}`,
  notReported: '未报送',
  /** A district that sent its return and left this task blank. */
  notFilled: '未填报',
  unfilled: (districts: readonly string[]) => `未填报：${districts.join('、')}`,
  totals: (parts: readonly string[]) => `状态合计：${parts.join('，')}`,
} as const;

/** The drop-down and number checks of a unit's workbook (spreadsheet/round-write.ts). */
export const ROUND_SHEET_TEXT = {
  statusTitle: '本期状态',
  statusError: '请从下拉列表中选择本期状态。',
  percentTitle: '完成进度',
  percentError: '完成进度请填 0 到 100 之间的数字（不带 % 号）。',
  percentPrompt: '填 0–100 的数字',
  valueTitle: '本期实际值',
  valueError: '本期实际值请只填数字（不带单位和文字）。',
  valuePrompt: '只填数字，单位见“目标”一列',
} as const;

/** Refusal of adding charts to a report without its anchor sheet (spreadsheet/report-images.ts). */
export const CHART_TEXT = {
  noAnchor: (sheet: string) => `工作簿中没有“${sheet}”工作表，无法插入图表`,
  /** A chart page's title: 汉阳区2026年第四季度 任务状态分布. */
  title: (caption: string, chart: string) => `${caption} ${chart}`,
  /** A chart page's footer (Excel header/footer codes): the chart's name and 第 k 页，共 N 页. */
  footer: (chart: string) => `${chart.replace(/&/g, '&&')}  第 &P 页，共 &N 页`,
} as const;

/** Refusal of a template file that is not an .xlsx workbook (spreadsheet/template-read.ts). */
export const TEMPLATE_READ_TEXT = {
  notXlsx: '无法读取这个文件：它不是 .xlsx 格式的 Excel 工作簿（.xls 或 WPS 的 .et 请先另存为 .xlsx），或者文件已损坏。',
} as const;

/** The status drop-down's refusal in the built-in templates (spreadsheet/template-builtin.ts). */
export const TEMPLATE_TEXT = {
  statusErrorTitle: '状态不正确',
  statusError: (labels: readonly string[]) => `请从下拉列表中选择：${labels.join('、')}`,
} as const;
