/**
 * Synthetic but realistic data for the benchmarks: Chinese text of real lengths cut from
 * the seed documents, 17 districts, N tasks, P periods and their progress entries.
 * Deterministic (seeded PRNG) so runs are comparable.
 */
import type { ProgressEntry, Target, Task, TaskStatus } from '../../src/core/model';
import { TASK_STATUSES, progressId } from '../../src/core/model';
import { DISTRICTS } from '../../src/core/districts';
import { makePeriod, shiftPeriod } from '../../src/core/period';

/** A small, fast deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the seed documents, the raw material of synthetic text. */
export function sentencesOf(texts: string[]): string[] {
  return texts
    .join('\n')
    .replace(/\s+/g, '')
    .split(/[。；]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8 && s.length <= 200);
}

const UNITS = ['市科技创新局', '市发改委', '市经信局', '市教育局', '市财政局', '市人社局', '市商务局', '市卫健委', '市市场监管局', '市地方金融局', '各区人民政府'];

/** Text of about `len` characters made from seed sentences. */
function textOf(rand: () => number, sentences: string[], len: number): string {
  let out = '';
  while (out.length < len) out += sentences[Math.floor(rand() * sentences.length)] + '。';
  return out.slice(0, len);
}

export interface SyntheticData {
  tasks: Task[];
  targets: Target[];
  progress: ProgressEntry[];
  periodIds: string[];
  districts: string[];
}

/** Build `taskCount` tasks over 10 documents, and progress for `periodCount` quarters for each district. */
export function generateData(opts: {
  sentences: string[];
  taskCount: number;
  periodCount: number;
  /** Progress entries to create in total (spread over districts, tasks and periods). */
  progressCount: number;
  seed?: number;
}): SyntheticData {
  const rand = prng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const tasks: Task[] = [];
  const targets: Target[] = [];
  for (let i = 0; i < opts.taskCount; i++) {
    const doc = `doc-b${String(i % 10).padStart(2, '0')}`;
    const key = `BENCH-${String(i + 1).padStart(5, '0')}`;
    const title = textOf(rand, opts.sentences, 12 + Math.floor(rand() * 28));
    tasks.push({
      key,
      documentId: doc,
      sectionId: `${doc}-s${i % 9}`,
      number: String(Math.floor(i / 10) + 1),
      order: i,
      title,
      text: title + textOf(rand, opts.sentences, 80 + Math.floor(rand() * 220)),
      leadUnits: [pick(UNITS)],
      responsibleUnits: [pick(UNITS), pick(UNITS)],
      deadline: `${2025 + Math.floor(rand() * 3)}-12-31`,
      origin: 'import',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    if (i % 5 === 0)
      targets.push({
        id: `${key}-t1`,
        documentId: doc,
        taskKey: key,
        name: textOf(rand, opts.sentences, 6),
        unit: pick(['家', '个', '亿元', '%', '项']),
        comparator: '突破',
        value: Math.round(rand() * 2000),
        year: 2027,
        baseline: Math.round(rand() * 500),
        baselineYear: 2024,
        kind: 'task',
        sourceText: '',
      });
  }
  const first = makePeriod('quarter', 2021, 1);
  const periodIds = Array.from({ length: opts.periodCount }, (_, k) => shiftPeriod(first, k).id);
  const districts = DISTRICTS.map((d) => d.name);
  const progress: ProgressEntry[] = [];
  const perPeriodDistrict = Math.ceil(opts.progressCount / (periodIds.length * districts.length));
  outer: for (const periodId of periodIds)
    for (const district of districts)
      for (let k = 0; k < perPeriodDistrict; k++) {
        if (progress.length >= opts.progressCount) break outer;
        const task = tasks[(k * 7 + district.length) % tasks.length]!;
        const status: TaskStatus = pick(TASK_STATUSES);
        progress.push({
          id: progressId(district, task.key, periodId),
          district,
          taskKey: task.key,
          periodId,
          status,
          percent: Math.round(rand() * 100),
          progress: textOf(rand, opts.sentences, 60 + Math.floor(rand() * 240)),
          problems: rand() < 0.4 ? textOf(rand, opts.sentences, 40) : '',
          nextSteps: textOf(rand, opts.sentences, 50),
          indicatorValues: {},
          filledBy: '张三',
          updatedAt: '2025-01-01T00:00:00.000Z',
        });
      }
  return { tasks, targets, progress, periodIds, districts };
}
