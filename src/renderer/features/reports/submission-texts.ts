/** User-facing text of 报送记录 and 本期与上期对比, in one place. */
import { fieldName } from '@core/fields';
import type { ComparedField } from './compare';

export const SUBMISSION_TEXT = {
  title: (period: string) => `${period}报送情况`,
  notSubmitted: '未报送',
  submitted: '已报送（已锁定）',
  unlocked: '已解锁（可修改，需重新报送）',
  notSubmittedHint: '预览/导出不算报送。点“报送…”并确认后，会记下本次报送的全部文件和各自的校验码（日后可核对发出的是否就是这份文件），并锁定本期进展，防止误改。',
  lockedHint: '本期进展已锁定。如需修改，请先解锁；解锁会记入修改记录，修改后请重新报送。',
  file: '报送文件',
  fileN: (n: number) => `报送文件 ${n}`,
  counts: '报送时填写情况',
  countsText: (tasks: number, filled: number, empty: number) => `${tasks} 项任务，已填 ${filled} 项，未填 ${empty} 项`,
  sha256: '文件校验码',
  at: '报送时间',
  unlockedAt: '解锁时间',
  unlock: '解锁…',
  unlockTitle: '确定解锁本期进展？',
  unlockBody: (period: string, who: string) =>
    `解锁后可以修改${period}的进展。解锁操作会以“${who || '（未填写填报人）'}”的名义记入修改记录。修改完成后，请重新报送。`,
  unlockOk: '解锁',
  cancel: '取消',
  unlockedToast: '已解锁，本期进展可以修改了。',
  compareTitle: '本期与上期对比',
  compareIntro: '与最近一次报送的内容相比，下面这些任务或产业集群的进展、指标值或本期任务清单有变化（如导入了市里的新清单）。如需让市里收到变化后的内容，请解锁后重新报送：',
  noChanges: '与最近一次报送的内容相比没有变化。',
  noSubmission: '本期还没有报送过任务进展表，暂无可对比的内容。',
  kinds: { changed: '有修改', added: '报送后新增', removed: '报送后清空', unlisted: '已不在清单', listed: '报送后列入' },
  columns: { task: '任务编号或集群', kind: '变化', field: '内容', before: '报送时', now: '现在' },
  fields: { task: '任务', title: fieldName('title'), leadUnits: fieldName('leadUnits'), responsibleUnits: fieldName('responsibleUnits'), deadline: fieldName('deadline'), status: fieldName('status'), percent: fieldName('percent'), progress: fieldName('progress'), problems: fieldName('problems'), nextSteps: fieldName('nextSteps'), indicator: '指标' } satisfies Record<ComparedField, string>,
  empty: '（空）',
  /** The 任务编号 column's cell for a 产业集群. */
  clusterSubject: (name: string) => `产业集群：${name}`,
  /** The 内容 column's cell for a cluster indicator. */
  indicatorField: (name: string) => `指标：${name}`,
} as const;
