/**
 * 回收: drop many returned files → per file what was recognised and every problem (file,
 * sheet, row, column) → per task the new text, and conflicts with the ledger side by side
 * with keep / replace / append → apply after a backup (undo on the board).
 */
import { localDateTime } from '@core/time';
import { useState, type DragEvent } from 'react';
import { App, Alert, Button, Card, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { type Task } from '@core/model';
import { parsePeriodId } from '@core/period';
import { chooseAnswer, chooseIndicator, mergedValue, planMerges, type FieldMerge, type FilePlan, type IndicatorMerge, type MergeAction, type Round, type TaskMerge } from '@core/rounds';
import { getDb, lockedMessage, readLockState, readSetting, useQuery } from '../../storage';
import { applyCollected, loadCollectContext, planInWorker } from './collect-flow';
import { ROUNDS_MORE_TEXT, ROUNDS_TEXT } from './texts';

/** A text of any length side by side with two others: as written, scrolling within its cell past about twelve lines. */
const LONG_TEXT = { whiteSpace: 'pre-wrap', maxHeight: 264, overflowY: 'auto', overflowWrap: 'anywhere' } as const;

const T = ROUNDS_TEXT.collect;

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'preview'; files: FilePlan[]; merges: TaskMerge[] }
  | { kind: 'error'; message: string };

async function filesOf(list: FileList | null): Promise<{ name: string; data: Uint8Array }[]> {
  return Promise.all(Array.from(list ?? []).map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
}

/** The collect tab. */
export function CollectTab({ rounds, tasks, onApplied, city = false }: { rounds: Round[]; tasks: Map<string, Task>; onApplied: () => void; city?: boolean }) {
  const { message } = App.useApp();
  const [roundId, setRoundId] = useState<string | undefined>(rounds[0]?.id);
  const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  // A district's period already sent (已报送, locked) takes no return: said before the preview, not after 确认写入.
  const lock = useQuery(async () => (round && round.level !== 'city' ? readLockState(getDb(), round.district, round.periodId) : undefined), [round?.id]).data;
  const locked = lock?.locked && round ? lockedMessage(round.district, round.periodId) : undefined;

  if (!round) return <Alert type="info" showIcon title={city ? T.noCityRound : T.noRound} />;

  const take = async (files: { name: string; data: Uint8Array }[]) => {
    if (files.length === 0) return;
    setState({ kind: 'reading', done: 0, total: files.length });
    const { ctx, ledger, history } = await loadCollectContext(getDb(), round);
    const r = await planInWorker(files, ctx, (done, total) => setState({ kind: 'reading', done, total }));
    if (!r.ok) return setState({ kind: 'error', message: r.message });
    setState({ kind: 'preview', files: r.files, merges: planMerges(r.files, round, ledger, history) });
  };
  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    // Keep the window-wide import drop from taking these files.
    e.stopPropagation();
    setOver(false);
    void filesOf(e.dataTransfer.files).then(take);
  };
  const setAction = (m0: TaskMerge, field: string, action: MergeAction) =>
    setState((s) => (s.kind !== 'preview' ? s : { ...s, merges: s.merges.map((m) => (m !== m0 ? m : { ...m, fields: m.fields.map((f) => (f.field === field ? { ...f, action } : f)) })) }));
  // Units that disagree: the officer takes one unit's answer (its status brings its percent) or keeps the ledger's.
  const setAnswer = (m0: TaskMerge, field: 'status' | 'percent', choice: 'keep' | { unit: string }) =>
    setState((s) => (s.kind !== 'preview' ? s : { ...s, merges: s.merges.map((m) => (m !== m0 ? m : chooseAnswer(m, field, choice))) }));
  // A target's value: the ledger's kept, or one unit's taken.
  const setValue = (m0: TaskMerge, targetId: string, choice: 'keep' | { unit: string }) =>
    setState((s) => (s.kind !== 'preview' ? s : { ...s, merges: s.merges.map((m) => (m !== m0 ? m : chooseIndicator(m, targetId, choice))) }));
  const apply = async () => {
    if (state.kind !== 'preview') return;
    setBusy(true);
    const db = getDb();
    const r = await applyCollected(db, round, state.files, state.merges, await readSetting(db, 'filledBy'));
    setBusy(false);
    if (!r.ok) return message.error(r.message);
    message.success(T.applied(r.record.after.length));
    setState({ kind: 'idle' });
    onApplied();
  };

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <span>{T.round}</span>
        <Select
          data-testid="collect-round"
          style={{ width: 560, maxWidth: '100%' }}
          value={round.id}
          onChange={(v) => (setRoundId(v), setState({ kind: 'idle' }))}
          options={rounds.map((r) => ({ value: r.id, label: ROUNDS_TEXT.send.roundLine(parsePeriodId(r.periodId)?.name ?? r.periodId, localDateTime(r.createdAt), r.units.length, r.dueDate) }))}
        />
      </Space>
      {state.kind !== 'preview' && (
        <label
          data-testid="collect-drop"
          onDragOver={(e) => (e.preventDefault(), e.stopPropagation(), setOver(true))}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          style={{ display: 'block', border: `2px dashed ${over ? '#1677ff' : '#c0c4cc'}`, background: over ? '#e6f4ff' : '#fafafa', padding: 28, textAlign: 'center', cursor: 'pointer', borderRadius: 6 }}
        >
          <input data-testid="collect-input" type="file" multiple accept=".xlsx,.xls,.et" style={{ display: 'none' }} onChange={(e) => void filesOf(e.target.files).then(take).finally(() => (e.target.value = ''))} />
          {T.drop}
        </label>
      )}
      {state.kind === 'reading' && (
        <div style={{ marginTop: 12 }} data-testid="collect-progress">
          <Typography.Text>{T.reading(Math.min(state.done + 1, state.total), state.total)}</Typography.Text>
          <Progress percent={Math.round((100 * state.done) / state.total)} />
        </div>
      )}
      {state.kind === 'error' && <Alert style={{ marginTop: 12 }} type="error" showIcon title={state.message} />}
      {state.kind === 'preview' && <CollectPreview files={state.files} merges={state.merges} tasks={tasks} setAction={setAction} setAnswer={setAnswer} setValue={setValue} onApply={() => void apply()} onCancel={() => setState({ kind: 'idle' })} busy={busy} locked={locked} />}
    </div>
  );
}

