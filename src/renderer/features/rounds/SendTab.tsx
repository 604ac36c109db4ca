/**
 * 下发: pick a period, a due date and units → one workbook per unit with only its tasks, all
 * of them as one .zip, and the notice to paste into a message.
 */
import { localDateTime } from '@core/time';
import { useMemo, useState } from 'react';
import { App, Alert, Button, Checkbox, DatePicker, Input, List, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { parsePeriodId } from '@core/period';
import { dateText, sendNotice, tasksByUnit, type Round } from '@core/rounds';
import { platform } from '../../platform';
import { getDb } from '../../storage';
import { PeriodPicker } from '../common/PeriodPicker';
import { useReportingPeriod } from '../common/use-period';
import type { AssignRow } from './use-round-data';
import { ROUNDS_MORE_TEXT, ROUNDS_TEXT } from './texts';

const T = ROUNDS_TEXT.send;
const XLSX_FILTER = [{ name: ROUNDS_MORE_TEXT.xlsxFilter, extensions: ['xlsx'] }];
const ZIP_FILTER = [{ name: ROUNDS_MORE_TEXT.zipFilter, extensions: ['zip'] }];

/** Copy text to the clipboard; false when the system refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The send tab. */
export function SendTab({ district, rows, rounds, city }: { district: string; rows: AssignRow[]; rounds: Round[]; city: boolean }) {
  const { message } = App.useApp();
  const { period } = useReportingPeriod();
  const [due, setDue] = useState<Dayjs>(() => dayjs(period.end).add(8, 'day'));
  const byUnit = useMemo(() => tasksByUnit(rows.flatMap((r) => (r.assignment ? [r.assignment] : [])), rows.map((r) => r.task.key)), [rows]);
  const unitNames = [...byUnit.keys()];
  const [picked, setPicked] = useState<string[] | undefined>();
  const chosen = picked ?? unitNames;
  const [prefill, setPrefill] = useState(false);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ round: Round; files: { unit: string; name: string; data: Uint8Array; values: number }[] }>();

  const make = async () => {
    if (chosen.length === 0) return message.warning(T.pickUnits);
    setBusy(true);
    try {
      const { produceRound } = await import('./send-flow');
      const out = await produceRound(getDb(), { district, period, dueDate: due.format('YYYY-MM-DD'), units: chosen, prefill, tasks: rows.map((r) => r.task), city });
      setMade(out);
      message.success(T.made(out.files.length));
    } catch (e) {
      message.error(T.failed(String((e as Error)?.message ?? e)));
    } finally {
      setBusy(false);
    }
  };
  const save = async (name: string, data: Uint8Array, zip = false) => {
    const r = await platform().saveFile({ title: name, suggestedName: name, filters: zip ? ZIP_FILTER : XLSX_FILTER, data });
    if (r.status === 'saved') message.success(T.saved(r.name));
  };
  const saveZip = async () => {
    if (!made) return;
    const { zipFiles } = await import('./send-flow');
    await save(T.zipName(district, parsePeriodId(made.round.periodId)?.name ?? made.round.periodId), await zipFiles(made.files), true);
  };
  const madePeriod = made ? (parsePeriodId(made.round.periodId)?.name ?? '') : '';
  const notice = !made ? '' : city ? ROUNDS_TEXT.city.notice(madePeriod, dateText(made.round.dueDate), made.files.map((f) => f.unit)) : sendNotice(district, madePeriod, made.round.dueDate, made.files.map((f) => f.unit), made.files.some((f) => f.values > 0));

  if (unitNames.length === 0) return <Alert type="info" showIcon title={T.noUnits} />;
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <div style={{ flex: '1 1 420px', maxWidth: 560 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <PeriodPicker />
          <Space>
            <span>{T.dueDate}</span>
            <DatePicker data-testid="send-due" value={due} onChange={(d) => d && setDue(d)} allowClear={false} />
          </Space>
          <div>
            <Typography.Text strong>{T.units}</Typography.Text>
            <Checkbox.Group data-testid="send-units" style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }} value={chosen} onChange={(v) => setPicked(v as string[])}>
              {unitNames.map((u) => {
                const list = byUnit.get(u)!;
                const lead = list.filter((x) => x.role === 'lead').length;
                return (
                  <Checkbox key={u} value={u}>
                    {city ? ROUNDS_TEXT.city.unitTasks(u, list.length) : T.unitTasks(u, lead, list.length - lead)}
                  </Checkbox>
                );
              })}
            </Checkbox.Group>
          </div>
          {!city && (
            <Checkbox checked={prefill} onChange={(e) => setPrefill(e.target.checked)} data-testid="send-prefill">
              {T.prefill}
            </Checkbox>
          )}
          <Button type="primary" onClick={() => void make()} loading={busy} data-testid="send-make">
            {T.make}
          </Button>
          {busy && <Spin description={T.making} />}
        </Space>
        {rounds.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <Typography.Text strong>{T.history}</Typography.Text>
            <List
              size="small"
              dataSource={rounds}
              renderItem={(r) => <List.Item>{T.roundLine(parsePeriodId(r.periodId)?.name ?? r.periodId, localDateTime(r.createdAt), r.units.length, r.dueDate)}</List.Item>}
            />
          </div>
        )}
      </div>
      {made && (
        <div style={{ flex: '1 1 420px', maxWidth: 640 }} data-testid="send-result">
          <Typography.Text strong>{T.files}</Typography.Text>
          <List
            size="small"
            bordered
            dataSource={made.files}
            renderItem={(f) => (
              <List.Item actions={[<Button key="s" size="small" onClick={() => void save(f.name, f.data)}>{T.saveOne}</Button>]}>
                {f.name}
                {f.values > 0 && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{T.fileValues(f.values)}</Typography.Text>}
              </List.Item>
            )}
          />
          <Button style={{ marginTop: 8 }} onClick={() => void saveZip()} data-testid="send-zip">
            {T.saveZip}
          </Button>
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>{T.notice}</Typography.Text>
            <Input.TextArea data-testid="send-notice" readOnly value={notice} autoSize={{ minRows: 4, maxRows: 8 }} />
            <Button size="small" style={{ marginTop: 4 }} onClick={() => void copyText(notice).then((ok) => (ok ? message.success(T.copied) : message.warning(T.copyFailed)))}>
              {T.copy}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
