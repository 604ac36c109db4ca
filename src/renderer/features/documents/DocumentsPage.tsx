import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import type { PolicyDocument } from '@core/model';
import { documentIdFor } from '@core/ids';
import { parsePolicyText } from '@core/policy/parse';
import type { ParsedPolicy } from '@core/policy/types';
import { prefixesInUse, proposeKeyPrefix } from '@core/policy/review';
import { platform } from '../../platform';
import { getDb, useQuery, saveConfirmedDocument, allClusters, allDocuments, allTasks, documentAndTaskKeys, keepReview, readKeptReview } from '../../storage';
import { PolicyFileError, readPolicyFile } from './docx-text';
import { ReviewDocument, shownKey, type Draft } from './ReviewDocument';
import type { KeptReview } from '../../storage';
import { DOC_SOURCE_TEXT, DOC_TEXT } from './texts';
import { QueryProblem } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';
import { useAppContext } from '../common/app-context';
import { findDistrict, isCityOffice } from '@core/districts';
import { taskRelevance } from '@core/policy/relevance';

const T = { ...DOC_TEXT, ...DOC_SOURCE_TEXT };

/** 政策文件: the documents in the store, and 添加政策文件 (paste or open, review, save). */
export function DocumentsPage() {
  // A document being added when the page was left (or the window closed) opens again as it was.
  const [kept] = useState(() => readKeptReview<Draft>());
  const [adding, setAdding] = useState(kept !== undefined);
  return adding ? <AddDocument kept={kept} onDone={() => setAdding(false)} /> : <DocumentList onAdd={() => setAdding(true)} />;
}

function DocumentList({ onAdd }: { onAdd: () => void }) {
  const office = useAppContext().district;
  const rowsQuery = useQuery(async () => {
    const db = getDb();
    const [docs, tasks] = await Promise.all([allDocuments(db), allTasks(db)]);
    return docs.map((d) => ({ ...d, taskCount: tasks.filter((t) => t.documentId === d.id).length }));
  }, []);
  const rows = rowsQuery.data;
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
      <QueryProblem queries={[rowsQuery]} what={QUERY_TEXT.pages.documents} />
      <Table
        size="small"
        rowKey="id"
        loading={rowsQuery.loading}
        dataSource={rows ?? []}
        pagination={false}
        data-testid="document-list"
        columns={[
          { title: T.columns.shortTitle, dataIndex: 'shortTitle', width: 170 },
          {
            title: T.columns.title,
            dataIndex: 'title',
            render: (title: string, d: PolicyDocument) => (
              <>
                <span>{title}</span>
                {d.issuedElsewhere && (
                  <Tag style={{ marginInlineStart: 6 }} title={T.elsewhere(d.issuedElsewhere)}>
                    {T.elsewhereTag}
                  </Tag>
                )}
                {d.issuedByDistrict && d.issuedByDistrict !== office && !isCityOffice(office) && (
                  <Tag style={{ marginInlineStart: 6 }} title={T.otherDistrict(findDistrict(d.issuedByDistrict)?.shortName ?? d.issuedByDistrict)}>
                    {T.otherDistrictTag}
                  </Tag>
                )}
              </>
            ),
          },
          { title: T.columns.docNumber, dataIndex: 'docNumber', width: 150 },
          { title: T.columns.issueDate, dataIndex: 'issueDate', width: 110 },
          { title: T.columns.tasks, dataIndex: 'taskCount', width: 80, align: 'right' },
        ]}
      />
    </Flex>
  );
}

function draftFrom(parsed: ParsedPolicy, fileName: string, keyPrefix: string): Draft {
  return {
    parsed,
    fileName,
    keyPrefixUsed: keyPrefix,
    meta: {
      // No title found: the opened file's name, for the officer to correct (never a made-up name).
      title: parsed.document.title || fileName.replace(/\.[^.]+$/u, ''),
      shortTitle: parsed.document.title ? parsed.document.shortTitle : '',
      docNumber: parsed.document.docNumber ?? '',
      issueDate: parsed.document.issueDate ?? '',
      keyPrefix,
      elsewhere: parsed.document.issuedElsewhere ?? '',
      byDistrict: parsed.document.issuedByDistrict ?? '',
    },
    tasks: parsed.tasks,
    targets: parsed.targets,
    deadlineErrors: {},
  };
}

