/**
 * 已归档的任务: the tasks the city's lists dropped. Nothing the district wrote for them is lost:
 * the officer reads it here (plain text, never HTML) and can put a task back in the ledger.
 */
import { useState } from 'react';
import { App, Button, Card, Modal, Space, Table, Typography } from 'antd';
import { STATUS_LABELS, taskCode } from '@core/model';
import { parsePeriodId } from '@core/period';
import { archivedTasks, describeStorageError, getDb, restoreArchivedTask, useQuery, type ArchivedTask } from '../../storage';
import { useAppContext } from '../common/app-context';
import { QueryProblem } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';
import { ARCHIVED_TEXT as T, IMPORT_TEXT } from './texts';

const periodName = (id: string) => parsePeriodId(id)?.name ?? id;

/** The archived tasks with what the district wrote for them; each can be read or restored. */
export function ArchivedTasks({ docName }: { docName: (id: string) => string }) {
  const { modal, message } = App.useApp();
  const { district } = useAppContext();
  const query = useQuery(() => archivedTasks(getDb(), district), [district]);
  const [open, setOpen] = useState<ArchivedTask | undefined>(undefined);
  const list = query.data ?? [];
  if (!query.error && list.length === 0) return null;

  const restore = (a: ArchivedTask) => {
    const code = taskCode(a.task);
    modal.confirm({
      title: T.restoreTitle(code),
      content: T.restoreBody,
      okText: T.restoreOk,
      onOk: async () => {
        try {
          if (await restoreArchivedTask(getDb(), a.task.key)) message.success(T.restored(code));
        } catch (e) {
          // The library's words go to the log; the officer reads what happened and what to do.
          console.error('restore archived task failed', e);
          const problem = describeStorageError(e);
          message.error(T.restoreFailed(problem.kind === 'unknown' ? IMPORT_TEXT.causeLogged : problem.title));
        }
      },
    });
  };

  return (
    <Card title={T.title(list.length)} size="small" data-testid="archived-tasks">
      <QueryProblem queries={[query]} what={QUERY_TEXT.pages.archivedTasks} />
      <Typography.Paragraph type="secondary">{T.intro}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(a) => a.task.key}
        dataSource={list}
        pagination={list.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: IMPORT_TEXT.key, key: 'key', width: 130, render: (_, a) => taskCode(a.task) },
          { title: IMPORT_TEXT.task, key: 'title', render: (_, a) => a.task.title },
          { title: IMPORT_TEXT.fields.document, key: 'doc', width: 160, render: (_, a) => docName(a.task.documentId) },
          { title: T.entriesColumn, key: 'entries', width: 200, render: (_, a) => T.entries(a.entries.length, a.entries[0] ? periodName(a.entries[0].periodId) : '') },
          {
            title: '',
            key: 'actions',
            width: 190,
            render: (_, a) => (
              <Space size="small">
                <Button size="small" disabled={a.entries.length === 0} onClick={() => setOpen(a)} data-testid={`archived-view-${a.task.key}`}>
                  {T.view}
                </Button>
                <Button size="small" onClick={() => restore(a)} data-testid={`archived-restore-${a.task.key}`}>
                  {T.restore}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open !== undefined}
        title={open ? T.entriesTitle(taskCode(open.task), open.task.title) : ''}
        width={900}
        onCancel={() => setOpen(undefined)}
        footer={<Button onClick={() => setOpen(undefined)}>{T.close}</Button>}
      >
        <Table
          size="small"
          rowKey="id"
          data-testid="archived-entries"
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={open?.entries ?? []}
          columns={[
            { title: T.period, key: 'period', width: 130, render: (_, e) => periodName(e.periodId) },
            { title: T.status, key: 'status', width: 90, render: (_, e) => (e.status ? STATUS_LABELS[e.status] : T.none) },
            { title: T.progress, key: 'progress', render: (_, e) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.progress || T.none}</Typography.Text> },
            { title: T.problems, key: 'problems', width: 180, render: (_, e) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.problems || T.none}</Typography.Text> },
            { title: T.nextSteps, key: 'next', width: 180, render: (_, e) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.nextSteps || T.none}</Typography.Text> },
          ]}
        />
      </Modal>
    </Card>
  );
}
