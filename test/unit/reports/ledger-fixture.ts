/**
 * A small but realistic ledger for report tests: tasks from the 2023 work points
 * (seeds/002), progress for 汉阳区 in 2025年第三季度, targets and clusters.
 */
import type { Cluster, PolicyDocument, ProgressEntry, Target, Task, TaskStatus } from '@core/model';
import { makePeriod, progressId } from '@core/index';
import type { LedgerDb } from '@renderer/storage/db';

export const DISTRICT = '汉阳区';
export const PERIOD = makePeriod('quarter', 2025, 3);

const TITLES = [
  '加快推进重大科技基础设施建设',
  '争创国家实验室和全国重点实验室',
  '打造10大技术（产业、制造业）创新中心',
  '推进10大科技重大专项',
  '建设10大成果转化中心',
  '引进和培育10大高端创新团队',
  '实施高新技术企业倍增计划',
  '支持企业牵头组建创新联合体',
  '提升高校院所科技成果就地转化率',
  '深化科技金融改革创新',
  '建设环大学创新经济带',
  '优化科技创新生态，营造全社会创新氛围，推动政策落地见效并形成可复制可推广经验',
];
const STATUSES: (TaskStatus | undefined)[] = ['on_track', 'done', 'behind', 'ahead', 'ongoing', 'not_started', 'on_track', undefined, 'on_track', 'done', 'behind', 'on_track'];

/** Build the fixture rows. Task 8 has no status, task 9 has no 进展情况, task 3's 进展情况 is "=1+1". */
export function buildFixture() {
  const at = '2025-09-30T08:00:00.000Z';
  const documents: PolicyDocument[] = [
    { id: 'doc-002', title: '2023年武汉市科技创新工作要点', shortTitle: '2023年工作要点', docNumber: '武政办〔2023〕4号', kind: 'work-points', source: '002', addedAt: at },
  ];
  const tasks: Task[] = TITLES.map((title, i) => ({
    key: `2023YD-${String(i + 1).padStart(2, '0')}`,
    documentId: 'doc-002',
    number: String(i + 1),
    order: i + 1,
    title,
    text: `${title}，完善工作机制，按季度调度推进。`,
    leadUnits: [i % 2 ? '市科技局' : '市发改委'],
    responsibleUnits: ['各区人民政府', '市财政局'],
    deadline: '2025-12-31',
    deadlineText: i === 4 ? '长期坚持' : '2025年底前',
    origin: 'seed',
    updatedAt: at,
  }));
  tasks.push({ ...tasks[0]!, key: '2023YD-99', title: '已被市里删除的任务', order: 99, archived: true });
  // A task for 江岸区 alone does not belong in 汉阳区's report.
  tasks.push({ ...tasks[0]!, key: '2023YD-50', title: '建设江岸区车联网示范区', text: '支持江岸区建设车联网示范区。', leadUnits: ['市经信局'], responsibleUnits: ['江岸区人民政府'], order: 50 });
  const progress: ProgressEntry[] = tasks.slice(0, 12).map((t, i) => ({
    id: progressId(DISTRICT, t.key, PERIOD.id),
    district: DISTRICT,
    taskKey: t.key,
    periodId: PERIOD.id,
    ...(STATUSES[i] ? { status: STATUSES[i] } : {}),
    percent: i === 7 ? undefined : (i + 1) * 8,
    progress: i === 2 ? '=1+1' : i === 8 ? '' : `汉阳区第三季度推进“${t.title}”：召开专题调度会${i + 1}次，完成年度目标的${(i + 1) * 8}%。`,
    problems: i % 3 === 0 ? '项目用地指标紧张，配套资金到位较慢。' : '',
    nextSteps: '第四季度继续推进，确保按期完成。',
    indicatorValues: (i === 0 ? { 't-1': 3 } : {}) as Record<string, number | null>,
    filledBy: '李明',
    updatedAt: at,
  }));
  // Another district's progress must never leak into 汉阳区's report.
  progress.push({ ...progress[0]!, id: progressId('江岸区', tasks[0]!.key, PERIOD.id), district: '江岸区', progress: '江岸区的进展' });
  const targets: Target[] = [
    { id: 't-1', documentId: 'doc-002', taskKey: tasks[0]!.key, name: '推进建设重大科技基础设施', unit: '个', comparator: '达到', value: 4, year: 2025, baseline: 1, baselineYear: 2022, kind: 'task', sourceText: '推进建设 4 个' },
    { id: 't-2', documentId: 'doc-002', name: '全国重点实验室', unit: '家', comparator: '以上', value: 10, year: 2025, kind: 'goal', sourceText: '获批建设 10 家以上全国重点实验室' },
  ];
  const clusters: Cluster[] = [
    { id: 'c-1', district: DISTRICT, name: '大健康产业集群', focus: '生物医药、医疗器械', keywords: ['医药'], includedTaskKeys: [], excludedTaskKeys: [], origin: 'seed', order: 1 },
    { id: 'c-2', district: DISTRICT, name: '智能网联汽车集群', focus: '汽车电子、车联网', keywords: ['汽车'], includedTaskKeys: [], excludedTaskKeys: [], origin: 'seed', order: 2 },
    { id: 'c-3', district: '江岸区', name: '江岸区的集群', keywords: [], includedTaskKeys: [], excludedTaskKeys: [], origin: 'seed', order: 1 },
  ];
  return { documents, tasks, progress, targets, clusters };
}

/** Write the fixture into a (fake-indexeddb) database. */
export async function seedFixture(db: LedgerDb): Promise<ReturnType<typeof buildFixture>> {
  const f = buildFixture();
  await db.documents.bulkPut(f.documents);
  await db.tasks.bulkPut(f.tasks);
  await db.progress.bulkPut(f.progress);
  await db.targets.bulkPut(f.targets);
  await db.clusters.bulkPut(f.clusters);
  await db.clusterIndicators.bulkPut([{ id: 'ci-1', clusterId: 'c-1', name: '研发型企业数量', unit: '家', target: 20, targetYear: 2027 }]);
  await db.clusterIndicatorValues.bulkPut([{ id: `ci-1|${PERIOD.id}`, indicatorId: 'ci-1', periodId: PERIOD.id, value: 12, updatedAt: '2025-09-30T08:00:00.000Z' }]);
  await db.clusterProgress.bulkPut([{ id: `c-1|${PERIOD.id}`, clusterId: 'c-1', periodId: PERIOD.id, progress: '新引进医疗器械企业3家', problems: '专业园区载体不足', nextSteps: '加快建设生命健康产业园', updatedAt: '2025-09-30T08:00:00.000Z' }]);
  await db.settings.bulkPut([
    // Saved by a version that kept one header set for the office (read as its district's).
    { key: 'district', value: DISTRICT },
    { key: 'filledBy', value: '李明' },
    { key: 'reportPhone', value: '027-84845678' },
    { key: 'reportReviewer', value: '王主任' },
  ]);
  return f;
}
