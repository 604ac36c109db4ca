import { describe, expect, it } from 'vitest';
import { localDateTime } from './time';

describe('localDateTime', () => {
  it('shows a stored UTC instant on the local clock', () => {
    const iso = '2026-11-27T10:41:05.123Z';
    const d = new Date(iso);
    const want = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    expect(localDateTime(iso)).toBe(want);
  });
  it('in 武汉 (UTC+8) an evening return is not shown as the morning', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      expect(localDateTime('2026-11-27T10:41:05.123Z')).toBe('2026-11-27 18:41');
      expect(localDateTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    } finally {
      process.env.TZ = tz;
    }
  });
  it('leaves what is not a time as written', () => expect(localDateTime('不详')).toBe('不详'));
});
