import { Tag } from 'antd';
import type { TaskStatus } from '@core/model';
import { STATUS_LABELS } from '@core/model';
import { parsePeriodId } from '@core/period';
import { LEDGER_TEXT } from './texts';

/** Tag colours of the statuses. */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  on_track: 'blue',
  ahead: 'cyan',
  behind: 'red',
  done: 'green',
  ongoing: 'purple',
};

/**
 * A status as a coloured tag; a grey dash when not filled. A task done in an earlier period and
 * not filled in since (`doneIn`, that period's id) shows 前期已完成, as the 工作台 and the report count it.
 */
export function StatusTag({ status, doneIn }: { status: TaskStatus | undefined; doneIn?: string | undefined }) {
  if (!status && doneIn) {
    return (
      <Tag color="green" bordered={false} style={{ marginInlineEnd: 0, background: 'transparent' }} title={LEDGER_TEXT.doneEarlierTip(parsePeriodId(doneIn)?.name ?? doneIn)} data-testid="done-earlier">
        {LEDGER_TEXT.doneEarlier}
      </Tag>
    );
  }
  if (!status) return <span style={{ color: '#bbb' }}>—</span>;
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {STATUS_LABELS[status]}
    </Tag>
  );
}
