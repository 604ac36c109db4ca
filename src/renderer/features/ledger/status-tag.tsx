import { Tag } from 'antd';
import type { TaskStatus } from '@core/model';
import { STATUS_LABELS } from '@core/model';

/** Tag colours of the statuses. */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  on_track: 'blue',
  ahead: 'cyan',
  behind: 'red',
  done: 'green',
  ongoing: 'purple',
};

/** A status as a coloured tag; a grey dash when not filled. */
export function StatusTag({ status }: { status: TaskStatus | undefined }) {
  if (!status) return <span style={{ color: '#bbb' }}>—</span>;
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {STATUS_LABELS[status]}
    </Tag>
  );
}
