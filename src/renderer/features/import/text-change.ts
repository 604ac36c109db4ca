/**
 * What changed in a long text, for the import preview: the part before and after that both
 * share (cut to a little context) and the differing middle of each. A 4-character edit in a
 * 300-character paragraph shows as that edit in its context, not as the paragraph struck
 * through and written again.
 */
export interface TextChange {
  /** Shared text just before the change ('…' in front when cut). */
  before: string;
  removed: string;
  added: string;
  /** Shared text just after the change ('…' behind when cut). */
  after: string;
}

/** Texts up to this long are shown whole. */
const WHOLE = 40;
/** Characters of shared context on each side. */
const CONTEXT = 14;

/** The change from `a` to `b`, or undefined when both are short enough to show whole. */
export function textChange(a: string, b: string, context = CONTEXT): TextChange | undefined {
  if (a.length <= WHOLE && b.length <= WHOLE) return undefined;
  const chars = (s: string) => [...s];
  const x = chars(a);
  const y = chars(b);
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const head = x.slice(0, p);
  const tail = x.slice(x.length - s);
  return {
    before: (head.length > context ? '…' : '') + head.slice(Math.max(0, head.length - context)).join(''),
    removed: x.slice(p, x.length - s).join(''),
    added: y.slice(p, y.length - s).join(''),
    after: tail.slice(0, context).join('') + (tail.length > context ? '…' : ''),
  };
}
