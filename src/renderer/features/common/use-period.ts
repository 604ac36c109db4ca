/** The chosen reporting period: the office's period kind, the current period by date, the officer's choice. */
import { useMemo } from 'react';
import type { PeriodKind, ReportingPeriod } from '@core/model';
import { currentPeriod, parsePeriodId, periodRange, makePeriod, reportingPeriod, shiftPeriod } from '@core/period';
import { getDb, sentPeriods, useQuery } from '../../storage';
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
  const { periodKind: kind, district } = useAppContext();
  const chosenId = useLedgerView((s) => s.periodId);
  const choose = useLedgerView((s) => s.setPeriodId);
  // 本期 stays the period just ended while it is not yet sent, in its first weeks (reportingPeriod).
  const sent = useQuery(() => (district ? sentPeriods(getDb(), district) : new Set<string>()), [district]).data;
  return useMemo(() => {
    const now = new Date();
    const current = reportingPeriod(kind, now, sent);
    const chosen = chosenId ? parsePeriodId(chosenId) : undefined;
    const period = chosen && chosen.kind === kind ? chosen : current;
    const options = periodRange(makePeriod(kind, FIRST_YEAR, 1), shiftPeriod(currentPeriod(kind, now), 1)).reverse();
    return { kind, period, current, options, choose };
  }, [kind, chosenId, choose, sent]);
}
