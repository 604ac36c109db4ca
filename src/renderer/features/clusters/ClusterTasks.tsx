import { useMemo } from 'react';
import { Button, Select, Table, Tag } from 'antd';
import { taskCode, type Cluster, type PolicyDocument, type Task } from '@core/model';
import { buildSearchKey, matchesSearch, parseQuery } from '@core/search';
import { usePinyin } from '../common/use-pinyin';
import { taskSearchLong } from '../common/task-rows';
import { clusterKeyword, clusterMatches } from '@core/policy/clusters';
import { excludeTask, includeTask, restoreTask } from './cluster-actions';
import { CLUSTER_TEXT as T } from './texts';

/** The tasks of a cluster, with hand adjustments. */
export function ClusterTasks({ cluster, tasks, documents }: { cluster: Cluster; tasks: Task[]; documents: PolicyDocument[] }) {
  const docTitle = useMemo(() => new Map(documents.map((d) => [d.id, d.shortTitle || d.title])), [documents]);
  // Pinyin initials in 添加任务 once the dictionary is in.
  usePinyin();
  const members = tasks.filter((t) => clusterMatches(cluster, t, cluster.district));
  const excluded = tasks.filter((t) => cluster.excludedTaskKeys.includes(t.key));
  const candidates = useMemo(
    () =>
      tasks
        .filter((t) => !clusterMatches(cluster, t, cluster.district))
        .map((t) => ({ t, key: buildSearchKey([t.title, ...t.leadUnits, ...t.responsibleUnits], taskSearchLong(t, docTitle.get(t.documentId) ?? '')) })),
    [tasks, cluster, docTitle],
  );
  const how = (t: Task) => {
    if (cluster.includedTaskKeys.includes(t.key)) return <Tag color="gold">{T.byHand}</Tag>;
    const k = clusterKeyword(cluster, t);
    return <Tag color="blue">{T.byKeyword(k ?? '')}</Tag>;
  };
  return (
    <div data-testid="cluster-tasks">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <span>{T.addTask}</span>
        <Select
          showSearch={{
            filterOption: (input, option) => {
              const c = candidates.find((x) => x.t.key === option?.value);
              return Boolean(c && matchesSearch(c.key, parseQuery(input)));
            },
          }}
          style={{ width: 460 }}
          placeholder={T.addTaskPlaceholder}
          value={null}
          onChange={(key: string) => void includeTask(cluster, key)}
          options={candidates.map(({ t }) => ({ value: t.key, label: T.candidate(taskCode(t), docTitle.get(t.documentId) ?? '', t.number, t.title) }))}
          data-testid="cluster-add-task"
        />
      </div>
      <Table<Task>
        size="small"
        rowKey="key"
        dataSource={members}
        pagination={members.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: T.noTasks }}
        columns={[
          { title: T.taskCols.document, width: 170, ellipsis: true, render: (_, t) => docTitle.get(t.documentId) },
          { title: T.taskCols.number, width: 60, dataIndex: 'number' },
          { title: T.taskCols.title, ellipsis: true, render: (_, t) => <span title={t.text}>{t.title}</span> },
          { title: T.taskCols.how, width: 170, render: (_, t) => how(t) },
          {
            title: T.taskCols.action,
            width: 70,
            render: (_, t) => (
              <Button size="small" type="link" danger onClick={() => void excludeTask(cluster, t.key, clusterKeyword(cluster, t) !== undefined)}>
                {T.removeTask}
              </Button>
            ),
          },
        ]}
      />
      {excluded.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <div style={{ color: '#666', marginBottom: 4 }}>{T.excluded}</div>
          {excluded.map((t) => (
            <div key={t.key} style={{ display: 'flex', alignItems: 'center', gap: 8, color: '#888' }}>
              <span style={{ textDecoration: 'line-through' }}>
                {docTitle.get(t.documentId)} {t.number}. {t.title}
              </span>
              <Button size="small" type="link" onClick={() => void restoreTask(cluster, t.key)}>
                {T.restoreTask}
              </Button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
