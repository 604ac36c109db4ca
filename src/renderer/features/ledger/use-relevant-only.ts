/** The 与本区相关 filter: on by default, remembered per office in the settings table. */
import { useCallback } from 'react';
import { getDb, useQuery, readSetting, writeSetting } from '../../storage';

/** `[on, set]`; `on` is undefined while the setting loads. */
export function useRelevantOnly(): [boolean | undefined, (on: boolean) => void] {
  const on = useQuery(() => readSetting(getDb(), 'ledgerRelevantOnly'), []).data;
  const set = useCallback((v: boolean) => void writeSetting(getDb(), 'ledgerRelevantOnly', v), []);
  return [on, set];
}
