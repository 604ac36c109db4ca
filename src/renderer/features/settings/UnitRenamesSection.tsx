/** 设置 → 单位名称对照: the built-in renames (read only) and the office's own, editable. */
import { useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { BUILTIN_UNIT_RENAMES, unitRenameProblem, type UnitRename } from '@core/unit-names';
import { getDb, useQuery, getUnitRenames, saveUnitRenamesAndUnify, setUnitRenames } from '../../storage';
import { UNIT_RENAMES_TEXT as T } from './texts';
import { QueryProblem } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

interface Row extends UnitRename {
  own: boolean;
  id: string;
}

/** The 单位名称对照 card of 设置. */
export function UnitRenamesSection() {
  const { message } = App.useApp();
  const db = getDb();
  const ownQuery = useQuery(() => getUnitRenames(db), []);
  const own = ownQuery.data;
  const [draft, setDraft] = useState<UnitRename>({ from: '', to: '' });
  const [problem, setProblem] = useState<string>();
  if (own === undefined) return <QueryProblem queries={[ownQuery]} what={QUERY_TEXT.pages.settings} />;
  const rows: Row[] = [
    ...own.map((p, i) => ({ ...p, own: true, id: `own-${i}` })),
    ...BUILTIN_UNIT_RENAMES.map((p, i) => ({ ...p, own: false, id: `builtin-${i}` })),
  ];
  const add = async () => {
    const pair = { from: draft.from.trim(), to: draft.to.trim() };
    const others = own.filter((p) => p.from.trim() !== pair.from);
    const why = unitRenameProblem(pair, others);
    setProblem(why && T.problem(why));
    if (why) return;
    const unified = await saveUnitRenamesAndUnify(db, [...others, pair]);
    setDraft({ from: '', to: '' });
    message.success(T.added(pair.from, pair.to, unified));
  };
  const remove = async (from: string) => {
    await setUnitRenames(db, own.filter((p) => p.from !== from));
    message.success(T.removed(from));
  };
  return (
    <Card size="small" title={T.title} data-testid="settings-unit-renames">
      <Typography.Paragraph type="secondary">{T.help}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input addonBefore={T.from} placeholder={T.placeholderFrom} style={{ width: 260 }} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} data-testid="unit-rename-from" />
        <span>→</span>
        <Input addonBefore={T.to} placeholder={T.placeholderTo} style={{ width: 280 }} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} onPressEnter={() => void add()} data-testid="unit-rename-to" />
        <Button type="primary" onClick={() => void add()} data-testid="unit-rename-add">
          {T.add}
        </Button>
      </Space>
      {problem && (
        <Typography.Paragraph type="danger" data-testid="unit-rename-problem">
          {problem}
        </Typography.Paragraph>
      )}
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ y: 240 }}
        dataSource={rows}
        data-testid="unit-rename-table"
        columns={[
          { title: T.from, dataIndex: 'from', key: 'from' },
          { title: T.to, dataIndex: 'to', key: 'to' },
          { title: T.source, key: 'source', width: 120, render: (_, r) => (r.own ? <Tag color="blue">{T.own}</Tag> : <Tag>{T.builtin}</Tag>) },
          {
            title: '',
            key: 'remove',
            width: 80,
            render: (_, r) =>
              r.own ? (
                <Button size="small" danger onClick={() => void remove(r.from)}>
                  {T.remove}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
