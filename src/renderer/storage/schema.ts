/**
 * Append-only schema history of the IndexedDB store. Each step is a Dexie version with its
 * stores and, where data must move, a named upgrade function.
 *
 * Never edit a published step: add a new one at the end, with a migration test
 * (schema.test.ts opens the database at every older version, seeds it and upgrades it).
 * A step's upgrade is frozen code of its own in migrations/ (never a call into live core
 * code), and the published stores are checked against schema-snapshot.json.
 * DB_NAME is persisted: do not change it, or every officer's data is silently orphaned.
 */
import type { Transaction } from 'dexie';
import { upgradeV2ProgressSummary } from './migrations/v2-progress-summary';
import { upgradeV5TaskHeads } from './migrations/v5-task-heads';

/** Name of the IndexedDB database. Do not change without a migration. */
export const DB_NAME = 'district-innovation-ledger';

/** One version of the schema. */
export interface SchemaStep {
  version: number;
  /** What changed, in one line. */
  summary: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
  /** The frozen file of the upgrade, under storage/ (checked against schema-snapshot.json). */
  upgradeFile?: string;
}

export const SCHEMA_HISTORY: readonly SchemaStep[] = [
  {
    version: 1,
    summary: 'documents, sections, tasks, targets, clusters, progress, settings, audit, submissions, imports, templates',
    stores: {
      documents: 'id',
      sections: 'id, documentId',
      tasks: 'key, documentId, sectionId, number',
      targets: 'id, documentId, taskKey',
      clusters: 'id, district, order',
      clusterIndicators: 'id, clusterId',
      clusterIndicatorValues: 'id, indicatorId, periodId',
      clusterProgress: 'id, clusterId, periodId',
      progress: 'id, [district+periodId], [district+taskKey], taskKey, periodId, updatedAt',
      settings: 'key',
      audit: '++seq, [entity+entityId], at',
      submissions: 'id, [district+periodId], at',
      imports: 'id, at',
      templates: 'id',
    },
  },
  {
    version: 2,
    summary: 'progressSummary: per district and period one row of compact cells per task (no texts) for the dashboard, built from the stored progress',
    stores: {
      progressSummary: 'id, district',
    },
    upgrade: upgradeV2ProgressSummary,
    upgradeFile: 'migrations/v2-progress-summary.ts',
  },
  {
    version: 3,
    summary: 'drafts: what a window has typed into a progress entry and not yet saved, written on every keystroke (survives a killed process)',
    stores: {
      drafts: 'id, entryId',
    },
  },
  // Step 3 is another branch's (issue 16b); Dexie accepts the gap.
  {
    version: 4,
    summary: 'collection rounds: assignments (the handling unit per district and task), rounds (sent out), roundApplies (returns taken in, undoable)',
    stores: {
      assignments: 'id, district',
      rounds: 'id, district, periodId',
      roundApplies: 'id, roundId, at',
    },
  },
  {
    version: 5,
    summary: 'taskHeads: every task without its text (the ledger draws its first rows from them), kept in step with tasks by a middleware',
    stores: {
      taskHeads: 'key',
    },
    upgrade: upgradeV5TaskHeads,
    upgradeFile: 'migrations/v5-task-heads.ts',
  },
];

/** Tables local to this installation: never written to a backup, emptied by a restore. */
export const LOCAL_TABLES: ReadonlySet<string> = new Set(['drafts']);

/** The newest schema version. */
export const LATEST_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;
