import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { TABLE_NAMES } from '@core/records/schemas';
import { onSkippedRows, skippedRows, type SkippedRow } from '../../storage';
import { DAMAGED_TEXT as T } from './texts';

/** A visible notice while malformed stored rows are being left out of reads. */
export function DamagedRowsNotice(props: { onOpenBackup: () => void }) {
  const [rows, setRows] = useState<SkippedRow[]>(skippedRows);
  useEffect(() => onSkippedRows(setRows), []);
  if (rows.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="damaged-rows"
      title={T.title(rows.length)}
      description={
        <span>
          {T.hint}（{rows.slice(0, 3).map((r) => T.where(TABLE_NAMES[r.table] ?? r.table, r.key)).join('；')}
          {rows.length > 3 ? '…' : ''}）
        </span>
      }
      action={
        <Button size="small" onClick={props.onOpenBackup}>
          {T.open}
        </Button>
      }
    />
  );
}
