/** The 与本区相关 filter: on by default, remembered per office in the settings table. */
import { useCallback } from 'react';
import { SETTING_KEYS } from '@core/model';
import { getDb, useLiveQuery } from '../../storage/live';
import { getSetting, setSetting } from '../../storage/repositories';

/** `[on, set]`; `on` is undefined while the setting loads. */
export function useRelevantOnly(): [boolean | undefined, (on: boolean) => void] {
  const on = useLiveQuery(() => getSetting<boolean>(getDb(), SETTING_KEYS.ledgerRelevantOnly, true), []);
  const set = useCallback((v: boolean) => void setSetting(getDb(), SETTING_KEYS.ledgerRelevantOnly, v), []);
  return [on, set];
}
