/**
 * Typed settings: each key of the settings table with the type of its value and its default,
 * in one table. Features read and write settings only through readSetting / writeSetting.
 */
import type { PeriodKind } from '@core/model';
import type { TaskFieldId } from '@core/fields';
import { SETTING_KEYS } from '@core/model';
import { isCityOffice } from '@core/districts';
import { DISTRICT_TARGETS_KEY, type DistrictTarget } from '@core/indicators';
import type { UnitRename } from '@core/unit-names';
import type { LedgerDb } from './ledger-db';
import { getSetting, setSetting } from './repositories';
import { ROUND_SETTING_KEYS, type OfficeLevel } from './rounds';

/**
 * Setting keys of the report header and footer kept beside 填报人 (SETTING_KEYS.filledBy, set
 * only in 设置 or on the reports page, never by a task's own 填报人). Persisted: do not rename.
 */
export const REPORT_SETTING_KEYS = { unit: 'reportUnit', phone: 'reportPhone', reviewer: 'reportReviewer' } as const;

/** Each typed setting: its stored key and its default. */
const SETTINGS = {
  district: { key: SETTING_KEYS.district, fallback: undefined as string | undefined },
  periodKind: { key: SETTING_KEYS.periodKind, fallback: 'quarter' as PeriodKind },
  filledBy: { key: SETTING_KEYS.filledBy, fallback: '' as string },
  importMapping: { key: SETTING_KEYS.importMapping, fallback: {} as Record<string, TaskFieldId | null> },
  unitRenames: { key: SETTING_KEYS.unitRenames, fallback: [] as UnitRename[] },
  ledgerRelevantOnly: { key: SETTING_KEYS.ledgerRelevantOnly, fallback: true as boolean },
  districtTargets: { key: DISTRICT_TARGETS_KEY, fallback: {} as Record<string, Record<string, DistrictTarget>> },
};

/** The names of the typed settings. */
export type SettingName = keyof typeof SETTINGS;
/** The value type of a setting. */
export type SettingValue<K extends SettingName> = (typeof SETTINGS)[K]['fallback'];

/** Read a setting; its default when absent. */
export function readSetting<K extends SettingName>(db: LedgerDb, name: K): Promise<SettingValue<K>> {
  const s = SETTINGS[name];
  return getSetting<SettingValue<K>>(db, s.key, s.fallback as SettingValue<K>);
}

/** Write a setting. */
export function writeSetting<K extends SettingName>(db: LedgerDb, name: K, value: SettingValue<K>): Promise<void> {
  return setSetting(db, SETTINGS[name].key, value);
}

/** The report header fields as stored: 填报单位, 填报人, 联系电话, 审核人（负责人）. */
export interface ReportHeader {
  unit: string;
  filledBy: string;
  phone: string;
  reviewer: string;
}

/** The header fields kept for each district (填报人 is the officer's, whatever the district). */
type DistrictHeaderField = keyof typeof REPORT_SETTING_KEYS;
const DISTRICT_HEADER_FIELDS = Object.keys(REPORT_SETTING_KEYS) as DistrictHeaderField[];

/** The stored key of a district's header field: `reportUnit:汉阳区`. Persisted: do not rename. */
export function reportHeaderKey(field: DistrictHeaderField, district: string): string {
  return `${REPORT_SETTING_KEYS[field]}:${district}`;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The report header of a district. 填报单位, 联系电话 and 审核人 are the district's own, so that an
 * office that changes its district never stamps the other district's unit on a report. Before
 * they were kept per district one set served the office: it is read as the current district's
 * until that district's own are saved (writeReportHeader) or the district changes (changeDistrict).
 */
export async function readReportHeader(db: LedgerDb, district: string): Promise<ReportHeader> {
  const [filledBy, current] = await Promise.all([readSetting(db, 'filledBy'), getSetting<string | undefined>(db, SETTING_KEYS.district, undefined)]);
  const out: ReportHeader = { unit: '', filledBy: text(filledBy), phone: '', reviewer: '' };
  for (const f of DISTRICT_HEADER_FIELDS) {
    const own = await db.settings.get(reportHeaderKey(f, district));
    out[f] = text(own ? own.value : district === current ? (await db.settings.get(REPORT_SETTING_KEYS[f]))?.value : '');
  }
  return out;
}

/** Save a district's report header (and the officer's 填报人) in one transaction. */
export async function writeReportHeader(db: LedgerDb, district: string, h: ReportHeader): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await getSetting<string | undefined>(db, SETTING_KEYS.district, undefined);
    await writeSetting(db, 'filledBy', h.filledBy.trim());
    for (const f of DISTRICT_HEADER_FIELDS) await setSetting(db, reportHeaderKey(f, district), h[f].trim());
    // The office-wide set of before was the current district's: now stored as its own.
    if (district === current) await db.settings.bulkDelete(DISTRICT_HEADER_FIELDS.map((f) => REPORT_SETTING_KEYS[f]));
  });
}

/**
 * Set or change the office's district (first start, 设置 → 更改本区). The office-wide header set
 * of before, if any, becomes the old district's own, so that the new district's reports never
 * carry it. The city's office (武汉市) is 市级; an office that leaves it becomes a district's.
 */
export async function changeDistrict(db: LedgerDb, to: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const from = await getSetting<string | undefined>(db, SETTING_KEYS.district, undefined);
    if (isCityOffice(to)) await setSetting(db, ROUND_SETTING_KEYS.officeLevel, 'city' satisfies OfficeLevel);
    else if (isCityOffice(from)) await setSetting(db, ROUND_SETTING_KEYS.officeLevel, 'district' satisfies OfficeLevel);
    if (from && from !== to) {
      for (const f of DISTRICT_HEADER_FIELDS) {
        const legacy = await db.settings.get(REPORT_SETTING_KEYS[f]);
        if (legacy && !(await db.settings.get(reportHeaderKey(f, from)))) await setSetting(db, reportHeaderKey(f, from), text(legacy.value));
      }
      await db.settings.bulkDelete(DISTRICT_HEADER_FIELDS.map((f) => REPORT_SETTING_KEYS[f]));
    }
    await setSetting(db, SETTING_KEYS.district, to);
  });
}
