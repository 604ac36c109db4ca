/**
 * The office's own report templates // 报表模板: checked when loaded, stored in the
 * `templates` table under the report kind, removed to go back to the built-in one.
 */
import type { ReportKind, TemplateIssue } from '@core/report';
import { REPORT_NAMES } from '@core/report';
import { type LedgerDb, putTemplate, deleteTemplate } from '../../storage';
import { readTemplate } from '../../spreadsheet/template-read';
import { SETTINGS_MORE_TEXT } from './texts';

/** Outcome of loading a template: saved, or refused with the issues (nothing stored). */
export type TemplateSaveResult = { status: 'saved' } | { status: 'refused'; issues: TemplateIssue[] };

/** Check a template file and store it for `kind` only when it passes. */
export async function saveCustomTemplate(db: LedgerDb, kind: ReportKind, file: { name: string; data: Uint8Array }, at: Date = new Date()): Promise<TemplateSaveResult> {
  if (!/\.xlsx$/i.test(file.name))
    return { status: 'refused', issues: [{ sheet: '', message: SETTINGS_MORE_TEXT.notXlsx(file.name) }] };
  const { check } = await readTemplate(file.data, kind);
  if (check.issues.length) return { status: 'refused', issues: check.issues };
  await putTemplate(db, { id: kind, name: REPORT_NAMES[kind], fileName: file.name, data: file.data, savedAt: at.toISOString() });
  return { status: 'saved' };
}

/** Go back to the built-in template of `kind`. */
export async function revertTemplate(db: LedgerDb, kind: ReportKind): Promise<void> {
  await deleteTemplate(db, kind);
}
