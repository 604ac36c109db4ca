/** The chosen reporting period: the office's period kind, the current period by date, the officer's choice. */
import { useMemo } from 'react';
import type { PeriodKind, ReportingPeriod } from '@core/model';
import { currentPeriod, parsePeriodId, periodRange, makePeriod, shiftPeriod } from '@core/period';
import { useAppContext } from './app-context';
import { COMMON_TEXT } from './texts';
import { useLedgerView } from '../../state/ledger';

/** First year offered in the period picker (the oldest seed document is from 2023). */
const FIRST_YEAR = 2023;

/** The options of a 报告期 picker: every period offered, the current one marked （本期）. */
export function periodOptions(options: readonly ReportingPeriod[], current: ReportingPeriod): { value: string; label: string }[] {
  return options.map((p) => ({ value: p.id, label: p.id === current.id ? COMMON_TEXT.currentPeriod(p.name) : p.name }));
}

/** The period being reported, the current one, and every period the picker offers (newest first). */
export function useReportingPeriod(): {
  kind: PeriodKind;
  period: ReportingPeriod;
  current: ReportingPeriod;
  options: ReportingPeriod[];
  choose: (id: string | undefined) => void;
} {
  const kind = useAppContext().periodKind;
  const chosenId = useLedgerView((s) => s.periodId);
  const choose = useLedgerView((s) => s.setPeriodId);
  return useMemo(() => {
    const current = currentPeriod(kind, new Date());
    const chosen = chosenId ? parsePeriodId(chosenId) : undefined;
    const period = chosen && chosen.kind === kind ? chosen : current;
    const options = periodRange(makePeriod(kind, FIRST_YEAR, 1), shiftPeriod(current, 1)).reverse();
    return { kind, period, current, options, choose };
  }, [kind, chosenId, choose]);
}
