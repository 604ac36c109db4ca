import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { App, Empty, Spin } from 'antd';
import { STATUS_LABELS, taskCode } from '@core/model';
import type { TaskFieldId } from '@core/fields';
import { saveTaskGridCsv } from '../common/csv-save';
import { getDb, useQuery, clustersRepo, documentsRepo, progressRepo, tasksRepo, allSections } from '../../storage';
import { useAppContext } from '../common/app-context';
import { useLedgerView } from '../../state/ledger';
import { useRoute } from '../../state/route';
import { attachProgress, buildTaskInfos, filterRows, filterRowsNarrowing, type FilterMemo } from './rows';
import { useReportingPeriod } from '../common/use-period';
import { LedgerToolbar } from './LedgerToolbar';
import { TaskGrid } from './TaskGrid';
import { TaskDetail } from './TaskDetail';
import { LEDGER_TEXT } from './texts';
import { useRelevantOnly } from './use-relevant-only';
import { CloseDialog } from './CloseDialog';

/** Columns of the grid's CSV export, in the order of the 重点任务推进情况表. */
const CSV_FIELDS: readonly TaskFieldId[] = ['seq', 'key', 'document', 'title', 'leadUnits', 'responsibleUnits', 'deadline', 'progress', 'percent', 'status', 'problems', 'nextSteps'];

