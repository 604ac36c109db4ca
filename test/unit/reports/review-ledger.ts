/**
 * The print review's ledger (helper-print, 2026-11): the shipped seed data as an office gets it
 * at first start, 汉阳区, its report header, and ten tasks of 2026年第四季度 filled as the review
 * filled them through the form (texts of 40 to 3,000 characters with and without line breaks,
 * figures such as 12.5亿元 and 35.2%, every status and one without). The reports of this ledger
 * lost their last tasks in LibreOffice and cut figures at 续 rows.
 */
import { makePeriod, progressId, type ProgressEntry, type TaskStatus } from '@core/index';
import { reportTasks } from '@core/report';
import { createLedgerDb, type LedgerDb } from '@renderer/storage/db';
import { ensureSeeded } from '@renderer/storage/seed';
import { loadReportSource } from '@renderer/features/reports/report-source';

export const REVIEW_DISTRICT = '汉阳区';
export const REVIEW_PERIOD = makePeriod('quarter', 2026, 4);
export const REVIEW_TODAY = new Date(2026, 10, 27);
export const REVIEW_UNIT = '武汉市汉阳区科学技术和经济信息化局';

const SENT = [
  '本季度牵头单位召开专题推进会3次，协调解决项目用地、资金拼盘等问题5个，完成固定资产投资12.5亿元，同比增长35.2%。',
  '一是加快创新平台建设，武汉市汉阳区智能网联汽车创新中心完成主体工程验收，引进研发团队8个、高层次人才46人。',
  '二是推动成果转化，组织“科创汉阳·技术对接”活动2场，促成校企合作项目17项，技术合同成交额达到3.6亿元。',
  '三是强化企业梯度培育，新增国家高新技术企业申报32家、科技型中小企业入库118家，完成全年目标的86%。',
  '四是优化科技金融服务，设立区级科技成果转化基金（规模2亿元），首期投放项目4个，带动社会资本投入1.2亿元。',
  '五是深化“武汉·中国光谷”联动，与东湖高新区签订协同创新框架协议，共建孵化器面积约2.3万平方米。',
];
const PROB = ['部分项目受资金到位进度影响，建设进度略慢于计划；', '高层次人才引进政策兑现周期较长，企业反映申报材料繁琐；', '区级财政配套资金压力较大，需市级层面给予支持；'];
const NEXT = ['下一步将加快推进项目建设，确保年底前完成竣工验收；', '持续开展企业走访，做好高企申报辅导；', '争取市级专项资金支持，优化审批流程，压缩办理时限至10个工作日以内。'];

/** A text of about `n` characters from `pool`, a line break after every second sentence (as the review typed). */
export function reviewText(pool: readonly string[], n: number, breaks = true): string {
  let out = '';
  let i = 0;
  while (out.length < n) {
    out += pool[i % pool.length]!;
    i++;
    if (breaks && i % 2 === 0) out += '\n';
  }
  return out.slice(0, n).replace(/\n$/, '');
}

interface Plan {
  status?: TaskStatus;
  percent?: number;
  progress?: string;
  problems?: string;
  nextSteps?: string;
}

/** The review's ten filled tasks, on every second task of the report. */
export const REVIEW_PLANS: readonly Plan[] = [
  { status: 'on_track', percent: 75, progress: reviewText(SENT, 120), problems: '无', nextSteps: '继续推进。' },
  { status: 'done', percent: 100, progress: reviewText(SENT, 3000), problems: reviewText(PROB, 600), nextSteps: reviewText(NEXT, 900) },
  { status: 'behind', percent: 30, progress: reviewText(SENT, 300), problems: reviewText(PROB, 1500), nextSteps: reviewText(NEXT, 300) },
  { status: 'ahead', progress: reviewText(SENT, 1500, false), problems: '', nextSteps: reviewText(NEXT, 2000) },
  { status: 'not_started', percent: 0, progress: '尚未启动，正在做前期调研。' },
  { status: 'ongoing', progress: reviewText(SENT, 800), problems: reviewText(PROB, 300), nextSteps: reviewText(NEXT, 300) },
  { progress: reviewText(SENT, 500) },
  { status: 'on_track', percent: 60, progress: reviewText(SENT, 2200), problems: reviewText(PROB, 200), nextSteps: reviewText(NEXT, 200) },
  { status: 'on_track', percent: 50, progress: '=SUM(A1:A3) 已按要求推进；\n第二段：完成率达100%。', problems: '-', nextSteps: '@待定' },
  { status: 'done', percent: 100, progress: reviewText(SENT, 40) },
];

let dbs = 0;

/** The review's ledger in a fresh (fake-indexeddb) database; `unit` is the 填报单位 typed in the report header. */
export async function reviewLedger(unit = REVIEW_UNIT): Promise<LedgerDb> {
  const db = createLedgerDb(`review-ledger-${Date.now()}-${dbs++}`);
  await ensureSeeded(db);
  await db.settings.bulkPut([
    { key: 'district', value: REVIEW_DISTRICT },
    { key: 'filledBy', value: '李明' },
    { key: 'reportUnit', value: unit },
    { key: 'reportPhone', value: '027-84845678' },
    { key: 'reportReviewer', value: '王建国' },
  ]);
  const rows = reportTasks(await loadReportSource(db, REVIEW_DISTRICT, REVIEW_PERIOD));
  const at = '2026-11-20T08:00:00.000Z';
  const entries: ProgressEntry[] = REVIEW_PLANS.map((p, i) => {
    const key = rows[i * 2]!.key;
    return {
      id: progressId(REVIEW_DISTRICT, key, REVIEW_PERIOD.id),
      district: REVIEW_DISTRICT,
      taskKey: key,
      periodId: REVIEW_PERIOD.id,
      ...(p.status ? { status: p.status } : {}),
      ...(p.percent !== undefined ? { percent: p.percent } : {}),
      progress: p.progress ?? '',
      problems: p.problems ?? '',
      nextSteps: p.nextSteps ?? '',
      indicatorValues: {},
      filledBy: '李明',
      updatedAt: at,
    };
  });
  await db.progress.bulkPut(entries);
  return db;
}
