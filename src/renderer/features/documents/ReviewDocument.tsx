import { useMemo, useState } from 'react';
import { Alert, Button, Card, Collapse, Flex, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { Target, Task } from '@core/model';
import type { ParsedPolicy } from '@core/policy/types';
import { canonicalUnit, splitUnits } from '@core/policy/units';
import { unitAsWritten } from '@core/policy/issuer';
import { addTarget, addTask, mergeWithNext, removeTarget, removeTask, sentencesOf, splitTask, updateTarget, updateTask, type ReviewDraft } from '@core/policy/review';
import { planYearOf, readDeadline } from '@core/deadline';
import { DOC_TEXT as T } from './texts';
import { useAppContext } from '../common/app-context';
import { findDistrict, isCityOffice } from '@core/districts';

const R = T.review;

/** What the officer is reviewing: the parse, the document's fields and the corrected tasks and targets. */
export interface Draft {
  parsed: ParsedPolicy;
  fileName: string;
  /** The prefix the task keys were made with (the officer may change meta.keyPrefix). */
  keyPrefixUsed: string;
  /** elsewhere: the 外地文件 place, '' when the document is treated as Wuhan's (the officer may clear it). */
  /** byDistrict: the Wuhan district that issued it (official name), '' when treated as the office's own. */
  meta: { title: string; shortTitle: string; docNumber: string; issueDate: string; keyPrefix: string; elsewhere?: string; byDistrict?: string };
  tasks: Task[];
  targets: Target[];
  /** Deadlines typed that could not be read, by task key. */
  deadlineErrors: Record<string, string>;
}

/** The element the page scrolls in (the shell's content), for the review table's sticky header. */
const pageScroller = (): HTMLElement | Window => document.querySelector<HTMLElement>('[data-testid^="page-"]') ?? window;

/** Why a task needs a second look; empty when it looks fine. */
export function doubts(task: Task, draft: Draft): string[] {
  // What the parser doubted of a task is about its units: once the officer has set them, it is answered.
  const parsed = draft.parsed.tasks.find((t) => t.key === task.key);
  const unitsSet = !parsed || parsed.leadUnits.join('、') !== task.leadUnits.join('、') || parsed.responsibleUnits.join('、') !== task.responsibleUnits.join('、');
  const out = unitsSet ? [] : draft.parsed.issues.filter((i) => i.taskKey === task.key).map((i) => i.message);
  if (!task.leadUnits.length && !task.responsibleUnits.length) out.push(R.noUnits);
  if (!task.title || task.title.length > 40) out.push(R.badTitle);
  if (draft.deadlineErrors[task.key]) out.push(draft.deadlineErrors[task.key]!);
  return out;
}

/** The key as it will be saved (with the prefix in the field). */
export function shownKey(key: string, draft: Draft): string {
  return key.startsWith(`${draft.keyPrefixUsed}-`) ? `${draft.meta.keyPrefix}${key.slice(draft.keyPrefixUsed.length)}` : key;
}

/** 核对识别结果: fix what the parser got wrong without retyping, see what it could not place. */
export function ReviewDocument(props: { draft: Draft; setDraft: (d: Draft) => void; error?: string; saving: boolean; onBack: () => void; onSave: () => void }) {
  const { draft, setDraft } = props;
  const [splitting, setSplitting] = useState<{ key: string; at: number }>();
  const setMeta = (k: keyof Draft['meta'], v: string) => setDraft({ ...draft, meta: { ...draft.meta, [k]: v } });
  const apply = (f: (d: ReviewDraft) => ReviewDraft) => {
    const next = f({ tasks: draft.tasks, targets: draft.targets });
    setDraft({ ...draft, tasks: next.tasks, targets: next.targets });
  };
  const documentId = draft.parsed.document.id;
  const targetsByTask = useMemo(() => {
    const m = new Map<string, Target[]>();
    for (const t of draft.targets) if (t.taskKey) m.set(t.taskKey, [...(m.get(t.taskKey) ?? []), t]);
    return m;
  }, [draft.targets]);
  const goals = draft.targets.filter((t) => !t.taskKey);
  const generalIssues = draft.parsed.issues.filter((i) => !i.taskKey);
  const splitTaskRow = splitting ? draft.tasks.find((t) => t.key === splitting.key) : undefined;

  // 外地文件 as the parser judged it; the officer may treat the document as Wuhan's (its units then take Wuhan's current names).
  const detectedElsewhere = draft.parsed.document.issuedElsewhere;
  const setElsewhere = (on: boolean) => {
    const name = (t: Task) => (u: string) => (on ? unitAsWritten(u, t.unitsText ?? '') : canonicalUnit(u));
    const tasks = draft.tasks.map((t) => ({ ...t, leadUnits: unique(t.leadUnits.map(name(t))), responsibleUnits: unique(t.responsibleUnits.map(name(t))) }));
    setDraft({ ...draft, tasks, meta: { ...draft.meta, elsewhere: on ? detectedElsewhere : '' } });
  };

  // Another Wuhan district's document (武汉经开区's 分工方案): said to a district office, which may take it as its own.
  const office = useAppContext().district;
  const detectedDistrict = draft.parsed.document.issuedByDistrict;
  const otherDistrict = detectedDistrict && office && detectedDistrict !== office && !isCityOffice(office) ? (findDistrict(detectedDistrict)?.shortName ?? detectedDistrict) : undefined;
  const setByDistrict = (on: boolean) => setDraft({ ...draft, meta: { ...draft.meta, byDistrict: on ? detectedDistrict : '' } });

  // Units typed in: Wuhan's current names, but as written in a document issued elsewhere (its 市科技局 is not Wuhan's).
  const readUnits = (text: string) => splitUnits(text, draft.meta.elsewhere ? AS_WRITTEN : undefined);

  const setDeadline = (key: string, text: string) => {
    const r = readDeadline(text, planYearOf(draft.parsed.document));
    const errors = { ...draft.deadlineErrors };
    if (r.error) errors[key] = r.error;
    else delete errors[key];
    const tasks = draft.tasks.map((t) => (t.key === key ? { ...t, deadline: r.error ? t.deadline : r.deadline, deadlineText: r.deadlineText } : t));
    setDraft({ ...draft, tasks, deadlineErrors: errors });
  };

  const targetEditor = (g: Target) => (
    <Space.Compact key={g.id} size="small" style={{ width: '100%', display: 'flex' }} data-testid="target-editor">
      <Input
        style={{ flex: 1, minWidth: 0 }}
        placeholder={R.targetName}
        title={g.sourceText ? R.source(g.name, g.sourceText) : g.name}
        value={g.name}
        status={g.name.trim() ? undefined : 'warning'}
        onChange={(e) => apply((d) => updateTarget(d, g.id, { name: e.target.value }))}
        data-testid="target-name"
      />
      <InputNumber style={{ width: 82, flex: 'none' }} controls={false} value={g.value} onChange={(v) => apply((d) => updateTarget(d, g.id, { value: typeof v === 'number' ? v : 0 }))} data-testid="target-value" />
      <Input style={{ width: 52, flex: 'none' }} value={g.unit} onChange={(e) => apply((d) => updateTarget(d, g.id, { unit: e.target.value }))} data-testid="target-unit" />
      <Tooltip title={R.removeTarget}>
        <Button icon={<CloseOutlined />} onClick={() => apply((d) => removeTarget(d, g.id))} data-testid="remove-target" aria-label={R.removeTarget} />
      </Tooltip>
    </Space.Compact>
  );

  return (
    <Card
      title={`${T.reviewTitle}：${T.tasksCount(draft.tasks.length, draft.targets.length)}`}
      extra={
        <Space>
          <Button onClick={props.onBack}>{T.back}</Button>
          <Button type="primary" loading={props.saving} onClick={props.onSave} data-testid="save-document">
            {T.save}
          </Button>
        </Space>
      }
      styles={{ body: { paddingTop: 12 } }}
    >
      <Flex vertical gap={10} data-testid="policy-review">
        {props.error && <Alert type="error" showIcon title={props.error} data-testid="document-error" />}
        {!draft.tasks.length && <Alert type="warning" showIcon title={T.noTasks} />}
        <div>
          <Button size="small" onClick={() => apply((d) => addTask(d, draft.parsed.document.id, draft.keyPrefixUsed, new Date().toISOString()))} data-testid="add-task">
            {R.addTask}
          </Button>
        </div>
        {generalIssues.length > 0 && (
          <Alert type="warning" showIcon title={T.issuesTitle(draft.parsed.issues.length)} description={generalIssues.map((i) => <div key={i.line + i.message}>{R.issueAt(i.line, i.message)}</div>)} />
        )}
        {detectedElsewhere && (
          <IssuerNotice
            on={Boolean(draft.meta.elsewhere)}
            onTitle={`${T.elsewhereTag}：${T.elsewhere(detectedElsewhere)}`}
            offTitle={T.elsewhereCleared(detectedElsewhere)}
            undo={{ label: T.elsewhereUndo, testId: 'treat-as-own' }}
            redo={{ label: T.elsewhereRedo, testId: 'treat-as-elsewhere' }}
            set={setElsewhere}
            testId="document-elsewhere"
          />
        )}
        {otherDistrict && (
          <IssuerNotice
            on={Boolean(draft.meta.byDistrict)}
            onTitle={`${T.otherDistrictTag}：${T.otherDistrict(otherDistrict)}`}
            offTitle={T.otherDistrictCleared(otherDistrict)}
            undo={{ label: T.otherDistrictUndo, testId: 'treat-as-district' }}
            redo={{ label: T.otherDistrictRedo(otherDistrict), testId: 'treat-as-other-district' }}
            set={setByDistrict}
            testId="document-other-district"
          />
        )}
        <Form layout="inline" size="small" style={{ rowGap: 6 }}>
          <Form.Item label={T.meta.title} required>
            <Input style={{ width: 360 }} value={draft.meta.title} status={draft.meta.title ? undefined : 'warning'} onChange={(e) => setMeta('title', e.target.value)} data-testid="doc-title" />
          </Form.Item>
          <Form.Item label={T.meta.shortTitle}>
            <Input style={{ width: 150 }} value={draft.meta.shortTitle} onChange={(e) => setMeta('shortTitle', e.target.value)} />
          </Form.Item>
          <Form.Item label={T.meta.docNumber}>
            <Input style={{ width: 160 }} value={draft.meta.docNumber} onChange={(e) => setMeta('docNumber', e.target.value)} data-testid="doc-number" />
          </Form.Item>
          <Form.Item label={T.meta.issueDate}>
            <Input style={{ width: 110 }} value={draft.meta.issueDate} placeholder="2026-01-31" onChange={(e) => setMeta('issueDate', e.target.value)} />
          </Form.Item>
          <Form.Item label={T.meta.keyPrefix} required tooltip={R.prefixAuto}>
            <Input style={{ width: 120 }} value={draft.meta.keyPrefix} onChange={(e) => setMeta('keyPrefix', e.target.value)} data-testid="key-prefix" />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">{R.hint}</Typography.Text>
        <Table<Task>
          size="small"
          rowKey="key"
          dataSource={draft.tasks}
          pagination={false}
          // The page scrolls (a table scrolling inside it showed three rows on a 1366×650 screen); its header stays in view.
          scroll={{ x: 1100 }}
          sticky={{ getContainer: pageScroller }}
          data-testid="review-tasks"
          onRow={(t) => ({ style: doubts(t, draft).length ? { background: '#fff7e6' } : undefined, 'data-doubtful': doubts(t, draft).length ? 'true' : 'false', 'data-key': shownKey(t.key, draft) }) as never}
          columns={[
            {
              title: T.taskCols.key,
              dataIndex: 'key',
              width: 104,
              fixed: 'left',
              render: (k: string, t) => (
                <Space orientation="vertical" size={0}>
                  <span data-testid="task-key">{shownKey(k, draft)}</span>
                  {doubts(t, draft).length > 0 && (
                    <Tag color="orange" title={doubts(t, draft).join('；')}>
                      {T.doubtful}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: T.taskCols.title,
              dataIndex: 'title',
              width: 170,
              render: (v: string, t) => <Input.TextArea autoSize={{ maxRows: 4 }} value={v} onChange={(e) => apply((d) => updateTask(d, t.key, { title: e.target.value }))} data-testid="task-title" />,
            },
            {
              title: T.taskCols.lead,
              width: 140,
              render: (_, t) => (
                <Input.TextArea
                  key={`${t.key}:${t.leadUnits.join()}`}
                  autoSize={{ maxRows: 4 }}
                  defaultValue={t.leadUnits.join('、')}
                  onBlur={(e) => apply((d) => updateTask(d, t.key, { leadUnits: readUnits(e.target.value) }))}
                  data-testid="task-lead"
                />
              ),
            },
            {
              title: T.taskCols.responsible,
              width: 170,
              render: (_, t) => (
                <Input.TextArea
                  key={`${t.key}:${t.responsibleUnits.join()}`}
                  autoSize={{ maxRows: 4 }}
                  defaultValue={t.responsibleUnits.join('、')}
                  onBlur={(e) => apply((d) => updateTask(d, t.key, { responsibleUnits: readUnits(e.target.value) }))}
                  data-testid="task-responsible"
                />
              ),
            },
            {
              title: R.deadline,
              width: 112,
              render: (_, t) => (
                <Tooltip title={draft.deadlineErrors[t.key] ?? (t.deadline ? t.deadline : undefined)}>
                  <Input
                    key={`${t.key}:${t.deadlineText ?? ''}`}
                    size="small"
                    placeholder={R.deadlinePlaceholder}
                    defaultValue={t.deadlineText ?? ''}
                    status={draft.deadlineErrors[t.key] ? 'error' : undefined}
                    onBlur={(e) => setDeadline(t.key, e.target.value)}
                    data-testid="task-deadline"
                  />
                </Tooltip>
              ),
            },
            {
              title: T.taskCols.targets,
              width: 320,
              render: (_, t) => (
                <Flex vertical gap={4}>
                  {(targetsByTask.get(t.key) ?? []).map(targetEditor)}
                  <Button size="small" type="dashed" onClick={() => apply((d) => addTarget(d, documentId, t.key))} data-testid="add-target">
                    {R.addTarget}
                  </Button>
                </Flex>
              ),
            },
            {
              title: R.actions,
              width: 92,
              fixed: 'right',
              render: (_, t, i) => (
                <Flex vertical gap={2} align="start">
                  <Button size="small" type="link" onClick={() => setSplitting({ key: t.key, at: 1 })} data-testid="split-task">
                    {R.split}
                  </Button>
                  {i < draft.tasks.length - 1 && (
                    <Button size="small" type="link" onClick={() => apply((d) => mergeWithNext(d, t.key))} data-testid="merge-task">
                      {R.merge}
                    </Button>
                  )}
                  <Button size="small" danger type="link" onClick={() => apply((d) => removeTask(d, t.key))} data-testid="remove-task">
                    {R.remove}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
        <Card size="small" title={R.goalsTitle(goals.length)} extra={<Button size="small" type="dashed" onClick={() => apply((d) => addTarget(d, documentId))} data-testid="add-goal">{R.addGoal}</Button>}>
          {goals.length > 0 && (
            <Table<Target>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ y: 200 }}
              dataSource={goals}
              data-testid="review-goals"
              columns={[
                { title: T.targetCols.name, render: (_, g) => <Input size="small" value={g.name} status={g.name.trim() ? undefined : 'warning'} onChange={(e) => apply((d) => updateTarget(d, g.id, { name: e.target.value }))} data-testid="goal-name" /> },
                { title: T.targetCols.comparator, dataIndex: 'comparator', width: 70 },
                { title: T.targetCols.value, width: 110, render: (_, g) => <InputNumber size="small" value={g.value} onChange={(v) => apply((d) => updateTarget(d, g.id, { value: typeof v === 'number' ? v : 0 }))} /> },
                { title: T.targetCols.unit, width: 80, render: (_, g) => <Input size="small" value={g.unit} onChange={(e) => apply((d) => updateTarget(d, g.id, { unit: e.target.value }))} /> },
                { title: T.targetCols.year, width: 90, render: (_, g) => <InputNumber size="small" value={g.year} onChange={(v) => apply((d) => updateTarget(d, g.id, { year: typeof v === 'number' ? v : undefined }))} /> },
                { title: R.scope, dataIndex: 'scope', width: 70 },
                { title: T.targetCols.kind, dataIndex: 'kind', width: 76, render: (k: string) => T.targetKinds[k] ?? k },
                {
                  title: '',
                  width: 44,
                  render: (_, g) => (
                    <Tooltip title={R.removeTarget}>
                      <Button size="small" icon={<CloseOutlined />} onClick={() => apply((d) => removeTarget(d, g.id))} aria-label={R.removeTarget} data-testid="remove-goal" />
                    </Tooltip>
                  ),
                },
              ]}
            />
          )}
        </Card>
        {draft.parsed.unplaced.length > 0 && (
          <Collapse
            size="small"
            data-testid="unplaced"
            items={[
              {
                key: 'unplaced',
                label: R.unplacedTitle(draft.parsed.unplaced.length),
                children: (
                  <Flex vertical gap={6}>
                    <Typography.Text type="secondary">{R.unplacedHint}</Typography.Text>
                    {draft.parsed.unplaced.map((u) => (
                      <Flex key={u.line} gap={8} align="start" data-testid="unplaced-text">
                        <Tag style={{ flex: 'none' }}>{R.unplacedLine(u.line)}</Tag>
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: R.expand }}>
                          {u.text}
                        </Typography.Paragraph>
                        {u.targets > 0 && (
                          <Tag color="blue" style={{ flex: 'none' }}>
                            {R.unplacedTargets(u.targets)}
                          </Tag>
                        )}
                      </Flex>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Flex>
      <Modal
        open={!!splitting}
        title={splitting ? R.splitTitle(shownKey(splitting.key, draft)) : ''}
        okText={R.splitOk}
        cancelText={T.cancel}
        okButtonProps={{ disabled: !splitTaskRow || sentencesOf(splitTaskRow.text).length < 2, 'data-testid': 'split-ok' } as never}
        onCancel={() => setSplitting(undefined)}
        onOk={() => {
          if (splitting) apply((d) => splitTask(d, splitting.key, splitting.at));
          setSplitting(undefined);
        }}
        width={720}
      >
        {splitTaskRow && sentencesOf(splitTaskRow.text).length < 2 ? (
          <Alert type="info" showIcon title={R.splitNone} />
        ) : (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{R.splitHint}</Typography.Text>
            <Radio.Group value={splitting?.at} onChange={(e) => splitting && setSplitting({ ...splitting, at: e.target.value as number })} data-testid="split-sentences">
              <Flex vertical gap={4}>
                {splitTaskRow &&
                  sentencesOf(splitTaskRow.text).map((s, i) => (
                    <Radio key={i} value={i} disabled={i === 0} data-testid="split-sentence">
                      {s}
                    </Radio>
                  ))}
              </Flex>
            </Radio.Group>
          </Flex>
        )}
      </Modal>
    </Card>
  );
}

const unique = (list: string[]) => [...new Set(list)];
/** No renames: names kept as written. */
const AS_WRITTEN: ReadonlyMap<string, string> = new Map();

/**
 * Where the parser says a document was issued (外地文件, another district's): a warning with the
 * way to overrule it, or, overruled, a note with the way back.
 */
function IssuerNotice(props: {
  on: boolean;
  onTitle: string;
  offTitle: string;
  undo: { label: string; testId: string };
  redo: { label: string; testId: string };
  set: (on: boolean) => void;
  testId: string;
}) {
  const act = props.on ? props.undo : props.redo;
  return (
    <Alert
      type={props.on ? 'warning' : 'info'}
      showIcon
      title={props.on ? props.onTitle : props.offTitle}
      action={
        <Button size="small" onClick={() => props.set(!props.on)} data-testid={act.testId}>
          {act.label}
        </Button>
      }
      data-testid={props.testId}
    />
  );
}
