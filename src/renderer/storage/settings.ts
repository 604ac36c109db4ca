/**
 * Typed settings: each key of the settings table with the type of its value and its default,
 * in one table. Features read and write settings only through readSetting / writeSetting.
 */
import type { PeriodKind } from '@core/model';
import type { TaskFieldId } from '@core/fields';
import { SETTING_KEYS } from '@core/model';
import { DISTRICT_TARGETS_KEY, type DistrictTarget } from '@core/indicators';
import type { UnitRename } from '@core/unit-names';
import type { LedgerDb } from './ledger-db';
import { getSetting, setSetting } from './repositories';

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
  reportUnit: { key: REPORT_SETTING_KEYS.unit, fallback: '' as string },
  reportPhone: { key: REPORT_SETTING_KEYS.phone, fallback: '' as string },
  reportReviewer: { key: REPORT_SETTING_KEYS.reviewer, fallback: '' as string },
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

/** Read the report header fields from settings (empty strings when not set). */
export async function readReportHeader(db: LedgerDb): Promise<ReportHeader> {
  const str = async (name: 'reportUnit' | 'filledBy' | 'reportPhone' | 'reportReviewer') => {
    const v: unknown = await readSetting(db, name);
    return typeof v === 'string' ? v : '';
  };
  return { unit: await str('reportUnit'), filledBy: await str('filledBy'), phone: await str('reportPhone'), reviewer: await str('reportReviewer') };
}
