import { useState } from 'react';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { getDb, useQuery, writeSetting, readReportHeader, type ReportHeader } from '../../storage';
import { REPORT_HEADER_TEXT as T } from './texts';

/** The four fields, saved together; a task's own 填报人 never writes them. */
function HeaderForm({ initial, district, compact }: { initial: ReportHeader; district: string; compact: boolean }) {
  const { message } = App.useApp();
  const [v, setV] = useState(initial);
  const dirty = v.unit !== initial.unit || v.filledBy !== initial.filledBy || v.phone !== initial.phone || v.reviewer !== initial.reviewer;
  const save = async () => {
    const db = getDb();
    await writeSetting(db, 'reportUnit', v.unit.trim());
    await writeSetting(db, 'filledBy', v.filledBy.trim());
    await writeSetting(db, 'reportPhone', v.phone.trim());
    await writeSetting(db, 'reportReviewer', v.reviewer.trim());
    message.success(T.saved);
  };
  const field = (key: keyof ReportHeader, label: string, width: number, testId: string, placeholder?: string) => (
    <Input addonBefore={label} aria-label={label} style={{ width }} value={v[key]} placeholder={placeholder} onChange={(e) => setV({ ...v, [key]: e.target.value })} data-testid={testId} />
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
    </Space>
  );
}

/**
 * 报表表头与表尾 // report header fields: 填报单位, 填报人, 联系电话, 审核人（负责人）. Settings of
 * their own, shown in 设置 and on the reports page; never taken from a task's 填报人.
 */
export function ReportHeaderSection({ district, compact = false }: { district: string; compact?: boolean }) {
  const header = useQuery(() => readReportHeader(getDb()), []).data;
  if (!header) return null;
  const key = `${header.unit}|${header.filledBy}|${header.phone}|${header.reviewer}`;
  return (
    <Card size="small" title={T.title} data-testid="report-header-section">
      {!compact && <Typography.Paragraph type="secondary">{T.help}</Typography.Paragraph>}
      <HeaderForm key={key} initial={header} district={district} compact={compact} />
    </Card>
  );
}
