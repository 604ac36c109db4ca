/**
 * The one entrance from features to storage. Features import storage only from here (a lint
 * rule says so) and never name a table or an index: reads are named queries (live through
 * useQuery, which gives {data, loading, error}), settings are typed (readSetting /
 * writeSetting), writes are named commands.
 */
export { getDb } from './db';
export type { ImportRecord, LedgerDb, ProgressDraft, StoredTemplate } from './db';
export { useQuery, type QueryState } from './use-query';
export { prefetchLedger, useLedgerBase, useLedgerStart } from './shared-query';
export { dropHeadsWithoutTask, keepTaskInfos, keptStamp, type TaskInfoToKeep } from './task-heads';
export type { LedgerStart } from './queries';
export { changeDistrict, readReportHeader, readSetting, reportHeaderKey, writeReportHeader, writeSetting, type ReportHeader, type SettingName, type SettingValue } from './settings';
export {
  allClusters,
  allDocuments,
  allSections,
  allTargets,
  allTasks,
  archivedTasks,
  clusterIndicatorsWithValues,
  documentAndTaskKeys,
  progressOfDistrict,
  progressOfPeriodAllDistricts,
  progressSummariesOfDistrict,
  doneBeforePeriod,
  readDistrictTargets,
  readReportSource,
  storedTemplate,
  tasksByKeys,
  type ArchivedTask,
} from './queries';
export { deleteCluster, deleteClusterIndicator, deleteTemplate, putTemplate, restoreArchivedTask, saveDistrictTarget, saveDistrictTargets, updateTasks } from './commands';
export { clustersRepo, documentsRepo, emptyProgress, getDistrict, getPeriodKind, progressRepo, setDistrict, targetsRepo, tasksRepo } from './repositories';
export { saveProgress } from './progress-store';
export { PeriodLockedError, isPeriodLocked, lockedMessage, lockedPeriods, readLockState, sentPeriods, unlockPeriod } from './locks';
export { readAuditTrail, readRecentAudit, readTaskTrail } from './audit';
export {
  applyRoundReturn,
  changeAssignments,
  listAssignments,
  listRoundApplies,
  listRounds,
  loadLeadMapping,
  loadOfficeLevel,
  loadUnits,
  saveLeadMapping,
  saveOfficeLevel,
  saveRound,
  saveUnits,
  setAssignments,
  undoRoundReturn,
  type OfficeLevel,
  type RoundApplyResult,
} from './rounds';
export { getUnitRenames, saveUnitRenamesAndUnify, setUnitRenames } from './unit-renames';
export { applyImport, listImports, undoImport } from './apply-import';
export {
  backupBeforeImport,
  backupBeforeUpgrade,
  createBackup,
  BACKUP_TEXT,
  openBackupSource,
  readBackupStream,
  restoreBackup,
  takeBackup,
  writeToSink,
  type BackupFile,
  type BackupPreview,
  type BackupSink,
  type ChunkSource,
  type TakenBackup,
} from './backup';
export { describeStorageError, isStorageError, openStore, requestPersistentStorage, STORAGE_TEXT, type StorageProblem } from './persist';
export { clearSkippedRows, onSkippedRows, skippedRows, type SkippedRow } from './row-guard';
export { recordSubmissionSet } from './submissions';
export { ensureSeeded, saveConfirmedDocument } from './seed';
export { adoptDrafts, recoverDrafts, saveEdits, stashOnUnload, writeDraft } from './drafts';
export { keepReview, readKeptReview, type KeptReview } from './review-draft';