/** A title as documents are compared: without spaces, 《》 and quotes. */
const titleKey = (t: string) => t.replace(/[\s《》〈〉“”"'‘’]/gu, '');

/** A document in the store with the same title or the same 文号, if any. */
async function sameDocument(title: string, docNumber: string): Promise<PolicyDocument | undefined> {
  const docs = await allDocuments(getDb());
  const number = docNumber.replace(/\s/gu, '');
  return docs.find((d) => titleKey(d.title) === titleKey(title) || (number !== '' && (d.docNumber ?? '').replace(/\s/gu, '') === number));
}

/** A task-key prefix no document or task in the store uses yet. */
async function freePrefix(text: string): Promise<string> {
  const db = getDb();
  const { documentIds, taskKeys } = await documentAndTaskKeys(db);
  const taken = prefixesInUse(documentIds, taskKeys);
  return proposeKeyPrefix(parsePolicyText(text).document, taken);
}

function AddDocument({ kept, onDone }: { kept?: KeptReview<Draft>; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const office = useAppContext().district;
  const [text, setText] = useState(kept?.text ?? '');
  const [fileName, setFileName] = useState(kept?.fileName ?? '');
  const [draft, setDraft] = useState<Draft | undefined>(kept?.draft);
  const [restored, setRestored] = useState(kept?.at);
  const [error, setError] = useState<string>();
  // Everything typed or corrected is kept as it changes (a moment after the last key), and once
  // more as the page is left: nothing of it is lost to another page, a reload or a closed window.
  const latest = useRef({ text, fileName, draft });
  latest.current = { text, fileName, draft };
  const saved = useRef(false);
  useEffect(() => {
    const t = setTimeout(() => saved.current || keepReview(latest.current), 300);
    return () => clearTimeout(t);
  }, [text, fileName, draft]);
  useEffect(() => () => void (saved.current || keepReview(latest.current)), []);
  const discard = (then: () => void) => {
    const forget = () => {
      saved.current = true;
      keepReview(undefined);
      then();
    };
    if (!text.trim() && !draft) return forget();
    modal.confirm({ title: T.discardTitle, content: draft ? T.discardReview : T.discardText, okText: T.discardOk, cancelText: T.keepEditing, okButtonProps: { danger: true }, onOk: forget });
  };
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
      // A 识别任务 clicked while the file was being read said there was no text: it is there now.
      setError(undefined);
    } catch (e) {
      // Only our own Chinese reasons are shown; a library's English error is not for the officer.
      if (!(e instanceof PolicyFileError)) console.error(`policy file ${file.name}: ${String((e as Error)?.stack ?? e)}`);
      setError(T.readFailed(file.name, e instanceof PolicyFileError ? e.message : T.notDocx));
    } finally {
      setReading(false);
    }
  };

  const parse = async () => {
    if (!text.trim()) return setError(T.emptyText);
    setError(undefined);
    const keyPrefix = await freePrefix(text);
    setDraft(draftFrom(parsePolicyText(text, { source: fileName || T.pastedSource, now: new Date().toISOString(), origin: 'import', keyPrefix }), fileName, keyPrefix));
  };

  const save = async () => {
    if (!draft) return;
    const { meta } = draft;
    if (!meta.title.trim()) return setError(T.needTitle);
    if (!/^[A-Za-z0-9]+$/u.test(meta.keyPrefix)) return setError(T.needPrefix);
    const badDeadline = Object.entries(draft.deadlineErrors)[0];
    if (badDeadline) return setError(T.review.badDeadline(shownKey(badDeadline[0], draft), badDeadline[1]));
    const untitled = draft.tasks.find((t) => !t.title.trim());
    if (untitled) return setError(T.review.untitledTask(shownKey(untitled.key, draft)));
    const unnamed = draft.targets.find((t) => !t.name.trim());
    if (unnamed) return setError(T.review.incompleteTarget(unnamed.taskKey ? T.review.taskWhere(shownKey(unnamed.taskKey, draft)) : T.review.goalWhere));
    // No task found (a table the parser did not read, a notice without its plan): saved only when the officer says so.
    if (
      draft.tasks.length === 0 &&
      !(await new Promise<boolean>((ok) => modal.confirm({ title: T.noTasksSaveTitle, content: T.noTasksSaveBody(draft.targets.length), okText: T.noTasksSaveOk, cancelText: T.keepEditing, onOk: () => ok(true), onCancel: () => ok(false) })))
    )
      return;
    // The same document saved twice would put every task in the ledger and the reports twice.
    const same = await sameDocument(meta.title, meta.docNumber);
    if (same && !(await new Promise<boolean>((ok) => modal.confirm({ title: T.duplicateTitle, content: T.duplicateBody(same.title, same.docNumber ?? ''), okText: T.duplicateOk, cancelText: T.duplicateCancel, onOk: () => ok(true), onCancel: () => ok(false) }))))
      return;
    const documentId = documentIdFor(meta.keyPrefix);
    const rekey = (k: string) => shownKey(k, draft);
    const document: PolicyDocument = {
      ...draft.parsed.document,
      id: documentId,
      title: meta.title.trim(),
      shortTitle: meta.shortTitle.trim() || meta.title.trim().slice(0, 16),
      docNumber: meta.docNumber.trim() || undefined,
      issueDate: meta.issueDate.trim() || undefined,
      issuedElsewhere: meta.elsewhere || undefined,
      // A draft kept before this field existed holds what the parser said.
      issuedByDistrict: (meta.byDistrict ?? draft.parsed.document.issuedByDistrict) || undefined,
      addedAt: new Date().toISOString(),
    };
    const sectionId = (id?: string) => id?.replace(draft.parsed.document.id, documentId);
    setSaving(true);
    const tasks = draft.tasks.map((t) => ({ ...t, key: rekey(t.key), documentId, sectionId: sectionId(t.sectionId), issuedElsewhere: document.issuedElsewhere, issuedByDistrict: document.issuedByDistrict, updatedAt: new Date().toISOString() }));
    const result = await saveConfirmedDocument(getDb(), {
      document,
      sections: draft.parsed.sections.map((s) => ({ ...s, id: sectionId(s.id)!, parentId: sectionId(s.parentId), documentId })),
      tasks,
      targets: draft.targets.map((t) => ({ ...t, id: t.id.replace(draft.parsed.document.id, documentId), documentId, taskKey: t.taskKey && rekey(t.taskKey) })),
    });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    saved.current = true;
    keepReview(undefined);
    // How many of its tasks the district's ledger shows (与本区相关, the ledger's own rule), said at once:
    // a document whose tasks name only city units adds none there (walk10 Y1).
    const clusters = await allClusters(getDb());
    const concern = isCityOffice(office) ? tasks.length : tasks.filter((t) => taskRelevance(t, office, clusters).relevant).length;
    if (concern < tasks.length) message.info(T.savedSomeConcern(tasks.length, concern, office), 6);
    else message.success(T.saved(document.title, tasks.length));
    onDone();
  };

  if (!draft)
    return (
      <Card title={T.add} extra={<Button onClick={() => discard(onDone)}>{T.cancel}</Button>}>
        <Flex vertical gap={12}>
          {restored && <Alert type="info" showIcon closable onClose={() => setRestored(undefined)} title={T.restoredText(restored)} data-testid="document-restored" />}
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
                    {fileName && <Typography.Text>{T.fileLength(fileName, text.length)}</Typography.Text>}
                  </Space>
                ),
              },
            ]}
          />
          <Button type="primary" onClick={parse} disabled={reading} data-testid="parse-policy">
            {T.parse}
          </Button>
        </Flex>
      </Card>
    );
  // A correction clears the message about what was wrong before.
  const edit = (d: Draft) => {
    setError(undefined);
    setDraft(d);
  };
  // 返回 to the text: the review's corrections would be lost, so the officer is asked first.
  const back = () => {
    if (draft.tasks === draft.parsed.tasks && draft.targets === draft.parsed.targets && !Object.keys(draft.deadlineErrors).length) return setDraft(undefined);
    modal.confirm({ title: T.backTitle, content: T.backBody, okText: T.backOk, cancelText: T.keepEditing, onOk: () => setDraft(undefined) });
  };
  return (
    <>
      {restored && <Alert style={{ marginBottom: 8 }} type="info" showIcon closable onClose={() => setRestored(undefined)} title={T.restoredReview(restored)} data-testid="document-restored" />}
      <ReviewDocument draft={draft} setDraft={edit} error={error} saving={saving} onBack={back} onSave={save} />
    </>
  );
}
