/**
 * 回收进度: per unit sent / returned / overdue / not returned / last return; the 催报 list and
 * notice; the applied drops (undo as a whole); per task each unit's contribution with the
 * source of every paragraph, editable.
 */
import { localDateTime } from '@core/time';
import { useMemo, useState } from 'react';
import { App, Alert, Button, Card, Input, List, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ProgressEntry, Task } from '@core/model';
import { parsePeriodId } from '@core/period';
import { attributeParagraphs, chaseNotice, roundBoard, unitsToChase, type AppliedReturn, type Round, type SourcedParagraph } from '@core/rounds';
import { getDb, useQuery, progressRepo, listRoundApplies, undoRoundReturn } from '../../storage';
import { copyText } from './SendTab';
import { ROUNDS_TEXT } from './texts';

const T = ROUNDS_TEXT.board;
const FIELDS = ['progress', 'problems', 'nextSteps'] as const;
const today = () => new Date().toISOString().slice(0, 10);

/** The board tab. */
export function BoardTab({ rounds, tasks, city = false }: { rounds: Round[]; tasks: Map<string, Task>; city?: boolean }) {
  const { message } = App.useApp();
  const [roundId, setRoundId] = useState<string | undefined>(rounds[0]?.id);
  const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
  const applies = useQuery(() => (round ? listRoundApplies(getDb(), round.id) : []), [round?.id]).data;
  const progress = useQuery(() => (round ? progressRepo.byPeriod(getDb(), round.district, round.periodId) : []), [round?.district, round?.periodId]).data;
  const standing = useMemo(() => (applies ?? []).filter((a) => !a.undoneAt), [applies]);
  const returns: AppliedReturn[] = useMemo(() => standing.flatMap((a) => a.returns), [standing]);
  if (!round) return <Alert type="info" showIcon title={city ? ROUNDS_TEXT.collect.noCityRound : ROUNDS_TEXT.collect.noRound} />;
  const periodName = parsePeriodId(round.periodId)?.name ?? round.periodId;
  const board = roundBoard(round, returns, today());
  const chase = unitsToChase(board);
  const notice = chase.length > 0 ? chaseNotice(round.district, periodName, round.dueDate, chase, today()) : '';
  const returnedKeys = [...new Set(returns.flatMap((r) => r.taskKeys))];
  const byTask = new Map((progress ?? []).map((p) => [p.taskKey, p]));

  const undo = async (id: string) => {
    const r = await undoRoundReturn(getDb(), id);
    if (r.ok) message.success(T.undone(r.restored));
    else message.error(r.message);
  };

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <span>{T.round}</span>
        <Select
          data-testid="board-round"
          style={{ width: 420 }}
          value={round.id}
          onChange={setRoundId}
          options={rounds.map((r) => ({ value: r.id, label: ROUNDS_TEXT.send.roundLine(parsePeriodId(r.periodId)?.name ?? r.periodId, localDateTime(r.createdAt), r.units.length, r.dueDate) }))}
        />
      </Space>
      <Table
        data-testid="board-units"
        size="small"
        pagination={false}
        rowKey="unit"
        dataSource={board}
        columns={[
          { title: T.colUnit, dataIndex: 'unit' },
          { title: T.colSent, dataIndex: 'sent', width: 90 },
          { title: T.colReturned, dataIndex: 'returned', width: 90 },
          { title: T.colMissing, dataIndex: 'notReturned', width: 90 },
          { title: T.colOverdue, width: 90, render: (_, r) => (r.overdue ? <Tag color="red">{T.overdue}</Tag> : T.notYet) },
          { title: T.colLast, width: 160, render: (_, r) => (r.lastReturnAt ? localDateTime(r.lastReturnAt) : T.notYet) },
        ]}
      />
      <div style={{ display: 'flex', gap: 16, marginTop: 12, flexWrap: 'wrap' }}>
        <Card size="small" title={T.chase} style={{ flex: '1 1 420px' }} data-testid="board-chase">
          {chase.length === 0 ? (
            <Typography.Text>{T.chaseNone}</Typography.Text>
          ) : (
            <>
              <Input.TextArea readOnly value={notice} autoSize={{ minRows: 4, maxRows: 8 }} data-testid="board-chase-notice" />
              <Button size="small" style={{ marginTop: 4 }} onClick={() => void copyText(notice).then((ok) => (ok ? message.success(ROUNDS_TEXT.send.copied) : message.warning(ROUNDS_TEXT.send.copyFailed)))}>
                {ROUNDS_TEXT.send.copy}
              </Button>
            </>
          )}
        </Card>
        <Card size="small" title={T.applies} style={{ flex: '1 1 420px' }} data-testid="board-applies">
          {(applies ?? []).length === 0 ? (
            <Typography.Text>{T.noReturns}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={[...(applies ?? [])].reverse()}
              renderItem={(a) => (
                <List.Item
                  actions={
                    a.undoneAt
                      ? [<Tag key="u">{T.undoneTag}</Tag>]
                      : [
                          <Popconfirm key="u" title={T.undoConfirm} onConfirm={() => void undo(a.id)}>
                            <Button size="small" danger>
                              {T.undo}
                            </Button>
                          </Popconfirm>,
                        ]
                  }
                >
                  {T.applyLine(localDateTime(a.at), a.files.map((f) => `${f.unit}（${f.fileName}）`).join('、'))}
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
      {returnedKeys.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {T.tasks}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{T.editHint}</Typography.Paragraph>
          {returnedKeys.map((k) => (
            <TaskSources key={k} taskKey={k} task={tasks.get(k)} entry={byTask.get(k)} returns={returns} />
          ))}
        </>
      )}
    </div>
  );
}

/** One task: each field's paragraphs with their source unit, editable. */
function TaskSources({ taskKey, task, entry, returns }: { taskKey: string; task?: Task; entry?: ProgressEntry; returns: AppliedReturn[] }) {
  const { message } = App.useApp();
  const initial = useMemo(() => Object.fromEntries(FIELDS.map((f) => [f, attributeParagraphs(entry?.[f] ?? '', taskKey, f, returns, entry?.paragraphSources?.[f])])) as Record<(typeof FIELDS)[number], SourcedParagraph[]>, [entry, taskKey, returns]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const dirty = Object.keys(edits).length > 0;
  const save = async () => {
    if (!entry) return;
    const next = { ...entry, paragraphSources: { ...entry.paragraphSources } };
    for (const f of FIELDS) {
      // An edited paragraph keeps its source; one emptied is dropped with its source.
      const kept = initial[f].map((p, i) => ({ text: (edits[`${f}|${i}`] ?? p.text).trim(), unit: p.unit ?? '' })).filter((p) => p.text);
      next[f] = kept.map((p) => p.text).join('\n');
      next.paragraphSources[f] = kept.map((p) => p.unit);
    }
    await progressRepo.put(getDb(), next);
    setEdits({});
    message.success(T.savedParagraphs);
  };
  return (
    <Card size="small" style={{ marginBottom: 8 }} title={`${taskKey} ${task?.title ?? ''}`} data-testid={`sources-${taskKey}`} extra={dirty && <Button size="small" type="primary" onClick={() => void save()}>{T.saveParagraphs}</Button>}>
      {FIELDS.map((f) =>
        initial[f].length === 0 ? null : (
          <div key={f} style={{ marginBottom: 6 }}>
            <Typography.Text strong>{ROUNDS_TEXT.collect.field[f]}</Typography.Text>
            {initial[f].map((p, i) => (
              <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginTop: 2 }}>
                <Tag color={p.unit ? 'blue' : 'default'} style={{ minWidth: 84, textAlign: 'center' }}>
                  {p.unit ?? T.office}
                </Tag>
                <Input.TextArea autoSize value={edits[`${f}|${i}`] ?? p.text} onChange={(e) => setEdits((s) => ({ ...s, [`${f}|${i}`]: e.target.value }))} />
              </div>
            ))}
          </div>
        ),
      )}
    </Card>
  );
}
