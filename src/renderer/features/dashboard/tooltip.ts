/**
 * echarts draws tooltips as HTML. Titles, names and reasons come from imported files, so a
 * tooltip formatter of ours only ever returns escaped text: build it with textTooltip (a lint
 * rule forbids inline tooltip formatter functions). echarts escapes its default tooltips and
 * string templates itself.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place in HTML. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Plain-text lines wrapped every `width` characters (tooltips stay narrow on a 1366-pixel screen). */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  const chars = [...line];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out.length ? out : [''];
}

/**
 * A tooltip formatter from a function giving plain-text lines: each line is wrapped and
 * escaped, lines are joined with <br/>, and nothing else is HTML.
 */
export function textTooltip<P>(lines: (params: P) => readonly string[], width = 40): (params: P) => string {
  return (params: P) =>
    lines(params)
      .flatMap((l) => wrap(l, width))
      .map(escapeHtml)
      .join('<br/>');
}
