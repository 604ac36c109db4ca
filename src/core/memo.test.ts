import { describe, expect, it } from 'vitest';
import { memoByString } from './memo';

describe('memoByString', () => {
  it('works each key out once, undefined answers included', () => {
    const asked: string[] = [];
    const f = memoByString((k) => (asked.push(k), k === 'none' ? undefined : k.length), 10);
    expect([f('汉阳区'), f('汉阳区'), f('none'), f('none'), f('')]).toEqual([3, 3, undefined, undefined, 0]);
    expect(asked).toEqual(['汉阳区', 'none', '']);
  });

  it('keeps at most `max` keys, then starts over', () => {
    const asked: string[] = [];
    const f = memoByString((k) => asked.push(k), 2);
    for (const k of ['a', 'b', 'a', 'c', 'a']) f(k);
    // 'c' found the memory full: it started over, so 'a' was worked out again after it.
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
