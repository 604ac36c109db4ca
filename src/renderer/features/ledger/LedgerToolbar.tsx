import { memo, useMemo } from 'react';
import { Button, Checkbox, Input, Popover, Select, Space } from 'antd';
import { CheckSquareOutlined, ColumnWidthOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { PolicyDocument, Section } from '@core/model';
import { STATUS_LABELS, TASK_STATUSES } from '@core/model';
import { useLedgerColumns, useLedgerView, type LedgerGrouping } from '../../state/ledger';
import type { LedgerRow } from '../common/task-rows';
import { COLUMN_ORDER } from './TaskGrid';
import { columnLabel } from './grid-columns';
import { PeriodPicker } from '../common/PeriodPicker';
import { LEDGER_TEXT } from './texts';
import { useRelevantOnly } from './use-relevant-only';
import { isCityOffice } from '@core/districts';
import { useAppContext } from '../common/app-context';

const F = LEDGER_TEXT.filters;

/**
 * Search, period, filters, grouping and columns of the ledger. On a keystroke only the search
 * box and the count re-render: the other controls (antd Selects) are memoised apart.
 */
export function LedgerToolbar({ rows, documents, sections, shown, onExportCsv, onLeaveSearch, onBulkClose }: {
  rows: LedgerRow[];
  documents: PolicyDocument[];
  sections: Section[];
  shown: number;
  /** Save the rows shown as CSV. */
  onExportCsv: () => void;
  /** Enter (open the first task found) or ↓ (go into the list) in the search box. */
  onLeaveSearch: (open: boolean) => void;
  /** Open 批量销号. */
  onBulkClose: () => void;
}) {
  const filled = useMemo(() => rows.filter((r) => r.filled).length, [rows]);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 8 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <SearchBox onLeaveSearch={onLeaveSearch} />
        <ToolbarActions onExportCsv={onExportCsv} onBulkClose={onBulkClose} />
        <span style={{ color: '#666', marginLeft: 'auto', whiteSpace: 'nowrap' }} data-testid="ledger-count" title={LEDGER_TEXT.keyboardHint}>
          {LEDGER_TEXT.count(shown, rows.length)} · {LEDGER_TEXT.filledCount(filled)}
        </span>
      </div>
      <FilterBar rows={rows} documents={documents} sections={sections} />
    </div>
  );
}

/** The search box: the only control that follows every keystroke. */
const SearchBox = memo(function SearchBox({ onLeaveSearch }: { onLeaveSearch: (open: boolean) => void }) {
  const search = useLedgerView((s) => s.search);
  const setSearch = useLedgerView((s) => s.setSearch);
  return (
    <Input
      data-testid="ledger-search"
      allowClear
      prefix={<SearchOutlined />}
      placeholder={LEDGER_TEXT.searchPlaceholder}
      style={{ width: 220 }}
      value={search}
      onChange={(e) => setSearch(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        onLeaveSearch(e.key === 'Enter');
      }}
    />
  );
});

/** Period, grouping, columns, CSV and 批量销号. */
const ToolbarActions = memo(function ToolbarActions({ onExportCsv, onBulkClose }: { onExportCsv: () => void; onBulkClose: () => void }) {
  const grouping = useLedgerView((s) => s.grouping);
  const setGrouping = useLedgerView((s) => s.setGrouping);
  const hidden = useLedgerColumns((s) => s.hidden);
  const setHidden = useLedgerColumns((s) => s.setHidden);
  const resetColumns = useLedgerColumns((s) => s.resetColumns);
  return (
    <>
      <PeriodPicker />
      <Space size={4}>
        <span>{LEDGER_TEXT.grouping.label}</span>
        <Select<LedgerGrouping>
          data-testid="grouping"
          style={{ width: 124 }}
          value={grouping}
          onChange={setGrouping}
          options={(['none', 'document', 'section', 'status', 'cluster'] as const).map((g) => ({ value: g, label: LEDGER_TEXT.grouping[g] }))}
        />
      </Space>
      <Popover
        trigger="click"
        placement="bottomLeft"
        content={
          <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="column-chooser">
            {COLUMN_ORDER.filter((c) => c !== 'title').map((c) => (
              <Checkbox key={c} checked={!hidden.includes(c)} onChange={() => setHidden(hidden.includes(c) ? hidden.filter((h) => h !== c) : [...hidden, c])}>
                {columnLabel(c)}
              </Checkbox>
            ))}
            <Button size="small" type="link" style={{ padding: 0, alignSelf: 'flex-start' }} onClick={resetColumns}>
              {LEDGER_TEXT.resetColumns}
            </Button>
          </div>
        }
      >
        <Button icon={<ColumnWidthOutlined />}>{LEDGER_TEXT.columnsButton}</Button>
      </Popover>
      <Button icon={<DownloadOutlined />} onClick={onExportCsv} title={LEDGER_TEXT.exportCsvHint} data-testid="ledger-export-csv">
        {LEDGER_TEXT.exportCsv}
      </Button>
      <Button icon={<CheckSquareOutlined />} onClick={onBulkClose} title={LEDGER_TEXT.close.buttonShortcut} data-testid="bulk-close">
        {LEDGER_TEXT.close.bulkButton}
      </Button>
    </>
  );
});

