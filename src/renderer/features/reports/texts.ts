/** User-facing text of 报表导出, in one place. */

/**
 * What a period's report lacks, in the one sentence the 导出前检查, the export confirmation and the
 * 报送 dialog all say (counts from core/report missingCounts; 未填写 is the 工作台's 未填报).
 */
function missingSentence(total: number, empty: number, partial: number): string {
  const parts = [empty > 0 ? `${empty} 项还没有填写（与工作台“本期未填报”一致）` : '', partial > 0 ? `${partial} 项已填写但缺状态或进展情况` : ''].filter(Boolean);
  return `本期 ${total} 项任务中，${parts.join('，')}。`;
}

export const REPORTS_TEXT = {
  title: '报表导出',
  intro: '选择报告期和报表，检查本期缺项后“预览/导出”查看或打印（不锁定）；确认无误后点“报送”，生成本期报送的全部文件并记入报送记录、锁定本期。导出的 Excel 按市里模板排版，可直接用 A4 横向打印、盖章。',
  period: '报告期',
  report: '报表',
  templateBuiltin: '使用内置模板',
  templateCustom: (fileName: string) => `使用本单位加载的模板：${fileName}（可在“设置 → 报表模板”中更换或恢复内置模板）`,
  checkTitle: '导出前检查',
  checking: '正在检查本期填报情况……',
  pastDocuments: (docs: readonly { title: string; endYear: number; count: number }[]) =>
    `本期报表中有 ${docs.reduce((n, d) => n + d.count, 0)} 项任务属于已到期的文件（${docs.map((d) => `《${d.title}》${d.endYear}年止 ${d.count} 项`).join('，')}）。已办结的任务可在“任务台账”点“批量销号”办结，办结后下期起不再列入报表；仍在推进的照常填报。`,
  pastDocumentsGo: '去任务台账',
  noClusters: '本区还没有产业集群，“产业集群推进情况表”将是一张空表，报送时默认不附。如本区承担产业集群建设任务，请先在“产业集群”页添加集群。',
  noClustersGo: '去产业集群',
  /** Clusters whose row of the 产业集群推进情况表 would print empty columns (walk9 Z10). */
  blankClusters: (items: string[]) => `产业集群推进情况表中有空白栏目：${items.join('；')}。报表会照此打印，请在“产业集群”页填写重点方向、集群指标和本期进展后再导出。`,
  blankCluster: (name: string, blank: string[]) => `${name}（${blank.join('、')}）`,
  headerFields: { unit: '填报单位', filledBy: '填报人', phone: '联系电话', reviewer: '审核人' },
  headerBlank: (fields: readonly string[], unitFallback?: string) =>
    `报表表头还没有填写${fields.join('、')}${unitFallback ? `（填报单位将印作“${unitFallback}”）` : ''}：导出和报送的报表上这些位置会是空的。请在下方“报表表头”填写，盖章前核对。`,
  checkOk: (n: number) => `本期 ${n} 项任务都已填写状态和进展情况，可以导出。`,
  checkMissing: (total: number, empty: number, partial: number) =>
    `${missingSentence(total, empty, partial)}可以先到“任务台账”补填，也可以仍然导出（缺项在表中留空）。`,
  missingStatus: '未填状态',
  missingProgress: '未填进展情况',
  colSeq: '序号',
  colKey: '任务编号',
  colTitle: '重点任务',
  colMissing: '缺少',
  checkClashes: (n: number) => `${n} 项任务的状态与完成进度不一致（如“已完成”而进度不足 100%，进度 100% 而未选“已完成”，“未启动”而进度大于 0），报表会照此打印。请在任务台账中核对改正后再导出。`,
  colClash: '状态 / 完成进度',
  checkLate: (n: number) => `${n} 项任务已过完成时限仍未完成，本期状态却填“序时推进”或“超序时推进”，报表会照此打印。请在任务台账中核对：改为“滞后”并写明原因，或完成后改为“已完成”。`,
  colLate: '本期状态 / 完成时限',
  lateTag: (status: string, deadline: string) => `${status} / ${deadline}`,
  checkAboveWhole: (n: number) => `指标完成情况表中有 ${n} 个本期实际值超过了全市目标，报表会照此打印。请核对是否多输了位数或填成了别的指标。`,
  aboveWholeItem: (seq: number, reason: string) => `序号 ${seq}：${reason}`,
  aboveWholeGo: '去指标跟踪',
  export: '预览/导出 Excel',
  exporting: '正在生成报表……',
  confirmTitle: '还有未填写的任务',
  confirmBody: (total: number, empty: number, partial: number) => `${missingSentence(total, empty, partial)}导出后这些单元格是空的。确定仍然导出吗？`,
  exportAnyway: '仍然导出',
  cancel: '返回补填',
  saveTitle: '保存报表',
  excelFilter: 'Excel 工作簿',
  saved: (name: string) => `已保存：${name}。这只是导出，不算报送，本期没有锁定。`,
  canceled: '已取消保存，没有生成文件。',
  failed: (why: string) => `报表没有导出成功：${why}。已填写的内容都还在，请检查后重试。`,
  templateBroken: '报表模板有问题，请到“设置 → 报表模板”中重新加载或恢复内置模板。',
  submissionsTitle: '本期报送记录',
  withCharts: '在“汇总”表中附上工作台图表（任务状态、各文件完成情况、各期完成数；指标填了实际值并有区级分解目标时另附指标完成情况与序时进度）',
  summarySheet: '汇总',
  noSubmissions: '本期还没有报送。预览/导出不会记入这里。',
  colAt: '报送时间',
  colFile: '报送文件及校验码',
  colCounts: '任务填写情况',
  counts: (filled: number, empty: number) => `已填 ${filled} 项，未填 ${empty} 项`,
  submit: '报送…',
  submitLocked: '本期已报送',
  submitTitle: (period: string) => `报送${period}报表`,
  submitCounts: (total: number, empty: number, partial: number) =>
    empty + partial > 0 ? `${missingSentence(total, empty, partial)}报送后表中缺项留空。` : `本期 ${total} 项任务都已填写状态和进展情况，可以报送。`,
  submitWhich: '报送哪些报表：',
  submitFiles: (n: number) => `将生成并保存 ${n} 个文件：`,
  submitExplain:
    '点“确认报送”后，逐个保存上面的文件；全部保存后记为一次报送（记下每个文件的校验码，日后可核对发出的是否就是这份文件），并锁定本期进展，防止报送后误改。如需修改，可在“报送情况”中解锁（解锁记入修改记录）后重新报送。任一文件取消保存，则不记报送、不锁定。',
  submitOk: '确认报送',
  cancelSubmit: '再看看',
  submitSaveTitle: (report: string) => `保存报送文件：${report}`,
  submitted: (n: number) => `已报送：${n} 个文件记为一次报送，本期进展已锁定。`,
  submitCanceled: (saved: string[]) =>
    saved.length ? `已取消报送：没有记报送，本期没有锁定（已保存的 ${saved.join('、')} 只算导出）。` : '已取消报送：没有记报送，本期没有锁定。',
  submitFailed: (why: string) => `报送没有完成：${why}。没有记报送，本期没有锁定，已填写的内容都还在。`,
  alreadyLocked: '本期已经报送并锁定。如需重新报送，请先在“报送情况”中解锁。',
  colHash: '文件校验码',
  colState: '状态',
  locked: '已报送（已锁定）',
  unlocked: (at: string) => `已解锁（${at}）`,
  noDistrict: '请先在“设置”中选择本区。',
} as const;

/** The save dialog of a CSV export. */
