/**
 * Chinese user-facing text lives in texts.ts files: the local rule texts/no-cjk-literal in
 * eslint.config.js flags a string, template or JSX text with a CJK character anywhere else in
 * src/renderer (tests excepted, storage/ and spreadsheet/ included); regular expressions pass.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

async function flags(path: string, code: string): Promise<number> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'texts/no-cjk-literal').length;
}

describe('CJK literals outside texts.ts are flagged', () => {
  it.each([
    ['a string', 'src/renderer/features/ledger/probe.ts', "export const a = '保存';", 1],
    ['a template (each Chinese piece)', 'src/renderer/features/ledger/probe.ts', 'export const a = (n: number) => `共${n}项`;', 2],
    ['JSX text', 'src/renderer/features/ledger/Probe.tsx', 'export const P = () => <span>保存</span>;', 1],
    ['a JSX attribute', 'src/renderer/App.tsx', 'export const P = () => <span title="保存" />;', 1],
    ['in a worker', 'src/renderer/workers/probe.ts', "export const a = '读取完成';", 1],
    ['in platform', 'src/renderer/platform/probe.ts', "export const a = '备份文件';", 1],
    ['in storage', 'src/renderer/storage/probe.ts', "export const a = '导入没有完成';", 1],
    ['in storage/backup', 'src/renderer/storage/backup/probe.ts', "export const a = '备份文件';", 1],
    ['in spreadsheet', 'src/renderer/spreadsheet/probe.ts', "export const a = '任务清单';", 1],
    ['a regular expression', 'src/renderer/features/ledger/probe.ts', 'export const r = /^第(\\d+)行$/;', 0],
    ['punctuation only', 'src/renderer/features/ledger/probe.ts', "export const s = '、';", 0],
    ['in a texts.ts', 'src/renderer/features/ledger/texts.ts', "export const T = { a: '保存' };", 0],
    ['in a *-texts.ts (format vocabulary)', 'src/renderer/spreadsheet/format-texts.ts', "export const F = { body: '宋体' };", 0],
    ['in a test', 'src/renderer/features/ledger/probe.test.ts', "export const a = '保存';", 0],
    ['in core (not the renderer)', 'src/core/probe.ts', "export const a = '保存';", 0],
  ])('%s', async (_what, path, code, n) => {
    expect(await flags(path, code)).toBe(n);
  });
});