/** Document, section, status and unit filters and the check boxes (re-render when the data or a filter changes). */
const FilterBar = memo(function FilterBar({ rows, documents, sections }: { rows: LedgerRow[]; documents: PolicyDocument[]; sections: Section[] }) {
  const [relevantOnly, setRelevantOnly] = useRelevantOnly();
  const city = isCityOffice(useAppContext().district);
  const searching = useLedgerView((s) => s.search !== '');
  const filters = useLedgerView((s) => s.filters);
  const setFilters = useLedgerView((s) => s.setFilters);
  const clearFilters = useLedgerView((s) => s.clearFilters);

  const leadUnits = useMemo(() => [...new Set(rows.flatMap((r) => r.task.leadUnits))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [rows]);
  const sectionOptions = useMemo(
    () =>
      sections
        .filter((s) => s.level === 1 && (filters.documentIds.length === 0 || filters.documentIds.includes(s.documentId)))
        .map((s) => ({ value: s.id, label: `${documents.find((d) => d.id === s.documentId)?.shortTitle ?? ''} · ${s.label}、${s.title}` })),
    [sections, documents, filters.documentIds],
  );
  const anyFilter =
    searching ||
    filters.documentIds.length ||
    filters.sectionIds.length ||
    filters.statuses.length ||
    filters.leadUnits.length ||
    filters.overdueOnly ||
    filters.unfilledOnly ||
    filters.showClosed;

  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={F.document}
        style={{ width: 170 }}
        value={filters.documentIds}
        onChange={(documentIds: string[]) => setFilters({ documentIds, sectionIds: [] })}
        options={documents.map((d) => ({ value: d.id, label: d.shortTitle || d.title }))}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={F.section}
        style={{ width: 140 }}
        value={filters.sectionIds}
        onChange={(sectionIds: string[]) => setFilters({ sectionIds })}
        options={sectionOptions}
        popupMatchSelectWidth={false}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={F.status}
        style={{ width: 130 }}
        value={filters.statuses}
        onChange={(statuses: typeof filters.statuses) => setFilters({ statuses })}
        options={[...TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: 'unset', label: F.unset }]}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={F.leadUnit}
        style={{ width: 140 }}
        value={filters.leadUnits}
        onChange={(leadUnits: string[]) => setFilters({ leadUnits })}
        options={leadUnits.map((u) => ({ value: u, label: u }))}
        popupMatchSelectWidth={false}
      />
      {!city && (
        <Checkbox checked={relevantOnly ?? true} onChange={(e) => setRelevantOnly(e.target.checked)} data-testid="filter-relevant">
          {F.relevant}
        </Checkbox>
      )}
      <Checkbox checked={filters.overdueOnly} onChange={(e) => setFilters({ overdueOnly: e.target.checked })} data-testid="filter-overdue">
        {F.overdue}
      </Checkbox>
      <Checkbox checked={filters.unfilledOnly} onChange={(e) => setFilters({ unfilledOnly: e.target.checked })} data-testid="filter-unfilled">
        {F.unfilled}
      </Checkbox>
      <Checkbox checked={filters.showClosed} onChange={(e) => setFilters({ showClosed: e.target.checked })} data-testid="filter-closed">
        {F.showClosed}
      </Checkbox>
      {anyFilter ? (
        <Button size="small" type="link" onClick={clearFilters}>
          {F.clear}
        </Button>
      ) : null}
    </div>
  );
});
