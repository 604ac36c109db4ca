/**
 * 修改任务信息: the office corrects a task it holds (title, units, deadline) — a wrong unit the
 * parser took from a web page's footer, a typo — in one audited write. Loaded when opened.
 */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { Task } from '@core/model';
import { applyTaskEdit } from '@core/tasks';
import { splitUnits } from '@core/policy/units';
import { planYearOf, readDeadline } from '@core/deadline';
import { documentsRepo, getDb, updateTasks } from '../../storage';
import { LEDGER_TEXT } from './texts';

const T = LEDGER_TEXT.detail;

export default function TaskEditDialog({ task, shownKey, onClose }: { task: Task; shownKey: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [title, setTitle] = useState(task.title);
  const [lead, setLead] = useState(task.leadUnits.join('、'));
  const [responsible, setResponsible] = useState(task.responsibleUnits.join('、'));
  const [deadline, setDeadline] = useState(task.deadlineText ?? task.deadline ?? '');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!title.trim()) return setError(T.editNeedTitle);
    // The deadline as stored stays as stored when its words are not changed (never re-read: a title
    // fix must not move a date); changed words are read as the review reads them, with the plan's year.
    const unchanged = deadline.trim() === (task.deadlineText ?? task.deadline ?? '').trim();
    const d = unchanged ? {} : readDeadline(deadline, planYearOf(await documentsRepo.get(getDb(), task.documentId)));
    if (d.error) return setError(d.error);
    const edit = { title, leadUnits: splitUnits(lead), responsibleUnits: splitUnits(responsible), ...(unchanged ? { keepDeadline: true } : {}), ...(d.deadline ? { deadline: d.deadline } : {}), ...(d.deadlineText ? { deadlineText: d.deadlineText } : {}) };
    const at = new Date().toISOString();
    setSaving(true);
    try {
      const n = await updateTasks(getDb(), [task.key], (t) => applyTaskEdit(t, edit, at));
      message.success(n ? T.editSaved : T.editNothing);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={T.editTitle(shownKey)} okText={T.editSave} cancelText={T.editCancel} confirmLoading={saving} onOk={() => void save()} onCancel={onClose} width={640} destroyOnHidden>
      <p style={{ color: '#666' }}>{T.editHelp}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="task-edit-error" />}
      <Form layout="vertical">
        <Form.Item label={T.editTitleLabel} required>
          <Input.TextArea autoSize={{ maxRows: 4 }} value={title} onChange={(e) => (setError(undefined), setTitle(e.target.value))} data-testid="task-edit-title" />
        </Form.Item>
        <Form.Item label={T.leadUnits} extra={T.editUnitsHelp}>
          <Input.TextArea autoSize={{ maxRows: 3 }} value={lead} onChange={(e) => setLead(e.target.value)} data-testid="task-edit-lead" />
        </Form.Item>
        <Form.Item label={T.responsibleUnits} extra={T.editUnitsHelp}>
          <Input.TextArea autoSize={{ maxRows: 3 }} value={responsible} onChange={(e) => setResponsible(e.target.value)} data-testid="task-edit-responsible" />
        </Form.Item>
        <Form.Item label={T.deadline} extra={T.editDeadlineHelp}>
          <Input value={deadline} onChange={(e) => (setError(undefined), setDeadline(e.target.value))} data-testid="task-edit-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
