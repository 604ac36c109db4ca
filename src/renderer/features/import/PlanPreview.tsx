/**
 * The preview is the plan: what the city changed (新增 / 修改 / 删除 / 未变 / 需确认 / 问题, each
 * row accepted or skipped), apart from 与本区相关的变化 (always shown), 补充 and 名称统一
 * (collapsed, applied by default).
 */
import type { ReactNode } from 'react';
import { Alert, Checkbox, Collapse, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { RENAME_GROUP_ID, relevanceChanges, taskFieldText, type ImportPlan, type MatchHow, type PlannedRelevanceChange, type PlannedUpdate } from '@core/import';
import { taskCode, type Cluster, type Task } from '@core/model';
import type { TaskFieldId } from '@core/fields';
import { IMPORT_STEP_TEXT, IMPORT_TEXT } from './texts';
import { textChange } from './text-change';

const T = { ...IMPORT_TEXT, ...IMPORT_STEP_TEXT };

/** The officer's choices, owned by the page. */
export interface PreviewChoices {
  skipped: Set<string>;
  choices: Record<string, string>;
}

const PAGE = { pageSize: 50, showSizeChanger: false, hideOnSinglePage: true } as const;

const fieldValue = (t: Task, f: TaskFieldId, docName: (id: string) => string) => taskFieldText(t, f, docName);

const howLabel = (how: MatchHow, c: number) => (how === 'text' ? `${T.how.text} ${T.confidence(c)}` : T.how[how]);

/** The 任务编号 and 重点任务 columns of a table whose rows carry a task (one definition for every tab). */
function taskColumns<R>(taskOf: (r: R) => Task, widths: { key?: number; title?: number } = {}) {
  return [
    { title: T.key, key: 'key', width: widths.key ?? 110, render: (_: unknown, r: R) => taskCode(taskOf(r)) },
    { title: T.task, key: 'title', ...(widths.title ? { width: widths.title } : {}), render: (_: unknown, r: R) => taskOf(r).title },
  ];
}

const REMOVED_STYLE = { background: '#fff1f0', color: '#a8071a', textDecoration: 'line-through', padding: '0 2px' } as const;
const ADDED_STYLE = { background: '#f6ffed', color: '#135200', padding: '0 2px' } as const;

function Changes({ u, docName }: { u: PlannedUpdate; docName: (id: string) => string }) {
  return (
    <div data-testid="update-changes">
      {u.restored && <Tag color="blue">{T.restored}</Tag>}
      {u.changedFields.map((f) => {
        const before = fieldValue(u.before, f, docName);
        const after = fieldValue(u.after, f, docName);
        // A long text shows only what changed, in its context; the whole texts on hover.
        const c = before && after ? textChange(before, after) : undefined;
        return (
          <div key={f} style={{ marginBottom: 4 }}>
            <Typography.Text strong>{T.fields[f]}：</Typography.Text>
            {c ? (
              <span title={`${T.beforeWhole}${before}\n${T.afterWhole}${after}`} data-testid="text-change">
                {c.before}
                {c.removed && (
                  <span data-testid="old-value" style={REMOVED_STYLE}>
                    {c.removed}
                  </span>
                )}
                {c.added && (
                  <span data-testid="new-value" style={ADDED_STYLE}>
                    {c.added}
                  </span>
                )}
                {c.after}
              </span>
            ) : (
              <>
                <span data-testid="old-value" style={REMOVED_STYLE}>
                  {before || T.emptyValue}
                </span>
                {' → '}
                <span data-testid="new-value" style={ADDED_STYLE}>
                  {after || T.emptyValue}
                </span>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** The tabs of the plan with per-row accept/skip and the ambiguous choices. */
export function PlanPreview({
  plan,
  choices,
  onChange,
  docName,
  clusters = [],
  filledNow,
}: {
  plan: ImportPlan;
  choices: PreviewChoices;
  onChange: (next: PreviewChoices) => void;
  docName: (id: string) => string;
  /** Every district's clusters, for 与本区相关的变化 under the current choices. */
  clusters?: readonly Cluster[];
  /** Tasks with progress written for the period the ledger shows, and its name: archiving them takes them out of its report. */
  filledNow?: { keys: ReadonlySet<string>; period: string };
}) {
  const toggle = (id: string, on: boolean) => {
    const skipped = new Set(choices.skipped);
    if (on) skipped.delete(id);
    else skipped.add(id);
    onChange({ ...choices, skipped });
  };
  const acceptCol = {
    title: T.accept,
    key: 'accept',
    width: 60,
    render: (_: unknown, r: { id: string }) => (
      <Checkbox aria-label={T.accept} checked={!choices.skipped.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
    ),
  };
  const rowCol = { title: T.row, dataIndex: 'row', key: 'row', width: 60 };
  const label = (name: string, n: number, testId: string) => (
    <span>
      {name} <Tag data-testid={testId} color={n > 0 ? 'processing' : 'default'}>{n}</Tag>
    </span>
  );
  const chosenKeys = new Set(Object.values(choices.choices));
  const errors = plan.issues.filter((i) => i.severity === 'error');
  const setGroup = (ids: string[], on: boolean) => {
    const skipped = new Set(choices.skipped);
    for (const id of ids) if (on) skipped.delete(id);
    else skipped.add(id);
    onChange({ ...choices, skipped });
  };
  const removedFilled = filledNow ? plan.removed.filter((r) => !choices.skipped.has(r.id) && filledNow.keys.has(r.before.key)).length : 0;
  const fillIds = plan.filled.map((f) => f.id);
  const fillsOn = fillIds.filter((id) => !choices.skipped.has(id)).length;
  const relevance = plan.district ? relevanceChanges(plan, choices, plan.district, clusters) : [];
  const codeOf = (key: string) => {
    const t =
      plan.updated.find((u) => u.before.key === key)?.before ??
      plan.filled.find((f) => f.before.key === key)?.before ??
      plan.unified.find((u) => u.key === key)?.before ??
      plan.removed.find((r) => r.before.key === key)?.before ??
      plan.added.find((a) => a.task.key === key)?.task;
    return { code: t ? taskCode(t) : key, title: t?.title ?? '' };
  };
  const markedOf = (key: string) => plan.removed.find((x) => x.before.key === key && x.row !== undefined);
  const reasonText = (r: PlannedRelevanceChange) =>
    r.cause === 'archived'
      ? (() => {
          const m = markedOf(r.key);
          return m ? T.relevanceArchivedMarked(m.row!, m.mark ?? '') : T.relevanceArchived;
        })()
      : r.cause === 'added'
        ? T.relevanceAdded(r.after.join('；'))
        : r.cause === 'restored'
          ? T.relevanceRestored(r.after.join('；'))
        : T.relevanceFields(r.fields.map((f) => T.fields[f]).join('、'), r.before.join('；') || T.relevanceNone, r.after.join('；') || T.relevanceNone);
  const sideItems = [
    plan.filled.length > 0 && {
      key: 'filled',
      label: (
        <span data-testid="filled-header">
          {T.filledTitle(plan.filled.length)}
        </span>
      ),
      extra: (
        <span onClick={(e) => e.stopPropagation()}>
          <Checkbox
            data-testid="toggle-filled"
            checked={fillsOn === fillIds.length}
            indeterminate={fillsOn > 0 && fillsOn < fillIds.length}
            onChange={(e) => setGroup(fillIds, e.target.checked)}
          >
            {T.filledApply}
          </Checkbox>
        </span>
      ),
      children: (
        <Table
          data-testid="table-filled"
          size="small"
          rowKey="id"
          pagination={PAGE}
          dataSource={plan.filled}
          columns={[
            acceptCol,
            rowCol,
            ...taskColumns((f: ImportPlan['filled'][number]) => f.before, { title: 220 }),
            {
              title: T.filledField,
              key: 'fields',
              render: (_, f) =>
                f.filledFields.map((x) => (
                  <div key={x}>
                    <Typography.Text strong>{T.fields[x]}：</Typography.Text>
                    {fieldValue(f.after, x, docName)}
                  </div>
                )),
            },
          ]}
        />
      ),
    },
    plan.renamed.length > 0 && {
      key: 'renamed',
      label: <span data-testid="renamed-header">{T.renamedTitle(plan.renamed.length)}</span>,
      extra: (
        <span onClick={(e) => e.stopPropagation()}>
          <Checkbox data-testid="toggle-renamed" checked={!choices.skipped.has(RENAME_GROUP_ID)} onChange={(e) => setGroup([RENAME_GROUP_ID], e.target.checked)}>
            {T.renamedApply}
          </Checkbox>
        </span>
      ),
      children: (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="renamed-pairs">
          {plan.renamed.map((r) => (
            <div key={r.from}>
              <Typography.Text strong>{T.renamedPair(r.from, r.to)}</Typography.Text>
              <Typography.Text type="secondary">（{T.renamedWhere(r.rows.length, r.keys.length)}）</Typography.Text>
            </div>
          ))}
          <Typography.Text type="secondary">{T.renamedSettings}</Typography.Text>
        </Space>
      ),
    },
  ].filter(Boolean) as { key: string; label: ReactNode; extra: ReactNode; children: ReactNode }[];
  return (
    <>
      {relevance.length > 0 && (
        <Alert
          data-testid="relevance-changes"
          type={relevance.some((r) => r.change === 'lost') ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 8 }}
          title={<Typography.Text strong>{T.relevanceTitle(relevance.length)}</Typography.Text>}
          description={
            <>
              <div style={{ marginBottom: 4 }}>{T.relevanceHelp(plan.district!)}</div>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={relevance}
                columns={[
                  { title: T.key, key: 'key', width: 110, render: (_, r) => codeOf(r.key).code },
                  { title: T.task, key: 'title', width: 220, render: (_, r) => codeOf(r.key).title },
                  {
                    title: T.relevanceChange,
                    key: 'change',
                    width: 130,
                    render: (_, r) => (r.change === 'lost' ? <Tag color="red">{T.relevanceLost}</Tag> : <Tag color="green">{T.relevanceGained}</Tag>),
                  },
                  { title: T.relevanceReason, key: 'reason', render: (_, r) => reasonText(r) },
                ]}
              />
            </>
          }
        />
      )}
      {sideItems.length > 0 && <Collapse size="small" style={{ marginBottom: 8 }} items={sideItems} data-testid="side-groups" />}
    <Tabs
      defaultActiveKey={errors.length > 0 ? 'issues' : plan.ambiguous.length > 0 ? 'ambiguous' : plan.updated.length > 0 ? 'updated' : 'added'}
      items={[
        {
          key: 'added',
          label: label(T.tabs.added, plan.added.length, 'count-added'),
          children: (
            <Table
              data-testid="table-added"
              size="small"
              rowKey="id"
              pagination={PAGE}
              dataSource={plan.added}
              columns={[
                acceptCol,
                rowCol,
                ...taskColumns((a: { task: Task }) => a.task, { key: 90 }),
                { title: T.lead, key: 'lead', width: 160, render: (_, a) => a.task.leadUnits.join('、') },
                { title: T.deadline, key: 'deadline', width: 120, render: (_, a) => a.task.deadlineText ?? '' },
                { title: T.fields.document, key: 'doc', width: 150, render: (_, a) => docName(a.task.documentId) },
              ]}
            />
          ),
        },
        {
          key: 'updated',
          label: label(T.tabs.updated, plan.updated.length, 'count-updated'),
          children: (
            <Table
              data-testid="table-updated"
              size="small"
              rowKey="id"
              pagination={PAGE}
              dataSource={plan.updated}
              columns={[
                acceptCol,
                rowCol,
                ...taskColumns((u: PlannedUpdate) => u.before, { title: 200 }),
                { title: T.changes, key: 'changes', render: (_, u) => <Changes u={u} docName={docName} /> },
                { title: T.howTitle, key: 'how', width: 120, render: (_, u) => howLabel(u.how, u.confidence) },
              ]}
            />
          ),
        },
        {
          key: 'removed',
          label: label(T.tabs.removed, plan.removed.length, 'count-removed'),
          children: (
            <>
              {plan.scopeDocumentIds.length > 0 && (
                <Alert style={{ marginBottom: 8 }} type="info" showIcon title={T.scope(plan.scopeDocumentIds.map(docName).join('、'))} description={T.removedNote} />
              )}
              {/* Whose list it was read as, and what it archives none of: said where the officer looks for 删除. */}
              {plan.issues
                .filter((i) => i.about === 'scope')
                .map((i, n) => (
                  <Alert key={n} data-testid="scope-note" style={{ marginBottom: 8 }} type="warning" showIcon title={i.message} />
                ))}
              {filledNow && removedFilled > 0 && (
                <Alert data-testid="removed-filled" style={{ marginBottom: 8 }} type="warning" showIcon title={T.removedFilled(filledNow.period, removedFilled)} />
              )}
              <Table
                data-testid="table-removed"
                size="small"
                rowKey="id"
                pagination={PAGE}
                dataSource={plan.removed}
                columns={[
                  acceptCol,
                  ...taskColumns((r: { before: Task }) => r.before),
                  { title: T.removedWhy, key: 'why', width: 150, render: (_, r) => (
                      <>
                        {r.row !== undefined ? T.removedMarked(r.row, r.mark ?? '') : T.removedAbsent}
                        {filledNow?.keys.has(r.before.key) && <Tag color="warning" style={{ marginLeft: 4 }}>{T.removedFilledTag}</Tag>}
                      </>
                    ),
                  },
                  { title: T.lead, key: 'lead', width: 160, render: (_, r) => r.before.leadUnits.join('、') },
                  { title: T.fields.document, key: 'doc', width: 150, render: (_, r) => docName(r.before.documentId) },
                ]}
              />
            </>
          ),
        },
        {
          key: 'unchanged',
          label: label(T.tabs.unchanged, plan.unchanged.length, 'count-unchanged'),
          children: (
            <Table
              data-testid="table-unchanged"
              size="small"
              rowKey="id"
              pagination={PAGE}
              dataSource={plan.unchanged}
              columns={[
                rowCol,
                ...taskColumns((u: { task: Task }) => u.task),
                { title: T.howTitle, key: 'how', width: 140, render: (_, u) => howLabel(u.how, u.confidence) },
              ]}
            />
          ),
        },
        {
          key: 'ambiguous',
          label: label(T.tabs.ambiguous, plan.ambiguous.length, 'count-ambiguous'),
          children: (
            <Table
              data-testid="table-ambiguous"
              size="small"
              rowKey="id"
              pagination={PAGE}
              dataSource={plan.ambiguous}
              columns={[
                rowCol,
                { title: T.listTask, key: 'title', render: (_, a) => a.fields.title },
                {
                  title: T.chooseMatch,
                  key: 'choice',
                  width: 420,
                  render: (_, a) => (
                    <Select
                      style={{ width: '100%' }}
                      placeholder={T.chooseMatch}
                      value={choices.choices[a.id]}
                      onChange={(v: string) => onChange({ ...choices, choices: { ...choices.choices, [a.id]: v } })}
                      options={[
                        ...a.candidates.map((c) => ({
                          value: c.task.key,
                          label: `${taskCode(c.task)} ${c.task.title}（${howLabel(c.how, c.confidence)}）`,
                          disabled: chosenKeys.has(c.task.key) && choices.choices[a.id] !== c.task.key,
                        })),
                        { value: 'new', label: T.asNew },
                        { value: 'skip', label: T.skip },
                      ]}
                    />
                  ),
                },
              ]}
            />
          ),
        },
        {
          key: 'issues',
          label: label(T.tabs.issues, plan.issues.length, 'count-issues'),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {plan.issues.map((i, n) => (
                <Alert key={n} type={i.severity === 'error' ? 'error' : 'warning'} showIcon title={i.message} />
              ))}
            </Space>
          ),
        },
      ]}
    />
    </>
  );
}
