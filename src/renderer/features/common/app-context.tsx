/**
 * The one app context: the officer's district, the office's period kind and its 填报人, read
 * once at the root and given to every page (pages never read them from storage themselves).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { PeriodKind } from '@core/model';

/** What every page knows about the office it works for. */
export interface AppContextValue {
  district: string;
  periodKind: PeriodKind;
  /** 填报人 of the report header (设置); '' when not set. */
  filledBy: string;
}

const Context = createContext<AppContextValue | null>(null);

/** Give `value` to every page below. */
export function AppContextProvider({ value, children }: { value: AppContextValue; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The app context; only below AppContextProvider (the shell is always there). */
export function useAppContext(): AppContextValue {
  const v = useContext(Context);
  if (!v) throw new Error('useAppContext outside AppContextProvider');
  return v;
}
