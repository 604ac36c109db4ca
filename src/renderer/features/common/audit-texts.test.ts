import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@core/model';
import { chineseDate, chineseDateTime, formatSide, formatValue } from './audit-texts';

const at = '2026-11-26T04:03:23.220Z';
const entry = (field: string, oldValue: unknown, newValue: unknown): AuditEntry => ({ at, entity: 'progress', entityId: '汉阳区|SSWGH-41|2026-Q4', field, oldValue, newValue, by: '王芳' }) as AuditEntry;

describe('修改记录 speaks Chinese', () => {
  it('dates as dates', () => {
    expect(chineseDate('2026-11-26')).toBe('2026年11月26日');
    const d = new Date(at);
    expect(chineseDateTime(at)).toBe(`${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`);
    expect(formatValue('updatedAt', at)).toBe(chineseDateTime(at));
    expect(formatValue('closedAt', '2023-12-31')).toBe('2023年12月31日');
  });

  it.each([
    ['leadUnits', ['市科技创新局', '市发改委'], '市科技创新局、市发改委'],
    ['includedTaskKeys', [], '（空）'],
    ['documents', [{ id: 'doc-1', title: '2023年工作要点' }, { id: 'doc-2', title: '三年行动方案' }], '2023年工作要点、三年行动方案'],
    ['indicatorValues', { 't-1': 120, 't-2': null }, 't-1：120'],
    ['status', 'behind', '滞后'],
    ['percent', 60, '60%'],
    ['archived', true, '是'],
    ['periodKind', 'quarter', '季报'],
  ])('%s: lists as their items, values in words', (field, v, text) => {
    expect(formatValue(field, v)).toBe(text);
  });

  it('a created record says 新建 or its name, never a count of its fields', () => {
    const record = { id: 'x', district: '汉阳区', taskKey: 'SSWGH-41', periodId: '2026-Q4', progress: '', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '', status: 'on_track', percent: 40 };
    const created = entry('*', null, record);
    expect(formatSide(created, 'old')).toBe('（空）');
    expect(formatSide(created, 'new')).toBe('2026年第四季度');
    expect(formatSide(entry('*', null, { value: 1 }), 'new')).toBe('新建');
    expect(formatSide(entry('*', { title: '引聚国际研发机构' }, null), 'new')).toBe('删除');
    for (const side of ['old', 'new'] as const) expect(formatSide(created, side)).not.toMatch(/共 \d+ 项/);
  });
});
