import { Alert, Button, Space } from 'antd';
import type { Target } from '@core/model';
import { STATUS_LABELS, type TaskStatus } from '@core/model';
import type { FieldConflict } from '@core/records/progress-edits';
import { LEDGER_TEXT } from './texts';

const T = LEDGER_TEXT.detail;

function label(field: string, targets: Target[]): string {
  if (field.startsWith('indicatorValues.')) {
    const t = targets.find((x) => `indicatorValues.${x.id}` === field);
    return `${t?.name ?? ''}${T.actual}`;
  }
  return (T as unknown as Record<string, string>)[field] ?? field;
}

function shown(field: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return T.emptyValue;
  if (field === 'status') return STATUS_LABELS[v as TaskStatus] ?? String(v);
  return String(v);
}

/** Fields another window saved while this one was typing: both texts, and the officer chooses. */
export function ConflictNotice(props: { conflicts: FieldConflict[]; targets: Target[]; onKeepMine: (field: string) => void; onTakeTheirs: (field: string) => void }) {
  if (props.conflicts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="edit-conflict"
      style={{ marginBottom: 8 }}
      title={T.conflictTitle}
      description={
        <div>
          <div style={{ marginBottom: 6 }}>{T.conflictIntro}</div>
          {props.conflicts.map((c) => (
            <div key={c.field} data-testid={`conflict-${c.field}`} style={{ marginBottom: 8 }}>
              <b>{T.conflictField(label(c.field, props.targets))}</b>
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {T.conflictMine}：{shown(c.field, c.mine)}
              </div>
              <div style={{ whiteSpace: 'pre-wrap', color: '#ad6800' }}>
                {T.conflictTheirs}：{shown(c.field, c.theirs)}
              </div>
              <Space size={4} style={{ marginTop: 4 }}>
                <Button size="small" type="primary" onClick={() => props.onKeepMine(c.field)}>
                  {T.keepMine}
                </Button>
                <Button size="small" onClick={() => props.onTakeTheirs(c.field)}>
                  {T.takeTheirs}
                </Button>
              </Space>
            </div>
          ))}
        </div>
      }
    />
  );
}
