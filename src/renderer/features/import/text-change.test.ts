import { describe, expect, it } from 'vitest';
import { textChange } from './text-change';

describe('textChange', () => {
  const para = '支持外资研发中心融入本地创新体系，承担国际合作、重点研发等科技计划项目。到2027年，新增外资企业1000家，外资研发中心达到30个。';
  it('a small edit in a long paragraph: the edit in a little context', () => {
    const c = textChange(para, para.replace('到2027年', '到2026年底'))!;
    expect([c.removed, c.added]).toEqual(['7年', '6年底']);
    expect(c.before.endsWith('到202')).toBe(true);
    expect(c.after.startsWith('，新增外资企业')).toBe(true);
    expect(c.after.endsWith('…')).toBe(true);
  });
  it('text added at the end: nothing removed', () => {
    const c = textChange(para, `${para}并建立季度调度机制。`)!;
    expect([c.removed, c.added, c.after]).toEqual(['', '并建立季度调度机制。', '']);
  });
  it('short values are shown whole', () => expect(textChange('市科技局', '市发改委')).toBeUndefined());
  it('characters outside the basic plane are not split', () => {
    const c = textChange(`${para}𠀀`, `${para}𠀁`)!;
    expect([c.removed, c.added]).toEqual(['𠀀', '𠀁']);
  });
});
