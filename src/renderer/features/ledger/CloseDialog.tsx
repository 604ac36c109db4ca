import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { isValidCloseDate, tasksOfPastDocuments } from '@core/closure';
import { type PolicyDocument, type Task } from '@core/model';
import { getDb, readSetting } from '../../storage';
import { closeTasks } from './close-actions';
import { LEDGER_MORE_TEXT, LEDGER_TEXT } from './texts';

const T = LEDGER_TEXT.close;
/** How the 销号日期 is typed and shown. */
const DATE_FORMAT = 'YYYY-MM-DD';

/** What is being closed: one task, or a choice among past documents and the tasks listed. */
export type CloseScope =
  | { kind: 'one'; task: Task }
  | { kind: 'bulk'; documents: readonly PolicyDocument[]; tasks: readonly Task[]; shownKeys: readonly string[] };

/** 办结销号 dialog: a date (today by default, never later), a note and who closes; one task or many in one go. */
export function CloseDialog({ scope, defaultBy, onClose }: { scope: CloseScope; defaultBy: string; onClose: () => void }) {
  const { message } = App.useApp();
  const today = dayjs().format('YYYY-MM-DD');
  const past = useMemo(() => (scope.kind === 'bulk' ? tasksOfPastDocuments(scope.documents, scope.tasks, today) : []), [scope, today]);
  const [docIds, setDocIds] = useState<string[]>([]);
  const [useShown, setUseShown] = useState(false);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [by, setBy] = useState(defaultBy);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // 销号人: the 填报人 remembered in settings, unless given.
  useEffect(() => {
    if (defaultBy) return;
    let live = true;
    void readSetting(getDb(), 'filledBy').then((v) => live && v && setBy((b) => b || v));
    return () => {
      live = false;
    };
  }, [defaultBy]);

  const keys = useMemo(() => {
    if (scope.kind === 'one') return [scope.task.key];
    const set = new Set<string>();
    for (const p of past) if (docIds.includes(p.document.id)) for (const t of p.tasks) set.add(t.key);
    if (useShown) for (const k of scope.shownKeys) set.add(k);
    return [...set];
  }, [scope, past, docIds, useShown]);

  const submit = async () => {
    if (!isValidCloseDate(date, today)) return setProblem(T.badDate);
    if (keys.length === 0) return setProblem(T.noneChosen);
    setBusy(true);
    try {
      const n = await closeTasks(getDb(), keys, { date, note, by });
      message.success(T.done(n));
      onClose();
    } catch {
      setProblem(T.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={scope.kind === 'one' ? T.title(scope.task.title) : T.bulkTitle}
      okText={scope.kind === 'bulk' && keys.length ? LEDGER_MORE_TEXT.closeOkCount(T.ok, keys.length) : T.ok}
      cancelText={T.cancel}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      <div data-testid="close-dialog" style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {scope.kind === 'bulk' && (
          <div>
            <div className="field-label">{T.scope}</div>
            {past.length > 0 && <div style={{ color: '#666', fontSize: 13, margin: '4px 0' }}>{T.pastDocuments}</div>}
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              value={docIds}
              onChange={(v) => {
                setDocIds(v as string[]);
                const first = past.find((p) => (v as string[]).includes(p.document.id));
                if (first && !note) setNote(T.defaultBulkNote(first.endYear));
              }}
              options={past.map((p) => ({ value: p.document.id, label: T.pastDocument(p.document.shortTitle || p.document.title, p.endYear, p.tasks.length) }))}
            />
            <Checkbox style={{ marginTop: 6 }} checked={useShown} onChange={(e) => setUseShown(e.target.checked)} data-testid="close-shown">
              {T.shownTasks(scope.shownKeys.length)}
            </Checkbox>
            <div style={{ marginTop: 6, fontWeight: 500 }} data-testid="close-summary">
              {T.summary(keys.length)}
            </div>
          </div>
        )}
        <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <span className="field-label" id="close-date-label">
            {T.date}
          </span>
          {/* antd's picker in the app's zh_CN locale (not the browser's native date input, whose text follows the system's language). */}
          <DatePicker
            aria-labelledby="close-date-label"
            data-testid="close-date"
            style={{ width: 180 }}
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjs(date).isValid() ? dayjs(date) : null}
            disabledDate={(d) => d.format(DATE_FORMAT) > today}
            onChange={(d) => d && setDate(d.format(DATE_FORMAT))}
          />
        </div>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <span className="field-label">{T.note}</span>
          <Input.TextArea aria-label={T.note} data-testid="close-note" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={T.notePlaceholder} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <span className="field-label">{T.by}</span>
          <Input aria-label={T.by} style={{ width: 180 }} maxLength={200} value={by} onChange={(e) => setBy(e.target.value)} />
        </label>
        {problem && <Alert type="error" showIcon title={problem} data-testid="close-problem" />}
      </div>
    </Modal>
  );
}
