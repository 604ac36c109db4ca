/**
 * The Dexie database class: tables typed with the domain model, versions from SCHEMA_HISTORY.
 * No guard lives here; createLedgerDb (db.ts) installs them all.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  AuditEntry,
  Cluster,
  ClusterIndicator,
  ClusterIndicatorValue,
  ClusterProgress,
  PolicyDocument,
  ProgressEntry,
  Section,
  Setting,
  Submission,
  Target,
  Task,
} from '@core/model';
import { DB_NAME, SCHEMA_HISTORY, type SchemaStep } from './schema';
import type { PeriodSummaryRow } from '@core/dashboard/progress-summary';
import type { AppliedReturn, Assignment, FilePlan, Round } from '@core/rounds';
import type { TaskHead } from './task-heads';

/** A stored import batch: what an import changed, so that it can be undone. */
export interface ImportRecord {
  id: string;
  at: string;
  fileName: string;
  /** Tasks as they were before the import (undefined = did not exist). */
  before: { key: string; task: Task | undefined }[];
  /** Keys written by the import. */
  after: string[];
  /** Documents the import created (removed again on undo). */
  documentsAdded?: string[];
  /** How many tasks were added, changed and archived (for the import history). */
  counts?: { added: number; updated: number; archived: number };
  undoneAt?: string;
}

/** A report template the office loaded (.xlsx bytes). */
export interface StoredTemplate {
  id: string;
  name: string;
  fileName: string;
  data: Uint8Array;
  savedAt: string;
}

/**
 * What one window typed into a progress entry and has not saved yet // 未保存的草稿: per
 * changed field path the value it started from and the value typed. Written on every
 * keystroke (schema step 3), deleted once the save has landed.
 */
export interface ProgressDraft {
  /** `${entryId}#${session}` */
  id: string;
  entryId: string;
  /** The window (page session) that typed it. */
  session: string;
  district: string;
  taskKey: string;
  periodId: string;
  base: Record<string, unknown>;
  mine: Record<string, unknown>;
  updatedAt: string;
}

/** One applied drop of returned files. Persisted (table `roundApplies`): do not rename fields. */
export interface RoundApply {
  id: string;
  roundId: string;
  at: string;
  files: { fileName: string; hash: string; unit: string; matchedBy: FilePlan['matchedBy'] }[];
  /** What each unit wrote, for the board and the source of each paragraph. */
  returns: AppliedReturn[];
  /** Progress entries as they were before (undefined: did not exist). */
  before: { id: string; entry: ProgressEntry | undefined }[];
  /** The entries as written, to tell whether they were edited since. */
  after: ProgressEntry[];
  undoneAt?: string;
}

/** The ledger database. */
export class LedgerDb extends Dexie {
  documents!: EntityTable<PolicyDocument, 'id'>;
  sections!: EntityTable<Section, 'id'>;
  tasks!: EntityTable<Task, 'key'>;
  targets!: EntityTable<Target, 'id'>;
  clusters!: EntityTable<Cluster, 'id'>;
  clusterIndicators!: EntityTable<ClusterIndicator, 'id'>;
  clusterIndicatorValues!: EntityTable<ClusterIndicatorValue, 'id'>;
  clusterProgress!: EntityTable<ClusterProgress, 'id'>;
  progress!: EntityTable<ProgressEntry, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  audit!: Table<AuditEntry, number>;
  submissions!: EntityTable<Submission, 'id'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  templates!: EntityTable<StoredTemplate, 'id'>;
  /** Kept in step with progress by progressSummaryMiddleware (installed by createLedgerDb). */
  progressSummary!: EntityTable<PeriodSummaryRow, 'id'>;
  /** Unsaved typing, local to this installation (not in backups). */
  drafts!: EntityTable<ProgressDraft, 'id'>;
  /** 承办单位 per district and task (schema 4). */
  assignments!: EntityTable<Assignment, 'id'>;
  /** 下发: one row per round (schema 4). */
  rounds!: EntityTable<Round, 'id'>;
  /** 回收: one row per applied drop of returned files, with what it replaced (schema 4). */
  roundApplies!: EntityTable<RoundApply, 'id'>;
  /** Every task without its text, kept in step with tasks by taskHeadsMiddleware (schema 5). */
  taskHeads!: EntityTable<TaskHead, 'key'>;

  constructor(name: string = DB_NAME, history: readonly SchemaStep[] = SCHEMA_HISTORY) {
    super(name);
    for (const step of history) {
      const v = this.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
  }
}
