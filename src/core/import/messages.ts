/** The Chinese messages of import planning: each says what is wrong, where, and what to do. */
import type { TaskFieldId } from '../fields';
import { taskField } from '../fields';
import { taskCode, type Task } from '../model';

const h = (f: TaskFieldId) => taskField(f).header;

export const IMPORT_MESSAGES = {
  /** How a row struck through (删除线) is named as the city's mark, e.g. in 删除's 归档原因. */
  struckMark: '删除线',
  emptySheet: (sheet: string) => `工作表“${sheet}”是空的，没有任何内容。请选择有任务清单的工作表，或检查文件是否选对。`,
  noHeader: (sheet: string) =>
    `工作表“${sheet}”里没有找到表头（应有“${h('title')}”“${h('leadUnits')}”“${h('deadline')}”等列名）。请确认这是任务清单，或在“调整列对应”中指定各列。`,
  requiredMissing: (sheet: string, row: number, field: TaskFieldId) => {
    const instead = taskField(field).orInstead;
    const or = instead ? `，或“${h(instead)}”列（也可叫 ${taskField(instead).aliases.slice(1, 4).join('、')}）` : '';
    return `工作表“${sheet}”第 ${row} 行的表头里没有“${h(field)}”列（也可叫 ${taskField(field).aliases.slice(1, 4).join('、')}）${or}。请在“调整列对应”中指定哪一列是“${h(field)}”。`;
  },
  duplicateColumn: (sheet: string, field: TaskFieldId, used: string, other: string, otherHidden = false) =>
    `工作表“${sheet}”有两列都像“${h(field)}”：${used} 和 ${other}${otherHidden ? '（后者是隐藏列）' : ''}。已使用 ${used}，请在“调整列对应”中确认。`,
  districtLevelColumn: (sheet: string, row: number, column: string) =>
    `工作表“${sheet}”第 ${row} 行表头的 ${column}写的是区里的承办单位，不是市里定的${h('leadUnits')}或${h('responsibleUnits')}，这一列不导入，台账中各任务的单位保持不变。如它其实就是任务的${h('responsibleUnits')}，请在“调整列对应”中指定。`,
  districtNameColumn: (sheet: string, row: number, column: string) =>
    `工作表“${sheet}”第 ${row} 行表头的 ${column}写的是各行所属的区（一个任务按区各列一行），不是任务的${h('leadUnits')}或${h('responsibleUnits')}，这一列不导入，台账中各任务的单位保持不变；同一任务的各行按一项任务读。`,
  districtMatrix: (sheet: string, row: number, first: string, last: string, count: number) =>
    `工作表“${sheet}”第 ${row} 行的 ${first}至${last}是各区一区一列的分工（共 ${count} 列，标 ✓、●、牵头、配合等）。这些列不导入，台账中各任务的${h('leadUnits')}和${h('responsibleUnits')}保持不变，以清单的“${h('leadUnits')}”“${h('responsibleUnits')}”列为准；本区是否承担某项任务，请对照原文件核实。`,
  otherListSheets: (file: string, sheet: string, others: readonly string[]) =>
    `文件 ${file} 里还有工作表${others.map((o) => `“${o}”`).join('、')}也是任务清单，本次只导入工作表“${sheet}”。如${others.length > 1 ? '它们是' : '它是'}另一份清单（例如另一个文件的任务），请在本次导入后再导入一次本文件，选择工作表“${others[0]}”${others.length > 1 ? '等' : ''}。`,
  renameHint: (sheet: string, from: string, to: string, tasks: number, rows: readonly number[]) =>
    `工作表“${sheet}”里没有“${from}”：台账中写它的 ${tasks} 个任务，清单都写成了“${to}”（第 ${rows.join('、')} 行），这些任务的单位都列为“修改”。` +
    `如“${from}”已改名为“${to}”，请在“设置 → 单位名称对照”中添加“${from} → ${to}”后重新导入，这些任务就只做名称统一、不算修改；如确是换了单位，请逐项核对“修改”。`,
  keyOfOtherTask: (sheet: string, row: number, column: string, key: string, coded: Task, matched: Task) =>
    `工作表“${sheet}”第 ${row} 行 ${column}写的是“${key}”，但这一行的内容是台账中的 ${taskCode(matched)}“${matched.title}”，与 ${taskCode(coded)}“${coded.title}”不符。` +
    `已按内容对应到 ${taskCode(matched)}，不按编号修改 ${taskCode(coded)}。请向市里核实这一行的任务编号；如确是 ${taskCode(coded)} 改写了内容，请在“任务台账”中手动修改。`,
  fullNameRename: (sheet: string, from: string, to: string, tasks: number, rows: readonly number[], toFull: boolean) =>
    `工作表“${sheet}”里没有“${from}”：台账中写它的 ${tasks} 个任务，清单都写成了它的${toFull ? '全称' : '简称'}“${to}”（第 ${rows.join('、')} 行），按同一单位处理${toFull ? '（名称统一）' : ''}，不算修改。` +
    `如确是换了单位，请在“名称统一”中取消勾选，并逐项核对这些任务的单位。`,
  repeatedRows: (sheet: string, rows: readonly number[], firstOf: number) =>
    `工作表“${sheet}”第 ${rows.join('、')} 行（共 ${rows.length} 行）各与上面的某一行写的是同一项任务，内容完全相同（如第 ${rows[0]} 行同第 ${firstOf} 行，只有序号或不导入的列不同，例如一个任务按区各列一行），每项任务只读一次。如其中确有不同的任务，请在文件中改正后重新导入。`,
  duplicateKey: (sheet: string, row: number, key: string, firstRow: number) =>
    `工作表“${sheet}”第 ${row} 行的任务编号“${key}”与第 ${firstRow} 行重复。任务编号必须唯一，请改正文件后重新导入。`,
  noRows: (sheet: string) => `工作表“${sheet}”在表头下面没有任务行。请检查是否选对了工作表。`,
  noteRow: (sheet: string, row: number, gap: number) =>
    `工作表“${sheet}”第 ${row} 行在任务下方 ${gap} 个以上空行之后，只有一格文字，按表后说明处理，没有导入。如它是一项任务，请删去它上面的空行、写上序号后重新导入。`,
  droppedUnmatched: (sheet: string, row: number, column: string, mark: string, title: string, near?: string) =>
    `工作表“${sheet}”第 ${row} 行 ${column}写着“${mark}”，但台账中没有确定与“${title}”对应的任务${near ? `（最接近的是 ${near}）` : ''}，这一行没有导入，也没有归档任何任务。` +
    `如台账中确有这项任务，请在“任务台账”中找到它手动归档。`,
  progressNotImported: (sheet: string, column: string, rows: number) =>
    `工作表“${sheet}”的 ${column}有 ${rows} 行写了进展。导入只更新任务清单，这些内容不导入，台账中本区已填写的进展不会被改动或覆盖；如需参考文件中写的进展，请打开原文件查看。`,
  rowWithoutTitle: (sheet: string, row: number) =>
    `工作表“${sheet}”第 ${row} 行没有“${h('title')}”内容，这一行不会导入。如需导入，请补上任务名称。`,
  impossibleDeadline: (sheet: string, row: number, cell: string, date: string) =>
    `工作表“${sheet}”第 ${row} 行的完成时限“${cell}”中的“${date}”不是日历上有的日期。导入后按原文保留、不算到期日，请向市里核实后在台账中改正。`,
  numberDeadline: (sheet: string, row: number, column: string, cell: string, date: string) =>
    `工作表“${sheet}”第 ${row} 行 ${column}的完成时限是一个数字“${cell}”，已按日期读作 ${date}。请核对；如不对，请在文件中把这一格写成日期（如 2025年12月底前）后重新导入。`,
  monthFirstDeadline: (sheet: string, row: number, column: string, cell: string, date: string) =>
    `工作表“${sheet}”第 ${row} 行 ${column}的完成时限“${cell}”中月和日都不超过 12，已按“月/日/年”（英文版 Excel 的写法）读作 ${date}。请核对；如不对，请在文件中写成“2026年6月3日”这样的写法后重新导入。`,
  hiddenRow: (sheet: string, row: number) =>
    `工作表“${sheet}”第 ${row} 行是隐藏行，已按清单中有这一任务处理。如市里已删去这一任务（只是把这一行隐藏了），请在文件中删除这一行后重新导入。`,
  hiddenRowSuperseded: (sheet: string, row: number, by: number) =>
    `工作表“${sheet}”第 ${row} 行是隐藏行，与第 ${by} 行写的是同一项任务（多半是修改前的旧行），已按没有隐藏的第 ${by} 行导入，第 ${row} 行不导入。如两行其实是不同的任务，请在文件中取消隐藏、改正后重新导入。`,
  filteredRows: (sheet: string, rows: readonly number[]) =>
    `工作表“${sheet}”开着筛选，第 ${rows.join('、')} 行（共 ${rows.length} 行）被筛选隐藏，已按清单中有这些任务处理（筛选隐藏不是删除）。如要核对，请在原文件中取消筛选查看。`,
  unknownDocument: (sheet: string, row: number, name: string, rows: number) =>
    `工作表“${sheet}”第 ${row} 行的文件“${name}”不在本台账中，将作为新文件一并导入：写这个文件的 ${rows} 行都作为新任务，不与台账中已有的任务对应。` +
    `如它是台账中已有的文件、只是写法不同，请把清单中的文件名改成“政策文件”中的名称（或其简称、文号）后重新导入。`,
  districtList: (sheet: string, row: number, district: string, kept: number) =>
    `工作表“${sheet}”第 ${row} 行（标题或填报单位）写的是${district}，本清单按${district}的清单处理：只有与${district}相关、清单里已没有的任务才会归档` +
    (kept > 0 ? `；另有 ${kept} 个任务与${district}无关，清单里没有也不归档` : '') +
    `。如这不是${district}的清单，请把第 ${row} 行的区名删去后重新导入。`,
  partialList: (sheet: string, doc: string, listed: number, total: number) =>
    `工作表“${sheet}”只列了“${doc}”${total} 个任务中的 ${listed} 个（不到一半），看上去只是其中一部分，所以清单里没有的 ${total - listed} 个任务本次都不归档。` +
    `如市里确已删去这些任务，请在清单中加一列“文件”，每行写上“${doc}”后重新导入，清单里没有的任务就会列入“删除”。`,
  changesList: (sheet: string, doc: string, listed: number, total: number) =>
    `工作表“${sheet}”是一份调整清单（按“调整”“新增”“删除”分列改动的任务），只核对其中列出的“${doc}”${listed} 项；它其余 ${total - listed} 个任务照常保留，不归档。`,
  citedItems: (sheet: string, doc: string, listed: number, total: number) =>
    `工作表“${sheet}”是按条目引用任务的督办清单，列了“${doc}”${total} 个任务中的 ${listed} 项，不是这个文件的全部任务：只核对这 ${listed} 项，清单里没有的 ${total - listed} 个任务照常保留，不归档。`,
  partialNamedList: (sheet: string, doc: string, listed: number, total: number) =>
    `工作表“${sheet}”的“文件”列写明了“${doc}”，但只列了它 ${total} 个任务中的 ${listed} 个，其余任务将归档（见“删除”）。如这份清单只是其中一部分任务，请在“删除”中取消勾选不应归档的任务。`,
  ambiguousChoiceMissing: (count: number) => `还有 ${count} 行需要您确认对应哪个任务（在“需确认”中选择）。`,
  tooManyConfirmations: (sheet: string, count: number, max: number) =>
    `工作表“${sheet}”有 ${count.toLocaleString('en-US')} 行无法自动对应到台账中的任务，需要逐行确认，超过了 ${max} 行的上限，本次没有导入任何内容。请确认选对了工作表；如是新文件的清单，请先在“政策文件”中添加该文件，或在表中加上“任务编号”列后再导入。`,
  choiceTaken: (row: number, key: string) => `第 ${row} 行选择的任务 ${key} 已被其他行对应，这一行按“跳过”处理。`,
} as const;
