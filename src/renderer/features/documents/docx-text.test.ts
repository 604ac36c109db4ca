/** Opening policy files: the real .docx fixture reads; files that only claim to be .docx/.txt get a Chinese reason. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PolicyFileError, readPolicyFile } from './docx-text';

const fixture = (p: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../../../test/fixtures', p)));

describe('readPolicyFile', () => {
  it('reads the .docx fixture and the .txt fixture', async () => {
    const docx = await readPolicyFile('work-points-2026.docx', fixture('policy/work-points-2026.docx'));
    const txt = await readPolicyFile('work-points-2026.txt', fixture('policy/work-points-2026.txt'));
    expect(docx.length).toBeGreaterThan(200);
    expect(txt.slice(0, 10)).toBe(docx.trim().slice(0, 10));
  });

  // An old binary Office file (OLE compound document, as .doc is) renamed to .docx; LibreOffice's .xls is one.
  it.each([
    ['old binary Office file named .docx', '通知.docx', fixture('import/multi-sheet.xls'), /旧版 Word 文档/],
    ['a PDF named .docx', '通知.docx', fixture('import/not-a-spreadsheet.xlsx'), /不是 Word 2007/],
    ['a .docx named .txt', '通知.txt', fixture('policy/work-points-2026.docx'), /不是纯文本文件/],
    ['an empty file', '通知.docx', new Uint8Array(0), /空的/],
  ])('%s is refused in Chinese', async (_, name, data, message) => {
    const err = await readPolicyFile(name, data).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PolicyFileError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/[A-Za-z]{6,}/);
  });
});
