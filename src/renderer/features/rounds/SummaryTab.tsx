/**
 * 市级汇总: per task × district the status, percent and text; counts by status; lagging and
 * missing districts; each district's 报送情况; the 全市汇总表 export.
 */
import { localDateTime } from '@core/time';
import { useMemo, useState } from 'react';
import { App, Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { STATUS_LABELS, type Task } from '@core/model';
import { parsePeriodId } from '@core/period';
import { COUNT_LABELS, buildCitySummary, notReportedText, type Round } from '@core/rounds';
import { platform } from '../../platform';
import { getDb, useQuery, progressOfPeriodAllDistricts } from '../../storage';
import { ROUNDS_MORE_TEXT, ROUNDS_TEXT } from './texts';

const C = ROUNDS_TEXT.city;

/** The summary tab (city level only). */
export function SummaryTab({ rounds, tasks }: { rounds: Round[]; tasks: Map<string, Task> }) {
  const { message } = App.useApp();
  const [roundId, setRoundId] = useState<string | undefined>(rounds[0]?.id);
  const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
  const progress = useQuery(() => (round ? progressOfPeriodAllDistricts(getDb(), round.periodId) : []), [round?.periodId]).data;
  const summary = useMemo(() => (round && progress ? buildCitySummary(round, [...tasks.values()], progress) : undefined), [round, progress, tasks]);
  if (!round || !summary) return <Typography.Text>{ROUNDS_TEXT.collect.noCityRound}</Typography.Text>;
  const periodName = parsePeriodId(round.periodId)?.name ?? round.periodId;
  const exportIt = async () => {
    const { writeCitySummary } = await import('../../spreadsheet/round-city');
    const data = await writeCitySummary({ periodName, ...summary, madeAt: new Date().toISOString() });
    const r = await platform().saveFile({ title: C.export, suggestedName: C.fileName(periodName), filters: [{ name: ROUNDS_MORE_TEXT.xlsxFilter, extensions: ['xlsx'] }], data });
    if (r.status === 'saved') message.success(C.exported(r.name));
  };
  return (
    <div data-testid="city-summary">
      <Space style={{ marginBottom: 8 }} wrap>
        <span>{ROUNDS_TEXT.board.round}</span>
        <Select style={{ width: 560, maxWidth: '100%' }} value={round.id} onChange={setRoundId} options={rounds.map((r) => ({ value: r.id, label: ROUNDS_TEXT.send.roundLine(parsePeriodId(r.periodId)?.name ?? r.periodId, localDateTime(r.createdAt), r.units.length, r.dueDate) }))} />
        <Button type="primary" onClick={() => void exportIt()} data-testid="city-export">
          {C.export}
        </Button>
        <Typography.Text type="secondary">{COUNT_LABELS.map(([k, l]) => `${l} ${summary.totals[k]}`).join(' · ')}</Typography.Text>
      </Space>
      <Table
        data-testid="city-tasks"
        size="small"
        rowKey="taskKey"
        pagination={{ defaultPageSize: 20 }}
        dataSource={summary.rows}
        expandable={{
          expandedRowRender: (t) => (
            <Table
              size="small"
              pagination={false}
              rowKey="d"
              dataSource={t.sentTo.map((d) => ({ d, c: t.cells[d] }))}
              columns={[
                { title: C.colDistrict, width: 150, render: (_, x) => x.d },
                {
                  title: ROUNDS_TEXT.collect.field.status,
                  width: 110,
                  render: (_, x) =>
                    x.c ? (x.c.status ? STATUS_LABELS[x.c.status] : '') : t.unfilled.includes(x.d) ? <Tag color="orange">{ROUNDS_MORE_TEXT.notFilled}</Tag> : <Tag color="red">{ROUNDS_MORE_TEXT.notReturned}</Tag>,
                },
                { title: ROUNDS_TEXT.collect.field.percent, width: 90, render: (_, x) => x.c?.percent ?? '' },
                { title: ROUNDS_TEXT.collect.field.progress, render: (_, x) => <span style={{ whiteSpace: 'pre-wrap' }}>{x.c?.progress ?? ''}</span> },
              ]}
            />
          ),
        }}
        columns={[
          { title: C.colTask, ellipsis: true, render: (_, t) => `${t.taskKey} ${t.title}` },
          { title: C.colCounts, width: 300, render: (_, t) => COUNT_LABELS.filter(([k]) => t.counts[k] > 0).map(([k, l]) => <Tag key={k} color={k === 'behind' ? 'red' : k === 'none' ? 'default' : k === 'no_status' || k === 'unfilled' ? 'orange' : 'blue'}>{`${l} ${t.counts[k]}`}</Tag>) },
          { title: C.colLagging, width: 160, render: (_, t) => <Tooltip title={t.lagging.join('、')}>{t.lagging.join('、')}</Tooltip>, ellipsis: true },
          { title: C.colMissing, width: 200, render: (_, t) => <Tooltip title={t.missing.join('、')}>{t.missing.length === t.sentTo.length && t.sentTo.length > 3 ? ROUNDS_MORE_TEXT.allDistricts(t.missing.length) : t.missing.join('、')}</Tooltip>, ellipsis: true },
        ]}
      />
      <Typography.Title level={5}>{C.districtsTitle}</Typography.Title>
      <Table
        data-testid="city-districts"
        size="small"
        pagination={false}
        rowKey="district"
        dataSource={summary.districts}
        columns={[
          { title: C.colDistrict, dataIndex: 'district' },
          { title: C.colSent, dataIndex: 'sent', width: 90 },
          { title: C.colReported, dataIndex: 'reported', width: 90 },
          // Tasks without a reported entry: 未填报 once the district has sent its return, 未报送 while it has sent nothing.
          { title: C.colNotReported, width: 140, render: (_, d) => notReportedText(d) },
          { title: C.colLaggingCount, dataIndex: 'lagging', width: 80 },
          { title: C.colLast, width: 160, render: (_, d) => (d.lastAt ? localDateTime(d.lastAt) : '—') },
        ]}
      />
    </div>
  );
}
