/**
 * The import flow without React: what a plan is made against, remembering the officer's column
 * choices, and applying a previewed plan (decisions → safety backup → one transaction). The
 * import page renders its state and dispatches here.
 */
import { finalizePlan, mappingToRemember, type ColumnMapping, type ImportDecisions, type ImportPlan, type TableLayout } from '@core/import';
import { unitRenameTable, type UnitRename } from '@core/unit-names';
import { type BackupSink, type LedgerDb, allClusters, allDocuments, allSections, allTasks, applyImport, backupBeforeImport, describeStorageError, getDistrict, getUnitRenames, readSetting, writeSetting } from '../../storage';
import { IMPORT_TEXT as T } from './texts';

/** What a plan is made against: the store's tasks, documents, sections, clusters, the district and the unit renames. */
export async function readPlanContext(db: LedgerDb) {
  const [existing, documents, sections, clusters, district, renames] = await Promise.all([allTasks(db), allDocuments(db), allSections(db), allClusters(db), getDistrict(db), getUnitRenames(db)]);
  return { existing, documents, sections, clusters, district, renames };
}

/** Remember the officer's column choices for the next file with the same headers. */
export async function rememberColumns(db: LedgerDb, layout: TableLayout, columns: ColumnMapping[]): Promise<void> {
  const remembered = await readSetting(db, 'importMapping');
  await writeSetting(db, 'importMapping', { ...remembered, ...mappingToRemember({ ...layout, columns }) });
}

/** How applying a plan ended: what it wrote, or why nothing was written (in Chinese; refused = the decisions leave issues). */
export type ApplyOutcome = { ok: true; recordId: string; counts: { added: number; updated: number; archived: number }; filled: number } | { ok: false; refused: boolean; message: string };

/**
 * Apply a previewed plan with the officer's decisions: refused plans and failed safety backups
 * write nothing; otherwise the plan is written in one transaction.
 */
export async function applyPreviewedPlan(
  db: LedgerDb,
  plan: ImportPlan,
  decisions: ImportDecisions,
  renames: readonly UnitRename[],
  opts: { onBackup?: () => void; sink?: BackupSink } = {},
): Promise<ApplyOutcome> {
  const fin = finalizePlan(plan, decisions, unitRenameTable(renames));
  if (!fin.accepted) return { ok: false, refused: true, message: fin.issues.map((i) => i.message).join('\n') };
  opts.onBackup?.();
  try {
    await backupBeforeImport(db, opts.sink);
  } catch (e) {
    // The cause in the library's words goes to the log; the officer reads what to do.
    console.error('backup before import failed', e);
    const problem = describeStorageError(e);
    const diskFull = problem.kind === 'quota' || /ENOSPC|no space left/i.test(String((e as Error)?.message ?? e));
    return { ok: false, refused: false, message: diskFull ? T.backupDiskFull : T.backupFailed(problem.kind === 'unknown' ? T.causeLogged : problem.title) };
  }
  const res = await applyImport(db, fin.accepted);
  if (!res.ok) return { ok: false, refused: false, message: res.message };
  return { ok: true, recordId: res.record.id, counts: res.record.counts!, filled: fin.accepted.filledKeys.length };
}
