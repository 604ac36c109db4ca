import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import type { PolicyDocument, Target, Task } from '@core/model';
import { parsePolicyText } from '@core/policy/parse';
import type { ParsedPolicy } from '@core/policy/types';
import { splitUnits } from '@core/policy/units';
import { platform } from '../../platform';
import { getDb, useLiveQuery } from '../../storage/live';
import { saveConfirmedDocument } from '../../storage/seed';
import { PolicyFileError, readPolicyFile } from './docx-text';
import { DOC_TEXT as T } from './texts';

/** 政策文件: the documents in the store, and 添加政策文件 (paste or open, review, save). */
export function DocumentsPage() {
  const [adding, setAdding] = useState(false);
  return adding ? <AddDocument onDone={() => setAdding(false)} /> : <DocumentList onAdd={() => setAdding(true)} />;
}

function DocumentList({ onAdd }: { onAdd: () => void }) {
  const rows = useLiveQuery(async () => {
    const db = getDb();
    const docs = await db.documents.toArray();
    const tasks = await db.tasks.toArray();
    return docs.map((d) => ({ ...d, taskCount: tasks.filter((t) => t.documentId === d.id).length }));
  }, []);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {T.title}
        </Typography.Title>
        <Button type="primary" icon={<FileAddOutlined />} onClick={onAdd} data-testid="add-document">
          {T.add}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{T.intro}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        loading={rows === undefined}
        dataSource={rows ?? []}
        pagination={false}
        data-testid="document-list"
        columns={[
          { title: T.columns.shortTitle, dataIndex: 'shortTitle', width: 170 },
          { title: T.columns.title, dataIndex: 'title' },
          { title: T.columns.docNumber, dataIndex: 'docNumber', width: 150 },
          { title: T.columns.issueDate, dataIndex: 'issueDate', width: 110 },
          { title: T.columns.tasks, dataIndex: 'taskCount', width: 80, align: 'right' },
        ]}
      />
    </Flex>
  );
}

interface Draft {
  parsed: ParsedPolicy;
  fileName: string;
  meta: { title: string; shortTitle: string; docNumber: string; issueDate: string; keyPrefix: string };
  tasks: Task[];
  targets: Target[];
}

function draftFrom(parsed: ParsedPolicy, fileName: string): Draft {
  const prefix = parsed.tasks[0]?.key.replace(/-\d+$/u, '') ?? parsed.document.id.replace(/^doc-/u, '');
  return {
    parsed,
    fileName,
    meta: {
      title: parsed.document.title,
      shortTitle: parsed.document.shortTitle,
      docNumber: parsed.document.docNumber ?? '',
      issueDate: parsed.document.issueDate ?? '',
      keyPrefix: prefix,
    },
    tasks: parsed.tasks,
    targets: parsed.targets,
  };
}

/** Why a task needs a second look; empty when it looks fine. */
function doubts(task: Task, draft: Draft): string[] {
  const out = draft.parsed.issues.filter((i) => i.taskKey === task.key).map((i) => i.message);
  if (!task.leadUnits.length && !task.responsibleUnits.length) out.push('没有单位');
  if (!task.title || task.title.length > 40) out.push('任务名称过长或为空');
  return out;
}