/** The answers units gave: one button per value, naming every unit that gave it (the first one's is taken). */
function byValue<V>(incoming: readonly { unit: string; value: V }[]): { unit: string; units: string[]; value: V }[] {
  const out: { unit: string; units: string[]; value: V }[] = [];
  for (const x of incoming) {
    const same = out.find((o) => o.value === x.value);
    if (same) same.units.push(x.unit);
    else out.push({ unit: x.unit, units: [x.unit], value: x.value });
  }
  return out;
}

/** The answers units gave on a status or percent (byValue), a percent shown with its %. */
function answerOptions(f: FieldMerge): { unit: string; units: string[]; value: string }[] {
  const out = byValue(f.incoming);
  return f.field === 'percent' ? out.map((o) => ({ ...o, value: `${o.value}%` })) : out;
}

/** The preview of a drop: files, problems, refused rows and per task the merge with its choices. */
export function CollectPreview({ files, merges, tasks, setAction, setAnswer, setValue, onApply, onCancel, busy, locked }: { files: FilePlan[]; merges: TaskMerge[]; tasks: Map<string, Task>; setAction: (m: TaskMerge, f: string, a: MergeAction) => void; setAnswer: (m: TaskMerge, f: 'status' | 'percent', c: 'keep' | { unit: string }) => void; setValue?: (m: TaskMerge, targetId: string, c: 'keep' | { unit: string }) => void; onApply: () => void; onCancel: () => void; busy: boolean; locked: string | undefined }) {
  const issues = files.flatMap((f) => f.issues);
  const refusedRows = files.flatMap((f) => f.refusedRows.map((r) => ({ ...r, fileName: f.fileName })));
  return (
    <div data-testid="collect-preview">
      {locked && <Alert type="error" showIcon data-testid="collect-locked" style={{ marginBottom: 12 }} title={locked} />}
      <Typography.Title level={5}>{T.files}</Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {files.map((f) => (
          <Card key={f.fileName} size="small" style={{ width: 320 }} data-testid="collect-file">
            <Typography.Text strong ellipsis style={{ display: 'block' }}>
              {f.fileName}
            </Typography.Text>
            {f.refused ? <Tag color="red">{T.refused}</Tag> : <Tag color={f.matchedBy === 'binding' ? 'green' : 'orange'}>{T.fileAccepted(f.unit ?? '', f.matchedBy === 'binding' ? T.byBinding : T.byColumns)}</Tag>}
            {!f.refused && <div>{T.rows(f.rows.filter((r) => !r.empty).length, f.rows.filter((r) => r.empty).length)}{f.indicators?.length ? T.valueRows(f.indicators.length) : ''}</div>}
          </Card>
        ))}
      </div>
      {issues.length > 0 && (
        <>
          <Typography.Title level={5}>{T.issues}</Typography.Title>
          <Table
            data-testid="collect-issues"
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={issues}
            columns={[
              { title: T.colSeverity, width: 64, render: (_, i) => (i.severity === 'error' ? <Tag color="red">{T.error}</Tag> : <Tag color="orange">{T.warning}</Tag>) },
              { title: T.colFile, width: 220, ellipsis: true, render: (_, i) => i.fileName },
              { title: T.colWhere, width: 260, render: (_, i) => T.where(i.sheet, i.row, i.column) },
              { title: T.colMessage, render: (_, i) => i.message },
            ]}
          />
        </>
      )}
      {refusedRows.length > 0 && (
        <>
          <Typography.Title level={5}>{T.refusedRows}</Typography.Title>
          <Table
            data-testid="collect-refused-rows"
            size="small"
            pagination={false}
            rowKey={(r) => `${r.fileName}|${r.row}`}
            dataSource={refusedRows}
            columns={[
              { title: T.colFile, width: 220, ellipsis: true, render: (_, r) => r.fileName },
              { title: T.colWhere, width: 140, render: (_, r) => ROUNDS_MORE_TEXT.rowWhere(r.row, r.taskKey) },
              { title: T.incoming, render: (_, r) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.texts.join('\n')}</span> },
            ]}
          />
        </>
      )}
      <Typography.Title level={5}>{T.tasks}</Typography.Title>
      {merges.length === 0 && <Alert type="info" showIcon title={T.noChanges} />}
      {merges.map((m) => (
        <Card key={`${m.district ?? ''}|${m.taskKey}`} size="small" style={{ marginBottom: 8 }} data-testid={`merge-${m.district ? `${m.district}-` : ''}${m.taskKey}`} title={m.district ? ROUNDS_TEXT.city.mergeTitle(m.district, m.taskKey, tasks.get(m.taskKey)?.title ?? '') : `${m.taskKey} ${tasks.get(m.taskKey)?.title ?? ''}`}>
          {m.fields.some((f) => f.incoming.length > 0 || f.implied || f.clash) && <Table
            size="small"
            pagination={false}
            rowKey="field"
            // A percent no unit gave that stays as it is says nothing: not shown.
            dataSource={m.fields.filter((f) => f.incoming.length > 0 || f.implied || f.clash)}
            columns={[
              { title: '', width: 116, render: (_, f) => (<span>{T.field[f.field]}{f.conflict && <Tag color="orange" style={{ marginLeft: 4 }}>{T.conflict}</Tag>}{f.officeEdited && <Tag color="blue" style={{ marginLeft: 4, whiteSpace: 'normal' }} title={T.officeEditedHelp}>{T.officeEdited}</Tag>}{f.revises && <Tag color="green" style={{ marginLeft: 4, whiteSpace: 'normal' }} title={T.revisesHelp(f.revises)}>{T.revises}</Tag>}{f.disagree && <Tag color="red" style={{ marginLeft: 4, whiteSpace: 'normal' }} title={T.disagreeHelp} data-testid={`disagree-${m.taskKey}-${f.field}`}>{T.disagree}</Tag>}</span>) },
              { title: T.before, render: (_, f) => <div style={{ ...LONG_TEXT, color: '#666' }}>{f.before}</div> },
              { title: T.incoming, render: (_, f) => f.incoming.map((x) => <div key={x.unit} style={LONG_TEXT}><Tag>{x.unit}</Tag>{x.value}{x.earlier && <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }} title={T.earlierAnswerHelp}>{T.earlierAnswer}</Typography.Text>}</div>) },
              {
                title: T.result,
                width: 320,
                render: (_, f) => (
                  <div>
                    {f.disagree && (f.field === 'status' || f.field === 'percent') ? (
                      <Radio.Group size="small" value={f.action === 'keep' ? '' : (answerOptions(f).find((o) => o.units.includes(f.from ?? ''))?.unit ?? '')} onChange={(e) => setAnswer(m, f.field as 'status' | 'percent', e.target.value ? { unit: e.target.value as string } : 'keep')} data-testid={`action-${m.taskKey}-${f.field}`}>
                        <Radio.Button value="">{T.actions.keep}</Radio.Button>
                        {answerOptions(f).map((o) => (
                          <Radio.Button key={o.unit} value={o.unit}>
                            {T.takeUnit(o.units, o.value)}
                          </Radio.Button>
                        ))}
                      </Radio.Group>
                    ) : f.conflict && (
                      <Radio.Group size="small" value={f.action} onChange={(e) => setAction(m, f.field, e.target.value as MergeAction)} data-testid={`action-${m.taskKey}-${f.field}`}>
                        <Radio.Button value="keep">{T.actions.keep}</Radio.Button>
                        <Radio.Button value="replace">{T.actions.replace}</Radio.Button>
                        {f.field !== 'status' && f.field !== 'percent' && <Radio.Button value="append">{T.actions.append}</Radio.Button>}
                      </Radio.Group>
                    )}
                    <div style={LONG_TEXT}>{mergedValue(f)}</div>
                    {f.disagree && f.pickedBy && (
                      <Typography.Text style={{ display: 'block', fontSize: 12 }} data-testid={`will-write-${m.taskKey}-${f.field}`}>
                        {T.willWrite(f.field === 'percent' && mergedValue(f) ? `${mergedValue(f)}%` : mergedValue(f), f.pickedBy, f.from)}
                      </Typography.Text>
                    )}
                    {f.implied && (
                      <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} data-testid={`implied-${m.taskKey}`}>
                        {T.implied(mergedValue(m.fields.find((x) => x.field === 'status') ?? f), f.combined)}
                      </Typography.Text>
                    )}
                    {f.clash && (
                      <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid={`clash-${m.taskKey}`}>
                        {T.clash(f.clash.status, f.clash.percent)}
                      </Typography.Text>
                    )}
                    {f.leftOut && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`left-out-${m.taskKey}-${f.field}`}>
                        {T.leftOut(f.leftOut)}
                      </Typography.Text>
                    )}
                  </div>
                ),
              },
            ]}
          />}
          {m.indicators && <IndicatorValues m={m} setValue={setValue} />}
        </Card>
      ))}
      <Space style={{ marginTop: 8, position: 'sticky', bottom: -16, background: '#fff', padding: '8px 12px', width: '100%', borderTop: '1px solid #e5e7eb', zIndex: 2 }}>
        <Button type="primary" disabled={merges.length === 0 || !!locked} loading={busy} onClick={onApply} data-testid="collect-apply">
          {busy ? T.applying : T.apply(merges.length)}
        </Button>
        <Button onClick={onCancel}>{T.cancel}</Button>
      </Space>
    </div>
  );
}

