/** Chinese messages of the round rules (shown by the rounds page). */
import { localDateTime } from '../time';

export const RETURN_TEXT = {
  alreadyApplied: (fileName: string, at: string) => `这个文件已经导入过（${fileName}，${localDateTime(at)}），不再重复导入。`,
  sameFileTwice: (other: string) => `与本次拖入的“${other}”是同一个文件，只导入一次。`,
  otherDistrict: (d: string) => `这是发给${d}的文件，不是本区的，没有导入。`,
  wrongPeriod: (got: string, want: string) => `这是${got}下发的文件，本次回收的是${want}，没有导入。请让该单位用本期下发的文件填报。`,
  wrongPeriodTitle: (got: string, want: string) => `表头写的是“${got}”，本次回收的是“${want}”，没有导入。请确认是本期的填报表。`,
  periodUnknown: (want: string) => `文件中看不出填报期次，按本期（${want}）处理，请核对。`,
  unitNotInRound: (unit: string) => `本期没有给“${unit}”下发任务，没有导入。`,
  otherRound: '这个文件来自本期较早的一次下发，按其任务编号导入，请核对。',
  bindingDamaged: '文件中的下发标识被改动过，无法确认来源；已按表头和任务编号匹配，请核对。',
  noBinding: '文件中没有下发标识（可能是另存或复制到了新文件），已按表头和任务编号匹配，请核对。',
  reportForCity: '这是某区导出给市里的推进情况表，不是本区下发后交回的文件，没有导入。',
  cityByTitle: '按表头中的区名、期次和各列名称识别（文件中没有本程序导出时写入的标识，可能是手工制作或另存过），请核对。',
  unknownUnit: '认不出这是哪个承办单位的文件（标题和文件名中都没有本期下发的单位名称），没有导入。请在文件名中写明单位名称后再拖入。',
  noTable: '文件中找不到填报表（需要有“任务编号”或“任务名称”列，以及“进展情况”或“本期状态”列），没有导入。',
  unitTwiceInDrop: (unit: string, other: string) => `本次拖入的“${other}”也是${unit}的文件。同一单位只能导入一份，请去掉其中一份后再导入这个。`,
  fileNameOtherUnit: (named: string, bound: string) =>
    `文件名写的是“${named}”，但表内的下发标识是“${bound}”，按${bound}的报送导入。如果这其实是${named}的报送，请勿导入，让${named}在下发给它的表中填写后再报回。`,
  mergedCells: (sheet: string, rows: string, columns: string, first: string) =>
    `工作表“${sheet}”第 ${rows} 行 ${columns} 列是合并单元格：其中的文字只算作“${first}”，没有复制到其他列。如其他列另有内容，请填报单位取消合并、分别填写后重新报回。`,
  unitReturnedBefore: (fileName: string, at: string) => `该单位已于 ${localDateTime(at)} 报回过（${fileName}），本次为再次报送。`,
  unknownIndicator: (name: string, id: string) =>
    `指标${name ? `“${name}”` : ''}${id ? `（指标编号 ${id}）` : ''}在台账中找不到，可能是指标编号被改动或该指标已删除，这一行的本期实际值没有导入。请在台账中填写，或让填报单位在下发的原表中填写后重新报回。`,
  indicatorNotAssigned: (name: string, key: string, unit: string) => `指标“${name}”属于任务 ${key}，这项任务没有下发给${unit}，这一行的本期实际值没有导入。`,
  indicatorTwice: (name: string, row: number) => `指标“${name}”在第 ${row} 行已经出现过，已按第 ${row} 行导入，这一行没有导入；如两行不同，请与填报单位核实。`,
  indicatorHeaderLost: (sheet: string, row: number) =>
    `工作表“${sheet}”的表头（第 ${row} 行：指标名称、本期实际值、指标编号等）被改动或删除，无法确定各列，其中的数值没有导入。请让填报单位在下发的原表中填写后重新报回，或由本办在台账中填写。`,
  indicatorByName: (id: string, name: string, key: string) => `指标编号“${id}”不对，已按指标名称对应到任务 ${key} 的“${name}”，请核对。`,
  indicatorNameDiffers: (id: string, name: string, written: string) => `指标编号 ${id} 是“${name}”，表中写的指标名称是“${written}”，已按指标编号导入，请核对。`,
  badIndicatorValue: (name: string, text: string) =>
    `指标“${name}”的本期实际值“${text}”不是一个数字，这一格没有导入。请在台账中填写，或让填报单位只填数字后重新报回。`,
  formulaIndicatorValue: (name: string, text: string) =>
    `指标“${name}”的本期实际值“${text}”是公式，文件里没有保存它的计算结果，这一格没有导入。请填报单位用 Excel 或 WPS 打开文件、保存一次后重新报回，或由本办在台账中填写。`,
  /** What became of a cell left out, as indicatorValueProblem says it. */
  cellNotRead: '这一格没有导入',
  /** After indicatorValueProblem's reason (said with cellNotRead). */
  impossibleIndicatorValue: (problem: string) => `${problem}可在台账中填写，或让填报单位改正后重新报回。`,
  rowWithoutTask: '这一行没有任务编号和任务名称，但填写了内容，无法确定是哪项任务，没有导入。',
  matchedByTitle: (title: string, key: string) => `任务编号缺失或不对，按任务名称“${title}”对应到 ${key}。`,
  unknownTask: (what: string) => `找不到任务“${what}”，这一行没有导入。`,
  notAssigned: (key: string, unit: string) => `任务 ${key} 不是下发给${unit}的，这一行没有导入。`,
  taskTwice: (key: string, row: number) => `任务 ${key} 在第 ${row} 行已经出现过，这一行没有导入。`,
  badStatus: (text: string) =>
    `本期状态“${text}”不在可选范围内（未启动、序时推进、超序时推进、滞后、已完成、长期坚持），这一格没有导入；这一行的其他内容已导入。请在台账中选择状态，或让填报单位改正后重新报回。`,
  badPercent: (text: string) =>
    `完成进度“${text}”不是 0–100 之间的整数，这一格没有导入；这一行的其他内容已导入。请在台账中填写完成进度（如 60），或让填报单位改成整数后重新报回。`,
  formulaPercent: (text: string) =>
    `完成进度“${text}”是公式，文件里没有保存它的计算结果，这一格没有导入；这一行的其他内容已导入。请填报单位用 Excel 或 WPS 打开文件、保存一次后重新报回，或由本办在台账中填写。`,
  otherSheetRead: (form: string, other: string, n: number) =>
    `工作表“${form}”没有填写；工作表“${other}”中填写了 ${n} 项（表头与下发的表相同），已按“${other}”读取，请核对。以后请让该单位直接在“${form}”中填写。`,
  otherSheetAlsoFilled: (form: string, other: string, n: number, sent: boolean) =>
    `工作表“${other}”也填写了 ${n} 项（表头与${sent ? '下发的表' : '所读的表'}相同，内容不同），没有读取：已按${sent ? '下发的' : ''}“${form}”读取。如“${other}”中的内容才是要报的，请让该单位把它们填到“${form}”中后重新报回，或由本办在台账中填写。`,
  otherSheetUnread: (form: string, other: string, keys: readonly string[]) =>
    `工作表“${form}”没有填写，但工作表“${other}”中写有 ${keys.length} 项下发的任务编号（${keys.slice(0, 5).join('、')}${keys.length > 5 ? '等' : ''}），那张表没有下发表格的表头，没有读取。请让该单位把内容填到“${form}”中后重新报回，或由本办在台账中填写。`,
  outsideCityList: (keys: readonly string[]) => `表中另有 ${keys.length} 项任务不在本次下发给该区的清单中（${keys.slice(0, 5).join('、')}${keys.length > 5 ? '等' : ''}），没有汇总。`,
  textOutsideColumns: (sheet: string, cell: string, text: string) =>
    `工作表“${sheet}”${cell} 单元格写有“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”，这一列没有表头，不是填报的栏目，没有导入。如这是本期的进展，请在台账中补填，或让填报单位写到“进展情况”等栏目后重新报回。`,
  rowsMissing: (keys: readonly string[]) => `文件中少了 ${keys.length} 项下发的任务（${keys.slice(0, 5).join('、')}${keys.length > 5 ? '等' : ''}），可能被删除了行；这些任务按未报回处理。`,
} as const;