function AddDocument({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [reading, setReading] = useState(false);

  const openFile = async () => {
    setError(undefined);
    const file = await platform().openFile({ title: T.openTitle, filters: [{ name: T.filterName, extensions: ['txt', 'docx'] }] });
    if (!file) return;
    if (!/\.(txt|docx)$/iu.test(file.name)) return setError(T.unsupported(file.name));
    setReading(true);
    try {
      const content = await readPolicyFile(file.name, file.data);
      setText(content);
      setFileName(file.name);
    } catch (e) {
      // Only our own Chinese reasons are shown; a library's English error is not for the officer.
      if (!(e instanceof PolicyFileError)) console.error(`policy file ${file.name}: ${String((e as Error)?.stack ?? e)}`);
      setError(T.readFailed(file.name, e instanceof PolicyFileError ? e.message : T.notDocx));
    } finally {
      setReading(false);
    }
  };

  const parse = () => {
    if (!text.trim()) return setError(T.emptyText);
    setError(undefined);
    setDraft(draftFrom(parsePolicyText(text, { source: fileName || '粘贴的文本', now: new Date().toISOString(), origin: 'import' }), fileName));
  };

  const save = async () => {
    if (!draft) return;
    const { meta } = draft;
    if (!meta.title.trim()) return setError(T.needTitle);
    if (!/^[A-Za-z0-9]+$/u.test(meta.keyPrefix)) return setError(T.needPrefix);
    const documentId = `doc-${meta.keyPrefix}`;
    const oldPrefix = draft.tasks[0]?.key.replace(/-\d+$/u, '');
    const rekey = (k: string) => (oldPrefix && k.startsWith(`${oldPrefix}-`) ? `${meta.keyPrefix}${k.slice(oldPrefix.length)}` : k);
    const document: PolicyDocument = {
      ...draft.parsed.document,
      id: documentId,
      title: meta.title.trim(),
      shortTitle: meta.shortTitle.trim() || meta.title.trim().slice(0, 16),
      docNumber: meta.docNumber.trim() || undefined,
      issueDate: meta.issueDate.trim() || undefined,
      addedAt: new Date().toISOString(),
    };
    const sectionId = (id?: string) => id?.replace(draft.parsed.document.id, documentId);
    setSaving(true);
    const result = await saveConfirmedDocument(getDb(), {
      document,
      sections: draft.parsed.sections.map((s) => ({ ...s, id: sectionId(s.id)!, parentId: sectionId(s.parentId), documentId })),
      tasks: draft.tasks.map((t) => ({ ...t, key: rekey(t.key), documentId, sectionId: sectionId(t.sectionId), updatedAt: new Date().toISOString() })),
      targets: draft.targets.map((t) => ({ ...t, id: t.id.replace(draft.parsed.document.id, documentId), documentId, taskKey: t.taskKey && rekey(t.taskKey) })),
    });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    message.success(T.saved(document.title, draft.tasks.length));
    onDone();
  };

  if (!draft)
    return (
      <Card title={T.add} extra={<Button onClick={onDone}>{T.cancel}</Button>}>
        <Flex vertical gap={12}>
          {error && <Alert type="error" showIcon title={error} data-testid="document-error" />}
          <Tabs
            items={[
              {
                key: 'paste',
                label: T.pasteTab,
                children: (
                  <Input.TextArea data-testid="policy-text" rows={16} value={text} placeholder={T.pastePlaceholder} onChange={(e) => setText(e.target.value)} />
                ),
              },
              {
                key: 'file',
                label: T.fileTab,
                children: (
                  <Space orientation="vertical">
                    <Button icon={<FolderOpenOutlined />} onClick={openFile} loading={reading} data-testid="open-policy-file">
                      {T.openFile}
                    </Button>
                    {fileName && <Typography.Text>{`${fileName}：${text.length} 字`}</Typography.Text>}
                  </Space>
                ),
              },
            ]}
          />
          <Button type="primary" onClick={parse} data-testid="parse-policy">
            {T.parse}
          </Button>
        </Flex>
      </Card>
    );
  return <Review draft={draft} setDraft={setDraft} error={error} saving={saving} onBack={() => setDraft(undefined)} onSave={save} />;
}

function Review(props: { draft: Draft; setDraft: (d: Draft) => void; error?: string; saving: boolean; onBack: () => void; onSave: () => void }) {
  const { draft, setDraft } = props;
  const setMeta = (k: keyof Draft['meta'], v: string) => setDraft({ ...draft, meta: { ...draft.meta, [k]: v } });
  const setTask = (key: string, patch: Partial<Task>) => setDraft({ ...draft, tasks: draft.tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
  const targetsByTask = useMemo(() => {
    const m = new Map<string, Target[]>();
    for (const t of draft.targets) if (t.taskKey) m.set(t.taskKey, [...(m.get(t.taskKey) ?? []), t]);
    return m;
  }, [draft.targets]);
  const generalIssues = draft.parsed.issues.filter((i) => !i.taskKey);
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
    >
      <Flex vertical gap={12} data-testid="policy-review">
        {props.error && <Alert type="error" showIcon title={props.error} data-testid="document-error" />}
        {!draft.tasks.length && <Alert type="warning" showIcon title={T.noTasks} />}
        {generalIssues.length > 0 && (
          <Alert type="warning" showIcon title={T.issuesTitle(draft.parsed.issues.length)} description={generalIssues.map((i) => <div key={i.line + i.message}>{`第${i.line}行：${i.message}`}</div>)} />
        )}
        <Form layout="inline" size="small">
          <Form.Item label={T.meta.title} required>
            <Input style={{ width: 360 }} value={draft.meta.title} status={draft.meta.title ? undefined : 'warning'} onChange={(e) => setMeta('title', e.target.value)} data-testid="doc-title" />
          </Form.Item>
          <Form.Item label={T.meta.shortTitle}>
            <Input style={{ width: 150 }} value={draft.meta.shortTitle} onChange={(e) => setMeta('shortTitle', e.target.value)} />
          </Form.Item>
          <Form.Item label={T.meta.docNumber}>
            <Input style={{ width: 160 }} value={draft.meta.docNumber} onChange={(e) => setMeta('docNumber', e.target.value)} />
          </Form.Item>
          <Form.Item label={T.meta.issueDate}>
            <Input style={{ width: 110 }} value={draft.meta.issueDate} placeholder="2026-01-31" onChange={(e) => setMeta('issueDate', e.target.value)} />
          </Form.Item>
          <Form.Item label={T.meta.keyPrefix} required>
            <Input style={{ width: 110 }} value={draft.meta.keyPrefix} onChange={(e) => setMeta('keyPrefix', e.target.value)} data-testid="key-prefix" />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">{T.reviewHint}</Typography.Text>
        <Table<Task>
          size="small"
          rowKey="key"
          dataSource={draft.tasks}
          pagination={false}
          scroll={{ y: 420 }}
          data-testid="review-tasks"
          onRow={(t) => ({ style: doubts(t, draft).length ? { background: '#fff7e6' } : undefined, 'data-doubtful': doubts(t, draft).length ? 'true' : 'false' }) as never}
          columns={[
            {
              title: T.taskCols.key,
              dataIndex: 'key',
              width: 120,
              render: (k: string, t) => (
                <Space orientation="vertical" size={0}>
                  <span>{k.replace(/^.*-/u, `${draft.meta.keyPrefix}-`)}</span>
                  {doubts(t, draft).length > 0 && (
                    <Tag color="orange" title={doubts(t, draft).join('；')}>
                      {T.doubtful}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: T.taskCols.title, dataIndex: 'title', render: (v: string, t) => <Input.TextArea autoSize value={v} onChange={(e) => setTask(t.key, { title: e.target.value })} /> },
            {
              title: T.taskCols.lead,
              width: 200,
              render: (_, t) => <Input.TextArea autoSize defaultValue={t.leadUnits.join('、')} onBlur={(e) => setTask(t.key, { leadUnits: splitUnits(e.target.value) })} />,
            },
            {
              title: T.taskCols.responsible,
              width: 240,
              render: (_, t) => <Input.TextArea autoSize defaultValue={t.responsibleUnits.join('、')} onBlur={(e) => setTask(t.key, { responsibleUnits: splitUnits(e.target.value) })} />,
            },
            {
              title: T.taskCols.targets,
              width: 200,
              render: (_, t) => (targetsByTask.get(t.key) ?? []).map((g) => <div key={g.id}>{`${g.name}${g.comparator}${g.value}${g.unit}`}</div>),
            },
            {
              title: T.taskCols.remove,
              width: 60,
              render: (_, t) => (
                <Button size="small" danger type="link" onClick={() => setDraft({ ...draft, tasks: draft.tasks.filter((x) => x.key !== t.key), targets: draft.targets.filter((g) => g.taskKey !== t.key) })}>
                  {T.taskCols.remove}
                </Button>
              ),
            },
          ]}
        />
        {draft.targets.some((t) => !t.taskKey) && (
          <Table<Target>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={draft.targets.filter((t) => !t.taskKey)}
            columns={[
              { title: T.targetCols.name, dataIndex: 'name' },
              { title: T.targetCols.comparator, dataIndex: 'comparator', width: 80 },
              { title: T.targetCols.value, dataIndex: 'value', width: 90, align: 'right' },
              { title: T.targetCols.unit, dataIndex: 'unit', width: 70 },
              { title: T.targetCols.year, dataIndex: 'year', width: 70 },
              { title: T.targetCols.kind, dataIndex: 'kind', width: 90, render: (k: string) => T.targetKinds[k] ?? k },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
