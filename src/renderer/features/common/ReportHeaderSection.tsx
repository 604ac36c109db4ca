import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { getDb, useQuery, readReportHeader, writeReportHeader, type ReportHeader } from '../../storage';
import { REPORT_HEADER_TEXT as T } from './texts';

const same = (a: ReportHeader, b: ReportHeader) => a.unit === b.unit && a.filledBy === b.filledBy && a.phone === b.phone && a.reviewer === b.reviewer;

/**
 * The four fields, saved together for the district: by 保存, and by themselves when a field is
 * left or the page is left with something unsaved (nothing typed here is lost). A task's own
 * 填报人 never writes them.
 */
function HeaderForm({ initial, district, compact }: { initial: ReportHeader; district: string; compact: boolean }) {
  const { message } = App.useApp();
  const [v, setV] = useState(initial);
  const [savedAt, setSavedAt] = useState<'auto' | undefined>();
  const latest = useRef({ v, saved: initial });
  latest.current.v = v;
  // Stored values that change while the form is open (a restore, the other page's form) are shown
  // unless the officer has typed something not yet saved: the form is never remounted under the
  // officer's hands (that lost the focus, and with it what was being typed).
  useEffect(() => {
    if (same(initial, latest.current.saved)) return;
    const typing = !same(latest.current.v, latest.current.saved);
    latest.current.saved = initial;
    if (!typing) setV(initial);
  }, [initial]);
  const dirty = !same(v, latest.current.saved);
  const persist = async (values: ReportHeader) => {
    if (same(values, latest.current.saved)) return false;
    await writeReportHeader(getDb(), district, values);
    latest.current.saved = values;
    return true;
  };
  const save = async () => {
    await persist(v);
    message.success(T.saved);
  };
  const saveQuietly = () =>
    void persist(latest.current.v).then(
      (wrote) => wrote && setSavedAt('auto'),
      (e: unknown) => message.error(T.saveFailed(e instanceof Error ? e.message : String(e))),
    );
  // Leaving the page (another menu, another window) with something typed: it is saved, not dropped.
  useEffect(
    () => () => {
      const { v: values, saved } = latest.current;
      if (!same(values, saved)) writeReportHeader(getDb(), district, values).catch((e: unknown) => message.error(T.saveFailed(e instanceof Error ? e.message : String(e))));
    },
    [district, message],
  );
  const field = (key: keyof ReportHeader, label: string, width: number, testId: string, placeholder?: string) => (
    <Input
      addonBefore={label}
      aria-label={label}
      style={{ width }}
      value={v[key]}
      placeholder={placeholder}
      onChange={(e) => {
        setSavedAt(undefined);
        setV({ ...v, [key]: e.target.value });
      }}
      onBlur={saveQuietly}
      data-testid={testId}
    />
  );
  return (
    <Space wrap size={[8, 8]}>
      {field('unit', T.unit, compact ? 300 : 320, 'settings-report-unit', district)}
      {field('filledBy', T.filledBy, 200, 'settings-filled-by')}
      {field('phone', T.phone, 230, 'settings-phone')}
      {field('reviewer', T.reviewer, 250, 'settings-reviewer')}
      <Button type={dirty ? 'primary' : 'default'} onClick={save} data-testid="settings-people-save">
        {T.save}
      </Button>
      {savedAt && !dirty && (
        <Typography.Text type="secondary" data-testid="report-header-autosaved">
          {T.autoSaved}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * 报表表头与表尾 // report header fields: 填报单位, 联系电话, 审核人（负责人） of the district, and the
 * officer's 填报人. Shown in 设置 and on the reports page; never taken from a task's 填报人.
 */
export function ReportHeaderSection({ district, compact = false }: { district: string; compact?: boolean }) {
  const read = useQuery(async () => ({ district, header: await readReportHeader(getDb(), district) }), [district]).data;
  // Until this district's header is read, no form: the other district's values are never shown for it (nor saved as its).
  if (!read || read.district !== district) return null;
  const header = read.header;
  return (
    <Card size="small" title={T.title} data-testid="report-header-section">
      {!compact && <Typography.Paragraph type="secondary">{T.help(district)}</Typography.Paragraph>}
      <HeaderForm key={district} initial={header} district={district} compact={compact} />
    </Card>
  );
}
