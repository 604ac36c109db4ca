import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Empty, Spin } from 'antd';
import { STATUS_LABELS, taskCode } from '@core/model';
import type { TaskFieldId } from '@core/fields';
import { saveTaskGridCsv } from '../common/csv-save';
import { doneBeforePeriod, getDb, useQuery, progressRepo, useLedgerBase, useLedgerStart } from '../../storage';
import { overdueAsOf } from '@core/progress';
import { localDate } from '@core/time';
import { useAppContext } from '../common/app-context';
import { useLedgerView } from '../../state/ledger';
import { useRoute } from '../../state/route';
import { attachProgress, buildSearchIndex, buildTaskInfos, filterRows, isWholeRow, type TaskInfo } from '../common/task-rows';
import { useKeepStartInfos } from './use-keep-start-infos';
import { useReportingPeriod } from '../common/use-period';
import { LedgerToolbar } from './LedgerToolbar';
import { TaskGrid } from './TaskGrid';
import { inGridOrder } from './grid-columns';
import { LEDGER_TEXT } from './texts';
import { useRelevantOnly } from './use-relevant-only';
import { usePinyin } from '../common/use-pinyin';
import { QueryFallback } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

/** Columns of the grid's CSV export, in the order of the 重点任务推进情况表. */
const CSV_FIELDS: readonly TaskFieldId[] = ['seq', 'key', 'document', 'title', 'leadUnits', 'responsibleUnits', 'deadline', 'progress', 'percent', 'status', 'problems', 'nextSteps'];

