/**
 * Builders for ledger tests: a small real data set taken from the seed document
 * 武汉市建设国际研发中心城市三年行动方案（2025—2027年） (seeds/000_…txt): its document, its
 * （一）… sections, its 20 numbered tasks, one target with a baseline and a cluster for 汉阳区.
 * `bulkTasks(n)` repeats them for load tests. Pure data: usable in vitest and passed into a
 * browser page for E2E.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Cluster, PolicyDocument, Section, Target, Task } from '../../src/core/model';

/** The seed text of the 2025–2027 action plan. */
export function actionPlanText(): string {
  return readFileSync(resolve(__dirname, '../../seeds/000_ab343145575b7542.txt'), 'utf8');
}

/** Everything the ledger shows, in store shape. */
export interface LedgerFixture {
  documents: PolicyDocument[];
  sections: Section[];
  tasks: Task[];
  targets: Target[];
  clusters: Cluster[];
}

const AT = '2025-11-25T00:00:00.000Z';
const LEAD = ['市科技局', '市发改委', '市经信局', '市人社局', '市教育局'];

/** One task with sensible defaults. */
export function buildTask(over: Partial<Task> & Pick<Task, 'key'>): Task {
  return {
    documentId: 'doc-000',
    number: '1',
    order: 1,
    title: '任务',
    text: '任务全文',
    leadUnits: ['市科技局'],
    responsibleUnits: ['各区人民政府'],
    deadline: '2027-12-31',
    deadlineText: '2027年底前',
    origin: 'seed',
    updatedAt: AT,
    ...over,
  };
}

/** The action plan's document, sections, tasks, a target and a 汉阳区 cluster, parsed from the seed text. */
export function actionPlanFixture(text: string = actionPlanText()): LedgerFixture {
  const documents: PolicyDocument[] = [
    {
      id: 'doc-000',
      title: '武汉市建设国际研发中心城市三年行动方案（2025—2027年）',
      shortTitle: '国际研发中心城市行动方案',
      issuer: '武汉市人民政府',
      issueDate: '2025-11-25',
      planStartYear: 2025,
      planEndYear: 2027,
      kind: 'action-plan',
      source: '000_ab343145575b7542.txt',
      addedAt: AT,
    },
  ];
  const sections: Section[] = [];
  const tasks: Task[] = [];
  let section: Section | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const s = /^[（(]([一二三四五六七八九十]+)[）)](.+)$/.exec(line);
    if (s) {
      section = { id: `doc-000-s${sections.length + 1}`, documentId: 'doc-000', level: 2, label: `（${s[1]}）`, title: s[2]!, order: sections.length + 1 };
      sections.push(section);
      continue;
    }
    const t = /^(\d+)\.([^。]+)。(.*)$/.exec(line);
    if (!t) continue;
    const n = Number(t[1]);
    tasks.push(
      buildTask({
        key: `2025XD-${String(n).padStart(2, '0')}`,
        sectionId: section?.id,
        number: String(n),
        order: n,
        title: t[2]!,
        text: `${t[2]}。${t[3]}`,
        leadUnits: [LEAD[n % LEAD.length]!],
        responsibleUnits: n % 3 === 0 ? ['各区人民政府'] : ['东湖高新区管委会'],
      }),
    );
  }
  const targets: Target[] = [
    {
      id: 'tg-000-1',
      documentId: 'doc-000',
      taskKey: '2025XD-01',
      name: '外资研发中心',
      unit: '个',
      comparator: '达到',
      value: 30,
      year: 2027,
      baseline: 18,
      baselineYear: 2024,
      kind: 'task',
      sourceText: '到2027年,新增外资企业1000家,外资研发中心达到30个。',
    },
  ];
  const clusters: Cluster[] = [
    {
      id: 'cl-hanyang-1',
      district: '汉阳区',
      name: '工程设计建造',
      focus: '工程设计、智能建造',
      keywords: ['研发机构'],
      includedTaskKeys: [],
      excludedTaskKeys: [],
      origin: 'seed',
      order: 1,
    },
  ];
  return { documents, sections, tasks, targets, clusters };
}

/** `n` tasks made by repeating the action plan's tasks under new keys (load tests). */
export function bulkTasks(n: number, base: Task[] = actionPlanFixture().tasks): Task[] {
  return Array.from({ length: n }, (_, i) => {
    const t = base[i % base.length]!;
    return { ...t, key: `BULK-${String(i + 1).padStart(5, '0')}`, order: i + 1, number: String(i + 1), title: i < base.length ? t.title : `${t.title}（${i + 1}）` };
  });
}
