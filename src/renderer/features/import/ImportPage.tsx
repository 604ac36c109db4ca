/**
 * 导入更新: open or drop the city's task list → pick the sheet → confirm the columns when
 * unsure → preview every change → apply in one transaction (after a backup) → undo.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, List, Progress, Radio, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { defaultSheet, finalizePlan, hasTaskTable, planCounts, type ColumnMapping, type ImportPlan } from '@core/import';
import { type Cluster } from '@core/model';
import { unitRenameTable, type UnitRename } from '@core/unit-names';
import { TASK_FIELDS, type TaskFieldId } from '@core/fields';
import type { OpenedFile } from '@shared/bridge';
import { platform } from '../../platform';
import { getDb, useQuery, readSetting, listImports, undoImport, allDocuments, lockedPeriods, getDistrict, progressRepo } from '../../storage';
import { hasContent } from '@core/progress';
import { useReportingPeriod } from '../common/use-period';
import { parsePeriodId } from '@core/period';
import { useAppContext } from '../common/app-context';
import { ImportClient, type SheetSummary } from './import-client';
import { applyPreviewedPlan, readPlanContext, rememberColumns } from './import-flow';
import { useImportInbox } from './import-inbox';
import { PlanPreview, type PreviewChoices } from './PlanPreview';
import { ArchivedTasks } from './ArchivedTasks';
import { IMPORT_STEP_TEXT, IMPORT_TEXT } from './texts';
import { QueryProblem } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

const T = { ...IMPORT_TEXT, ...IMPORT_STEP_TEXT };

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; stage: string; fraction: number }
  | { kind: 'error'; message: string }
  | { kind: 'sheets'; file: string; sheets: SheetSummary[]; picked: number }
  | { kind: 'mapping'; file: string; sheets: SheetSummary[]; picked: number; columns: ColumnMapping[] }
  | { kind: 'preview'; file: string; sheets: SheetSummary[]; picked: number; plan: ImportPlan; columns?: ColumnMapping[]; clusters: Cluster[]; renames: UnitRename[] }
  | { kind: 'done'; recordId: string; counts: { added: number; updated: number; archived: number }; filled?: number; undone?: string };

const FIELD_OPTIONS = [
  { value: '', label: T.ignore },
  ...TASK_FIELDS.map((f) => ({ value: f.id, label: T.fields[f.id] })),
];

/** 导入更新 */
export function ImportPage() {
  const { modal } = App.useApp();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [choices, setChoices] = useState<PreviewChoices>({ skipped: new Set(), choices: {} });
  const clientRef = useRef<ImportClient | null>(null);
  const documentsQuery = useQuery(() => allDocuments(getDb()), []);
  const documents = documentsQuery.data;
  const historyQuery = useQuery(() => listImports(getDb()), []);
  const history = historyQuery.data;
  const docName = useMemo(() => {
    const m = new Map((documents ?? []).map((d) => [d.id, d.shortTitle]));
    return (id: string) => m.get(id) ?? (step.kind === 'preview' ? step.plan.newDocuments.find((d) => d.id === id)?.shortTitle : undefined) ?? id;
  }, [documents, step]);

  const progress = (stage: string, fraction: number) => setStep({ kind: 'busy', stage, fraction });

  const plan = useCallback(async (file: string, sheets: SheetSummary[], picked: number, columns?: ColumnMapping[]) => {
    const client = clientRef.current;
    if (!client) return;
    progress(T.planning, 0.1);
    const { existing, documents: docs, sections, clusters, district, renames } = await readPlanContext(getDb());
    const res = await client.plan({ type: 'plan', sheetIndex: picked, columns, existing, documents: docs, sections, clusters, district, renames, now: new Date().toISOString() });
    if ('message' in res) return setStep({ kind: 'error', message: res.message });
    setChoices({ skipped: new Set(), choices: {} });
    setStep({ kind: 'preview', file, sheets, picked, plan: res.plan, columns: res.layout?.columns, clusters, renames });
  }, []);

  const continueWithSheet = useCallback(
    (file: string, sheets: SheetSummary[], picked: number) => {
      const layout = sheets[picked]?.layout;
      if (layout?.needsReview) setStep({ kind: 'mapping', file, sheets, picked, columns: layout.columns });
      else void plan(file, sheets, picked);
    },
    [plan],
  );

  const start = useCallback(
    async (file: OpenedFile) => {
      clientRef.current?.close();
      const client = new ImportClient(progress);
      clientRef.current = client;
      progress(T.reading, 0);
      const [remembered, district] = await Promise.all([readSetting(getDb(), 'importMapping'), getDistrict(getDb())]);
      const res = await client.read(file.name, file.data, remembered);
      if (!res.ok) return setStep({ kind: 'error', message: res.message });
      // A 汇总 sheet has a header but no tasks; of a sheet per district, the officer's own comes first.
      const withTable = res.sheets.filter(hasTaskTable);
      const picked = defaultSheet(res.sheets, district);
      if (withTable.length > 1 || (withTable.length === 0 && res.sheets.length > 1)) setStep({ kind: 'sheets', file: file.name, sheets: res.sheets, picked });
      else continueWithSheet(file.name, res.sheets, picked);
    },
    [continueWithSheet],
  );

  // A file dropped on the window or opened from outside.
  const pending = useImportInbox((s) => s.pending);
  useEffect(() => {
    if (!pending) return;
    const f = useImportInbox.getState().take();
    if (f) void start(f);
  }, [pending, start]);
  useEffect(() => platform().onFileOpened((f) => useImportInbox.getState().offer(f)), []);
  useEffect(() => () => clientRef.current?.close(), []);

  const choose = async () => {
    const f = await platform().openFile({ title: T.choose, filters: [{ name: T.fileFilter, extensions: ['xlsx', 'xls', 'csv'] }] });
    if (f) void start(f);
  };

  const confirmMapping = async (s: Extract<Step, { kind: 'mapping' }>) => {
    await rememberColumns(getDb(), s.sheets[s.picked]!.layout!, s.columns);
    void plan(s.file, s.sheets, s.picked, s.columns);
  };

  const apply = async (p: ImportPlan, renames: UnitRename[]) => {
    const res = await applyPreviewedPlan(getDb(), p, choices, renames, { onBackup: () => progress(T.backingUp, 0.3) });
    if (!res.ok) return res.refused ? modal.error({ title: T.readFailed, content: res.message }) : setStep({ kind: 'error', message: res.message });
    setStep({ kind: 'done', recordId: res.recordId, counts: res.counts, filled: res.filled });
  };

  const undo = (recordId: string) =>
    modal.confirm({
      title: T.undo,
      content: T.undoConfirm,
      okText: T.undo,
      cancelText: T.cancel,
      onOk: async () => {
        const res = await undoImport(getDb(), recordId);
        if (!res.ok) return modal.error({ title: T.undo, content: res.message });
        const kept = res.keptArchived.length > 0 ? ` ${T.undoneKept(res.keptArchived.join('、'))}` : '';
        setStep((s) => (s.kind === 'done' ? { ...s, undone: T.undone + kept } : { kind: 'done', recordId, counts: { added: 0, updated: 0, archived: 0 }, undone: T.undone + kept }));
      },
    });

  return (
    <div data-testid="import-page" style={{ maxWidth: 1180 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {T.title}
      </Typography.Title>
      {step.kind === 'idle' && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {T.intro}
          </Typography.Paragraph>
          <Card style={{ textAlign: 'center', borderStyle: 'dashed' }}>
            <InboxOutlined style={{ fontSize: 40, color: '#1677ff' }} />
            <div style={{ margin: '8px 0' }}>
              <Button type="primary" size="large" onClick={choose} data-testid="import-choose">
                {T.choose}
              </Button>
            </div>
            <Typography.Text type="secondary">
              {T.dropHint}。{T.limits}
            </Typography.Text>
          </Card>
          <Card title={T.history} size="small">
            <QueryProblem queries={[historyQuery, documentsQuery]} what={QUERY_TEXT.pages.importHistory} />
            {(history ?? []).length === 0 ? (
              <Typography.Text type="secondary">{T.historyEmpty}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={history ?? []}
                renderItem={(r, i) => (
                  <List.Item
                    actions={
                      i === 0 && !r.undoneAt ? [<Button key="u" size="small" onClick={() => undo(r.id)}>{T.undo}</Button>] : r.undoneAt ? [<Tag key="d">{T.historyUndone}</Tag>] : []
                    }
                  >
                    {new Date(r.at).toLocaleString('zh-CN')} · {r.fileName}
                    {r.counts ? ` · ${T.historyCounts(r.counts.added, r.counts.updated, r.counts.archived)}` : ''}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <ArchivedTasks docName={docName} />
        </Space>
      )}
      {step.kind === 'busy' && (
        <Card>
          <Typography.Text>{step.stage}…</Typography.Text>
          <Progress percent={Math.round(step.fraction * 100)} status="active" data-testid="import-progress" />
        </Card>
      )}
      {step.kind === 'error' && (
        <Result
          status="warning"
          title={T.readFailed}
          subTitle={<span data-testid="import-error">{step.message}</span>}
          extra={<Button type="primary" onClick={() => setStep({ kind: 'idle' })}>{T.chooseAgain}</Button>}
        />
      )}
      {step.kind === 'sheets' && (
        <Card title={T.sheetPick}>
          <Radio.Group value={step.picked} onChange={(e) => setStep({ ...step, picked: e.target.value as number })}>
            <Space orientation="vertical">
              {step.sheets.map((s) => (
                <Radio key={s.index} value={s.index}>
                  {s.name}（{T.sheetRows(s.rowCount)}）{s.hidden ? T.sheetHidden : ''}{hasTaskTable(s) ? '' : T.sheetNoTable}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          <div style={{ marginTop: 16 }}>
            <Space>
              <Button type="primary" onClick={() => continueWithSheet(step.file, step.sheets, step.picked)}>
                {T.next}
              </Button>
              <Button onClick={() => setStep({ kind: 'idle' })}>{T.cancel}</Button>
            </Space>
          </div>
        </Card>
      )}
      {step.kind === 'mapping' && (
        <Card title={T.mappingTitle}>
          <Typography.Paragraph type="secondary">{T.mappingIntro}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="column"
            pagination={false}
            dataSource={step.columns}
            columns={[
              { title: T.mappingHeader, key: 'h', width: 220, render: (_, m) => m.header || T.columnNumber(m.column + 1) },
              { title: T.mappingSample, key: 's', render: (_, m) => step.sheets[step.picked]!.sample.map((r) => r[m.column]).filter(Boolean).slice(0, 2).join(' / ').slice(0, 60) },
              {
                title: T.mappingField,
                key: 'f',
                width: 260,
                render: (_, m) => (
                  <Space>
                    <Select
                      style={{ width: 170 }}
                      value={m.field ?? ''}
                      options={FIELD_OPTIONS}
                      onChange={(v: string) =>
                        setStep({ ...step, columns: step.columns.map((c) => (c.column === m.column ? { ...c, field: (v || null) as TaskFieldId | null, confidence: 1 } : c)) })
                      }
                    />
                    {m.field && <Tag color={m.confidence >= 1 ? 'green' : 'orange'}>{m.confidence >= 1 ? T.confidenceSure : T.confidenceGuess}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => void confirmMapping(step)}>
              {T.mappingConfirm}
            </Button>
            <Button onClick={() => setStep({ kind: 'idle' })}>{T.cancel}</Button>
          </Space>
        </Card>
      )}
      {step.kind === 'preview' && <Preview step={step} choices={choices} setChoices={setChoices} docName={docName} onApply={(p) => apply(p, step.renames)} onCancel={() => setStep({ kind: 'idle' })} onMapping={() => setStep({ kind: 'mapping', file: step.file, sheets: step.sheets, picked: step.picked, columns: step.columns ?? step.sheets[step.picked]?.layout?.columns ?? [] })} />}
      {step.kind === 'done' && (
        <Result
          status="success"
          title={<span data-testid="import-done">{step.undone ? T.undoneTitle : T.applied}</span>}
          subTitle={<span data-testid="import-done-detail">{step.undone ?? `${T.appliedDetail(step.counts.added, step.counts.updated, step.counts.archived)}${step.filled ? T.appliedFilled(step.filled) : ''}`}</span>}
          extra={
            <Space>
              {!step.undone && (
                <Button danger onClick={() => undo(step.recordId)} data-testid="import-undo">
                  {T.undo}
                </Button>
              )}
              <Button type="primary" onClick={() => setStep({ kind: 'idle' })}>
                {T.finish}
              </Button>
            </Space>
          }
        />
      )}
    </div>
  );
}

/**
 * Periods already 报送 and locked: an import changes their reports' task lists (the files sent
 * stay as sent), so the officer is told before confirming, and where to see the change after.
 */
/** The tasks whose progress of the period the ledger shows holds something written, with that period's name. */
function useFilledNow(): { keys: ReadonlySet<string>; period: string } | undefined {
  const { district } = useAppContext();
  const { period } = useReportingPeriod();
  const entries = useQuery(() => progressRepo.byPeriod(getDb(), district, period.id), [district, period.id]).data;
  return entries && { keys: new Set(entries.filter(hasContent).map((e) => e.taskKey)), period: period.name };
}

function SubmittedPeriodsNotice() {
  const { district } = useAppContext();
  const locked = useQuery(() => lockedPeriods(getDb(), district), [district]).data;
  if (!locked?.length) return null;
  return <Alert type="warning" showIcon data-testid="import-submitted-periods" title={T.submittedPeriods(locked.map((id) => parsePeriodId(id)?.name ?? id))} style={{ marginBottom: 8 }} />;
}

function Preview({
  step,
  choices,
  setChoices,
  docName,
  onApply,
  onCancel,
  onMapping,
}: {
  step: Extract<Step, { kind: 'preview' }>;
  choices: PreviewChoices;
  setChoices: (c: PreviewChoices) => void;
  docName: (id: string) => string;
  onApply: (p: ImportPlan) => void;
  onCancel: () => void;
  onMapping: () => void;
}) {
  const p = step.plan;
  const c = planCounts(p);
  const on = (id: string) => !choices.skipped.has(id);
  const fin = finalizePlan(p, choices, unitRenameTable(step.renames));
  const writes =
    fin.accepted?.tasks.length ??
    p.added.filter((a) => on(a.id)).length +
      p.updated.filter((u) => on(u.id)).length +
      p.removed.filter((r) => on(r.id)).length +
      Object.values(choices.choices).filter((v) => v !== 'skip').length;
  const open = p.ambiguous.filter((a) => !choices.choices[a.id]).length;
  const errors = p.issues.filter((i) => i.severity === 'error');
  const filledNow = useFilledNow();
  return (
    <Card title={T.previewTitle(step.file, step.sheets[step.picked]?.name ?? '')} extra={<Button onClick={onMapping}>{T.adjustMapping}</Button>}>
      {errors.length > 0 && <Alert type="error" showIcon title={T.errorsBlock} description={errors.map((e) => <div key={e.message}>{e.message}</div>)} style={{ marginBottom: 8 }} />}
      {errors.length === 0 && c.added + c.updated + c.removed + c.ambiguous + c.filled + p.unified.length === 0 && (
        // A list that leaves tasks unarchived (see 删除) is not the ledger's equal.
        <Alert type={p.issues.some((i) => i.about === 'scope') ? 'info' : 'success'} showIcon title={p.issues.some((i) => i.about === 'scope') ? T.noChangesScope : T.noChanges} style={{ marginBottom: 8 }} />
      )}
      {errors.length === 0 && c.added + c.updated + c.removed + c.ambiguous > 0 && <SubmittedPeriodsNotice />}
      <PlanPreview plan={p} choices={choices} onChange={setChoices} docName={docName} clusters={step.clusters} filledNow={filledNow} />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" data-testid="import-apply" disabled={errors.length > 0 || open > 0 || writes === 0} onClick={() => onApply(p)}>
          {T.apply(writes)}
        </Button>
        <Button onClick={onCancel}>{T.cancel}</Button>
        {errors.length > 0 ? (
          <Typography.Text type="danger">{T.errorsFirst}</Typography.Text>
        ) : (
          open > 0 && <Typography.Text type="warning">{T.openMatches(open)}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