/** The question asked of the value to be written, when it is above the whole city's target for it. */
const takenDoubt = (x: IndicatorMerge) => (x.action === 'keep' ? undefined : x.incoming.find((i) => i.unit === x.from)?.doubt);

/** The values a task's units wrote in the indicator sheet: per target, the ledger's, theirs, and what is written. */
function IndicatorValues({ m, setValue }: { m: TaskMerge; setValue?: (m: TaskMerge, targetId: string, c: 'keep' | { unit: string }) => void }) {
  const shown = (x: IndicatorMerge, v: number | undefined) => (v === undefined ? '' : `${v}${x.unit}`);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="targetId"
      style={{ marginTop: m.fields.length > 0 ? 6 : 0 }}
      data-testid={`merge-values-${m.taskKey}`}
      dataSource={m.indicators}
      columns={[
        { title: T.valueColumn, width: 116, render: (_, x) => (<span>{x.name}{x.conflict && !x.disagree && !x.officeEdited && <Tag color="orange" style={{ marginLeft: 4 }}>{T.conflict}</Tag>}{x.officeEdited && <Tag color="blue" style={{ marginLeft: 4, whiteSpace: 'normal' }} title={T.valueOfficeEditedHelp} data-testid={`value-office-edited-${m.taskKey}-${x.targetId}`}>{T.officeEdited}</Tag>}{x.disagree && <Tag color="red" style={{ marginLeft: 4, whiteSpace: 'normal' }} title={T.valueDisagreeHelp}>{T.disagree}</Tag>}</span>) },
        { title: T.before, render: (_, x) => <span style={{ color: '#666' }}>{shown(x, x.before)}</span> },
        { title: T.incoming, render: (_, x) => x.incoming.map((i) => <div key={i.unit}><Tag>{i.unit}</Tag>{shown(x, i.value)}{i.earlier && <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }} title={T.earlierAnswerHelp}>{T.earlierAnswer}</Typography.Text>}</div>) },
        {
          title: T.result,
          width: 320,
          render: (_, x) => (
            <div>
              {/* Offered while there is anything to choose; still there after 保留现有 was chosen for a doubtful value. */}
              {(x.conflict || x.assistOnly || x.incoming.some((i) => i.doubt)) && setValue && (
                <Radio.Group size="small" value={x.action === 'keep' ? '' : (byValue(x.incoming).find((o) => o.units.includes(x.from ?? ''))?.unit ?? '')} onChange={(e) => setValue(m, x.targetId, e.target.value ? { unit: e.target.value as string } : 'keep')} data-testid={`value-action-${m.taskKey}-${x.targetId}`}>
                  <Radio.Button value="">{T.actions.keep}</Radio.Button>
                  {byValue(x.incoming).map((o) => (
                    <Radio.Button key={o.unit} value={o.unit}>
                      {T.takeUnit(o.units, shown(x, o.value))}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              )}
              <div>{shown(x, x.action === 'keep' ? x.before : x.combined)}</div>
              {/* A figure above the whole city's target for it: written, but asked about (as in the task's form). */}
              {takenDoubt(x) && (
                <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} data-testid={`value-doubt-${m.taskKey}-${x.targetId}`}>
                  {takenDoubt(x)}
                </Typography.Text>
              )}
              {x.assistOnly && x.action !== 'keep' && (
                <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} data-testid={`value-assist-only-${m.taskKey}-${x.targetId}`}>
                  {T.valueAssistOnly(x.from ?? '')}
                </Typography.Text>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