/** 任务台账: find any task fast and fill in the period's progress. */
export function LedgerPage() {
  const { message } = App.useApp();
  const district = useAppContext().district;
  const { period } = useReportingPeriod();
  // Started as soon as the app knew the district (App.tsx), so the tasks are read while the frame is drawn:
  // first their heads (no texts: half the bytes), with what an earlier start kept of each (relevance,
  // clusters), which the first rows are drawn from; then, once the heads are in (IndexedDB answers in
  // turn, so the period's progress is asked before them), the whole tasks, which replace them.
  const [wholeFor, setWholeFor] = useState<string | undefined>(undefined);
  const baseQuery = useLedgerBase(district, wholeFor === district);
  const whole = baseQuery.data;
  const startQuery = useLedgerStart(district, !whole);
  const startSettled = !startQuery.loading;
  useEffect(() => {
    if (startSettled) setWholeFor(district);
  }, [startSettled, district]);
  const base = whole ?? (baseQuery.error ? undefined : startQuery.data);
  const progressQuery = useQuery(() => (district ? progressRepo.byPeriod(getDb(), district, period.id) : []), [district, period.id]);
  const progress = progressQuery.data;

  // One render per keystroke: the search index answers in a few ms, and the grid, its rows and the
  // toolbar's filters are memoised, so only the count, the search box and the visible rows change.
  const search = useLedgerView((s) => s.search);
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
  const keepSource = useMemo(() => (whole && infos ? { infos, clusters: whole.clusters } : undefined), [whole, infos]);
  useKeepStartInfos(district, startQuery, keepSource);
  // Tasks done in an earlier period (shown 前期已完成, never 逾期), read from the compact period rows once the first rows are painted.
  const painted = Boolean(infos && progress);
  const doneBefore = useQuery(() => (painted && district ? doneBeforePeriod(getDb(), district, period) : null), [painted, district, period.id]).data;
  const asOf = overdueAsOf(localDate(new Date()), period.end);
  const rows = useMemo(
    () => (infos && progress ? attachProgress(infos, progress, period.end, asOf, doneBefore ?? undefined) : undefined),
    [infos, progress, period.end, asOf, doneBefore],
  );
  // The search index of the tasks: built once per data change (again once pinyin is in), then
  // each term's hits are kept, so a keystroke scans at most the previous term's hits. The pinyin
  // dictionary comes after the first rows are painted.
  const pinyinReady = usePinyin(Boolean(rows));
  const index = useMemo(() => (infos ? buildSearchIndex(infos) : undefined), [infos, pinyinReady]); // eslint-disable-line react-hooks/exhaustive-deps
  useWarmSearch(whole ? infos : undefined, pinyinReady);
  const shown = useMemo(() => (rows ? filterRows(rows, filters, search, index) : []), [rows, filters, search, index]);
  // A search that finds nothing among the district's tasks says what it would find among the others.
  const hiddenIrrelevant = useMemo(
    () => (rows && search && filters.relevantOnly && shown.length === 0 ? filterRows(rows, { ...filters, relevantOnly: false }, search, index).length : 0),
    [rows, filters, search, shown.length, index],
  );
  const scrollKey = useMemo(() => JSON.stringify([search, filters]), [search, filters]);
  const shownRef = useRef(shown);
  useEffect(() => {
    shownRef.current = shown;
  }, [shown]);
  const openNextUnfilled = useCallback(
    (from: string) => {
      const list = shownRef.current;
      const byKey = new Map(list.map((r) => [r.task.key, r]));
      const keys = order.current.length ? order.current : list.map((r) => r.task.key);
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
    [select, message],
  );
  const closeDetail = useCallback(() => select(undefined), [select]);
  const leaveSearch = useCallback(
    (open: boolean) => {
      // The top row as the grid shows it (sorted), not the filter's order.
      const grid = document.querySelector<HTMLElement>('[data-testid="task-grid"]');
      const first = grid?.querySelector<HTMLElement>('[data-task-key]')?.dataset.taskKey;
      if (!grid || !first) return;
      setActiveKey(first);
      if (open) select(first);
      grid.focus();
    },
    [select],
  );
  const openBulkClose = useCallback(() => setBulkClosing(true), []);
  const closeDetailAndFocusGrid = useCallback(() => {
    select(undefined);
    document.querySelector<HTMLElement>('[data-testid="task-grid"]')?.focus();
  }, [select]);
  // The task pane shows the whole task: a row drawn from a head opens once the whole tasks are in.
  const openFound = openKey && rows ? rows.find((r) => r.task.key === openKey) : undefined;
  const openRow = openFound && isWholeRow(openFound) ? openFound : undefined;
  const planStart = useMemo(() => {
    const doc = openRow && base?.documents.find((d) => d.id === openRow.task.documentId);
    return doc?.planStartYear ? `${doc.planStartYear}-01-01` : doc?.issueDate;
  }, [openRow, base]);
  const openTaskKey = openRow?.task.key;
  const saveAndNext = useCallback(() => {
    if (openTaskKey) openNextUnfilled(openTaskKey);
  }, [openTaskKey, openNextUnfilled]);

  const exportCsv = useCallback(async () => {
    if (!district) return;
    // In the order the grid shows them (its sort and grouping), as the officer sees the list.
    const data = inGridOrder(shownRef.current, order.current).map((r, i) => ({
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
  }, [district, period, message]);
  const exportCsvClick = useCallback(() => void exportCsv(), [exportCsv]);
  usePreloadAfterPaint(painted);

  if (!rows || !base || !district) return <QueryFallback queries={[whole || baseQuery.error ? baseQuery : startQuery, progressQuery]} what={QUERY_TEXT.pages.ledger} />;

  if (rows.length === 0) return <Empty style={{ marginTop: 80 }} description={LEDGER_TEXT.noTasks} />;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 32px)' }} data-testid="ledger" data-rows-from={whole ? 'tasks' : 'heads'}>
      <LedgerToolbar
        rows={rows}
        documents={base.documents}
        sections={base.sections}
        shown={shown.length}
        onExportCsv={exportCsvClick}
        onBulkClose={openBulkClose}
        onLeaveSearch={leaveSearch}
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
            onClose={closeDetail}
            orderRef={order}
            scrollKey={scrollKey}
          />
        )}
        {openRow && (
          <Suspense fallback={<DetailLoading />}>
            <TaskDetailMemo
              row={openRow}
              district={district}
              period={period}
              planStart={planStart}
              onClose={closeDetailAndFocusGrid}
              autoFocus={focusKey === openRow.task.key}
              onSaveAndNext={saveAndNext}
            />
          </Suspense>
        )}
        {bulkClosing && whole && (
          <Suspense fallback={null}>
            <CloseDialogLazy
              scope={{ kind: 'bulk', documents: whole.documents, tasks: whole.tasks, shownKeys: shown.filter((r) => !r.task.closedAt).map((r) => r.task.key) }}
              defaultBy=""
              onClose={() => setBulkClosing(false)}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
}

// The open task's pane and the 销号 dialog are chunks of their own (the date picker, the form, the
// audit table): the start parses none of it before the first rows are painted, and loads it right
// after (usePreloadAfterPaint), so opening a task does not wait for it.
const loadDetail = () => import('./TaskDetail');
const loadCloseDialog = () => import('./CloseDialog');
/** The open task's pane, re-rendered only when its own props change (not on every keystroke in the search box). */
const TaskDetailMemo = lazy(() => loadDetail().then((m) => ({ default: memo(m.TaskDetail) })));
const CloseDialogLazy = lazy(() => loadCloseDialog().then((m) => ({ default: m.CloseDialog })));

/** Where the open task's pane will be, while its chunk loads (the first opening only). */
function DetailLoading() {
  return (
    <div style={{ width: 'clamp(540px, 52%, 800px)', flex: 'none', background: '#fff', border: '1px solid #e5e7eb', borderRadius: 4 }}>
      <Spin style={{ display: 'block', marginTop: 80 }} />
    </div>
  );
}

/** Once the first rows are painted: a frame, then the task pane's and the dialog's chunks. */
function usePreloadAfterPaint(painted: boolean): void {
  useEffect(() => {
    if (!painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => void Promise.all([loadDetail(), loadCloseDialog()]).catch(() => undefined), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
}

/**
 * After the first paint, builds the tasks' search keys (and, once the dictionary is in, their
 * pinyin forms) in small slices between frames, so neither the start nor the first search
 * pays for 10,000 tasks at once.
 */
function useWarmSearch(infos: readonly TaskInfo[] | undefined, pinyinReady: boolean): void {
  useEffect(() => {
    if (!infos) return;
    let i = 0;
    let timer: ReturnType<typeof setTimeout>;
    const slice = () => {
      const until = performance.now() + 8;
      while (i < infos.length && performance.now() < until) {
        const key = infos[i++]!.search;
        void (pinyinReady ? key.initials : key.text);
      }
      if (i < infos.length) timer = setTimeout(slice, 16);
    };
    timer = setTimeout(slice, 16);
    return () => clearTimeout(timer);
  }, [infos, pinyinReady]);
}
