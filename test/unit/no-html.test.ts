/**
 * Nothing from a file becomes HTML: the lint rules in eslint.config.js refuse every HTML sink
 * (innerHTML, outerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML) and inline
 * echarts tooltip formatter functions, in every ring; and the whole source passes them.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const RULES = ['no-restricted-properties', 'no-restricted-syntax'];

async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}

const PATHS = ['src/renderer/features/dashboard/Probe.tsx', 'src/renderer/spreadsheet/probe.ts', 'src/renderer/workers/probe.ts', 'src/renderer/platform/probe.ts'];

describe('HTML sinks are refused by lint', () => {
  it.each([
    ['innerHTML', 'export function f(el: HTMLElement, t: string) { el.innerHTML = t; }'],
    ['outerHTML', 'export function f(el: HTMLElement, t: string) { el.outerHTML = t; }'],
    ['insertAdjacentHTML', "export function f(el: HTMLElement, t: string) { el.insertAdjacentHTML('beforeend', t); }"],
    ['document.write', 'export function f(t: string) { document.write(t); }'],
    ['createContextualFragment', 'export function f(t: string) { return document.createRange().createContextualFragment(t); }'],
    ['an inline tooltip formatter (arrow)', "export const o = { tooltip: { trigger: 'item', formatter: (p: { name: string }) => `<b>${p.name}</b>` } };"],
    ['an inline tooltip formatter (function)', "export const o = { tooltip: { formatter: function (p: { name: string }) { return p.name; } } };"],
  ])('%s', async (_, code) => {
    for (const path of PATHS) expect(await lintAs(path, code), path).toHaveLength(1);
  });

  it('dangerouslySetInnerHTML', async () => {
    const code = 'export function P({ t }: { t: string }) { return <div dangerouslySetInnerHTML={{ __html: t }} />; }';
    expect(await lintAs('src/renderer/features/ledger/Probe.tsx', code)).toHaveLength(1);
  });

  it('allows textTooltip, string templates (escaped by echarts) and canvas label formatters', async () => {
    const code = [
      "import { textTooltip } from './tooltip';",
      "export const a = { tooltip: { formatter: textTooltip((p: { name: string }) => [p.name]) } };",
      "export const b = { tooltip: { formatter: '{b}：{c}项' } };",
      "export const c = { label: { formatter: (p: { value: number }) => String(p.value) } };",
    ].join('\n');
    expect(await lintAs('src/renderer/features/dashboard/probe.ts', code)).toEqual([]);
  });

  it('the source passes', async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['src']);
    const hits = results.flatMap((r) => r.messages.filter((m) => RULES.includes(m.ruleId ?? '')).map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(hits).toEqual([]);
  }, 120_000);
});