/** 任务台账: find any task fast and fill in the period's progress. */
export function LedgerPage() {
  const { message } = App.useApp();
  const district = useAppContext().district;
  const { period } = useReportingPeriod();
  const base = useQuery(async () => {
    if (!district) return undefined;
    const db = getDb();
    const [tasks, documents, sections, clusters] = await Promise.all([
      tasksRepo.active(db),
      documentsRepo.all(db),
      allSections(db),
      clustersRepo.byDistrict(db, district),
    ]);
    return { tasks, documents, sections, clusters };
  }, [district]).data;
  const progress = useQuery(() => (district ? progressRepo.byPeriod(getDb(), district, period.id) : []), [district, period.id]).data;

  // Typing stays responsive with 10,000 tasks: filtering follows the input at lower priority.
  const search = useDeferredValue(useLedgerView((s) => s.search));
  const sessionFilters = useLedgerView((s) => s.filters);
  const [relevantOnly] = useRelevantOnly();
  const filters = useMemo(() => ({ ...sessionFilters, relevantOnly: relevantOnly ?? true }), [sessionFilters, relevantOnly]);
  const grouping = useLedgerView((s) => s.grouping);
  const openKey = useLedgerView((s) => s.selectedTaskKey);
  const select = useLedgerView((s) => s.select);
  const [activeKey, setActiveKey] = useState<string | undefined>(openKey);
  // The task opened by Ctrl+Enter gets the cursor in 状态.
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);
  const order = useRef<string[]>([]);
  const [bulkClosing, setBulkClosing] = useState(false);

  // Arriving from another page with a task to open (e.g. the dashboard).
  const routeTask = useRoute((s) => s.taskKey);
  useEffect(() => {
    if (routeTask) {
      select(routeTask);
      setActiveKey(routeTask);
    }
  }, [routeTask, select]);

  const infos = useMemo(() => (base && district ? buildTaskInfos({ ...base, district }) : undefined), [base, district]);
  const rows = useMemo(() => (infos && progress ? attachProgress(infos, progress, period.end) : undefined), [infos, progress, period.end]);
  // Typing on narrows the previous result rather than searching all 10,000 rows again.
  const lastFilter = useRef<FilterMemo | undefined>(undefined);
  const shown = useMemo(() => {
    if (!rows) return [];
    lastFilter.current = filterRowsNarrowing(lastFilter.current, rows, filters, search);
    return lastFilter.current.result;
  }, [rows, filters, search]);
  // A search that finds nothing among the district's tasks says what it would find among the others.
  const hiddenIrrelevant = useMemo(
    () => (rows && search && filters.relevantOnly && shown.length === 0 ? filterRows(rows, { ...filters, relevantOnly: false }, search).length : 0),
    [rows, filters, search, shown.length],
  );
  const openNextUnfilled = useCallback(
    (from: string) => {
      const byKey = new Map(shown.map((r) => [r.task.key, r]));
      const keys = order.current.length ? order.current : shown.map((r) => r.task.key);
      const at = keys.indexOf(from);
      for (let i = 1; i <= keys.length; i++) {
        const k = keys[(at + i) % keys.length]!;
        const r = byKey.get(k);
        if (k !== from && r && !r.filled && !r.closed) {
          setActiveKey(k);
          setFocusKey(k);
          select(k);
          return;
        }
      }
      message.info(LEDGER_TEXT.detail.noMoreUnfilled);
    },
    [shown, select, message],
  );
  const openRow = openKey && rows ? rows.find((r) => r.task.key === openKey) : undefined;
  const planStart = useMemo(() => {
    const doc = openRow && base?.documents.find((d) => d.id === openRow.task.documentId);
    return doc?.planStartYear ? `${doc.planStartYear}-01-01` : doc?.issueDate;
  }, [openRow, base]);

  if (!rows || !base || !district) return <Spin style={{ marginTop: 80, width: '100%' }} />;

  const exportCsv = async () => {
    const data = shown.map((r, i) => ({
      seq: i + 1,
      key: taskCode(r.task),
      document: r.documentTitle,
      title: r.task.title,
      leadUnits: r.task.leadUnits.join('、'),
      responsibleUnits: r.task.responsibleUnits.join('、'),
      deadline: r.task.deadlineText || r.task.deadline || '',
      progress: r.progress?.progress ?? '',
      percent: r.percent ?? null,
      status: r.status ? STATUS_LABELS[r.status] : '',
      problems: r.progress?.problems ?? '',
      nextSteps: r.progress?.nextSteps ?? '',
    }));
    try {
      const res = await saveTaskGridCsv(data, district, period, CSV_FIELDS);
      if (res.status === 'saved') message.success(LEDGER_TEXT.exportCsvDone(res.name));
    } catch (e) {
      message.error(LEDGER_TEXT.exportCsvFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  if (rows.length === 0) return <Empty style={{ marginTop: 80 }} description={LEDGER_TEXT.noTasks} />;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 32px)' }} data-testid="ledger">
      <LedgerToolbar
        rows={rows}
        documents={base.documents}
        sections={base.sections}
        shown={shown.length}
        onExportCsv={() => void exportCsv()}
        onBulkClose={() => setBulkClosing(true)}
        onLeaveSearch={(open) => {
          // The top row as the grid shows it (sorted), not the filter's order.
          const grid = document.querySelector<HTMLElement>('[data-testid="task-grid"]');
          const first = grid?.querySelector<HTMLElement>('[data-task-key]')?.dataset.taskKey;
          if (!grid || !first) return;
          setActiveKey(first);
          if (open) select(first);
          grid.focus();
        }}
      />
      <div style={{ display: 'flex', gap: 8, flex: 1, minHeight: 0 }}>
        {shown.length === 0 ? (
          <Empty
            style={{ flex: 1, marginTop: 60 }}
            description={
              <span data-testid="ledger-empty">
                {LEDGER_TEXT.empty}
                {hiddenIrrelevant > 0 && (
                  <>
                    <br />
                    {LEDGER_TEXT.filters.hiddenIrrelevant(hiddenIrrelevant)}
                  </>
                )}
              </span>
            }
          />
        ) : (
          <TaskGrid
            rows={shown}
            all={rows}
            grouping={grouping}
            activeKey={activeKey}
            openKey={openRow ? openKey : undefined}
            onActivate={setActiveKey}
            onOpen={select}
            onClose={() => select(undefined)}
            orderRef={order}
          />
        )}
        {openRow && (
          <TaskDetail
            row={openRow}
            district={district}
            period={period}
            planStart={planStart}
            onClose={() => {
              select(undefined);
              document.querySelector<HTMLElement>('[data-testid="task-grid"]')?.focus();
            }}
            autoFocus={focusKey === openRow.task.key}
            onSaveAndNext={() => openNextUnfilled(openRow.task.key)}
          />
        )}
        {bulkClosing && (
          <CloseDialog
            scope={{ kind: 'bulk', documents: base.documents, tasks: base.tasks, shownKeys: shown.filter((r) => !r.task.closedAt).map((r) => r.task.key) }}
            defaultBy=""
            onClose={() => setBulkClosing(false)}
          />
        )}
      </div>
    </div>
  );
}
