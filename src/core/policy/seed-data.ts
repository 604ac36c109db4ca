/**
 * The default data set // 默认数据: what the parser extracts from the five seed documents,
 * plus the cluster assignments and district positioning. seeds/default-data.json is this
 * value, written by `npm run seeds`; a test fails when the two differ.
 */
import type { Cluster, PolicyDocument, Section, Target, Task } from '../model';
import { clustersFromAssignments, parseClusterAssignments, parseDistrictPositioning, type DistrictPositioning } from './clusters';
import { parsePolicyText } from './parse';
import type { IndicatorRow, ParseIssue, ParseOptions } from './types';

/** Version of the default data set; bump when the seed output changes on purpose. Persisted in settings. */
export const SEED_DATA_VERSION = 1;

/** The shape of seeds/default-data.json (documented in seeds/README.md). */
export interface DefaultData {
  version: number;
  documents: PolicyDocument[];
  sections: Section[];
  tasks: Task[];
  targets: Target[];
  /** Indicator tables by document id. */
  indicatorTables: Record<string, IndicatorRow[]>;
  clusters: Cluster[];
  districtPositioning: DistrictPositioning[];
  /** What the parser flagged, by document id, kept for review. */
  issues: Record<string, ParseIssue[]>;
}

/** Per seed file: stable document id, task key prefix and metadata the text lacks. Keys are persisted: never change them. */
export const SEED_DOCUMENTS: Readonly<Record<string, Pick<ParseOptions, 'documentId' | 'keyPrefix' | 'metadata'>>> = {
  '000': { documentId: 'doc-000', keyPrefix: '2025YFZX', metadata: { shortTitle: '研发中心城市三年行动' } },
  '001': {
    documentId: 'doc-001',
    keyPrefix: '2025KJDH',
    metadata: {
      title: '长江日报：2025年武汉科技创新大会（路线图、研发型企业“18条”、颠覆性技术10项举措）',
      shortTitle: '2025科技创新大会',
      issuer: '长江日报',
      issueDate: '2025-02-06',
      planStartYear: 2025,
      planEndYear: 2027,
      kind: 'news',
    },
  },
  '002': { documentId: 'doc-002', keyPrefix: '2023GZYD', metadata: { shortTitle: '2023年工作要点' } },
  '003': { documentId: 'doc-003', keyPrefix: 'SSWGH', metadata: { shortTitle: '“十四五”科技创新规划', issuer: '武汉市人民政府' } },
  '004': {
    documentId: 'doc-004',
    keyPrefix: '2024KJRC',
    metadata: { title: '关于推进科教人才优势转化为创新发展优势的意见', shortTitle: '科教人才优势转化意见', kind: 'opinion' },
  },
};

/** Build the default data set from the seed files (name like `002_….txt`, text). */
export function buildDefaultData(files: { name: string; text: string }[]): DefaultData {
  const data: DefaultData = {
    version: SEED_DATA_VERSION,
    documents: [],
    sections: [],
    tasks: [],
    targets: [],
    indicatorTables: {},
    clusters: [],
    districtPositioning: [],
    issues: {},
  };
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const f of sorted) {
    const config = SEED_DOCUMENTS[f.name.slice(0, 3)] ?? {};
    const parsed = parsePolicyText(f.text, { ...config, source: f.name, origin: 'seed' });
    data.documents.push(parsed.document);
    data.sections.push(...parsed.sections);
    data.tasks.push(...parsed.tasks);
    data.targets.push(...parsed.targets);
    if (parsed.indicatorTable.length) data.indicatorTables[parsed.document.id] = parsed.indicatorTable;
    data.issues[parsed.document.id] = parsed.issues;
    const assignments = parseClusterAssignments(f.text);
    if (assignments.length) data.clusters.push(...clustersFromAssignments(assignments));
    data.districtPositioning.push(...parseDistrictPositioning(f.text));
  }
  return data;
}
