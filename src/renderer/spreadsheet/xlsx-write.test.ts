/**
 * The natively deflated .xlsx holds exactly the parts exceljs zips itself, in the same order:
 * checked by Python's zipfile (every part's CRC, and the bytes), by the app's own zip guard and
 * by JSZip (exceljs's reader), on a built-in report template filled with 3,000 rows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { IMPORT_FILE_LIMITS } from '@core/limits';
import { checkZip } from '../workers/zip-guard';
import { builtinTemplateBytes } from './template-files';
import { withNormalFont, writeWorkbook } from './xlsx-write';

async function workbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(builtinTemplateBytes('all').slice().buffer as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  for (let r = 0; r < 3000; r++) ws.addRow([r + 1, `2023YD-${r}`, '文件', `第${r}项重点任务：推进科技创新平台建设，“揭榜挂帅”项目进展顺利。`, '市科技局', '各区人民政府', '2025-12-31', '完成年度目标的80%。\n继续推进。', r % 100]);
  return wb;
}

/** name → bytes of every part, in zip order, as Python's zipfile reads them (CRC checked). */
function pythonParts(bytes: Uint8Array): [string, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-write-'));
  writeFileSync(join(dir, 'book.xlsx'), bytes);
  const script = `import zipfile, sys, json, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, join(dir, 'book.xlsx')], { encoding: 'utf8' })) as [string, string][];
}

describe('writeWorkbook', () => {
  it("writes exceljs's parts byte for byte, natively deflated, a zip every reader opens", async () => {
    const wb = await workbook();
    const ours = await writeWorkbook(wb);
    const theirs = new Uint8Array(await wb.xlsx.writeBuffer());
    // Deflated, not stored: about as small as exceljs's own zip.
    expect(ours.length).toBeLessThan(theirs.length * 1.05);

    const a = await JSZip.loadAsync(ours);
    const b = await JSZip.loadAsync(theirs);
    expect(Object.keys(a.files)).toEqual(Object.keys(b.files));
    // Every part as exceljs wrote it, but styles.xml with Arial 10 as the normal font (withNormalFont).
    for (const name of Object.keys(b.files)) {
      const theirsPart = await b.file(name)?.async('uint8array');
      const expected = name === 'xl/styles.xml' ? new TextEncoder().encode(withNormalFont(new TextDecoder().decode(theirsPart))) : theirsPart;
      expect(await a.file(name)?.async('uint8array'), name).toEqual(expected);
    }
    expect(await a.file('xl/styles.xml')!.async('string')).toContain('<name val="Arial"/>');

    const guarded = await checkZip(ours, IMPORT_FILE_LIMITS);
    expect(guarded.ok).toBe(true);
    // Python's zipfile checks every part's CRC; the parts other than styles.xml are exceljs's.
    if (existsSync('/usr/bin/python3')) expect(pythonParts(ours).filter(([n]) => n !== 'xl/styles.xml')).toEqual(pythonParts(theirs).filter(([n]) => n !== 'xl/styles.xml'));

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(ours.slice().buffer as ArrayBuffer);
    expect(back.worksheets[0]!.getCell(`D${wb.worksheets[0]!.rowCount}`).value).toBe('第2999项重点任务：推进科技创新平台建设，“揭榜挂帅”项目进展顺利。');
  }, 60_000);
});

describe('the normal font of a written workbook', () => {
  const CALIBRI = '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';
  const SONG = '<font><sz val="11"/><name val="宋体"/></font>';
  it.each([
    ["exceljs's Calibri 11 becomes Arial 10", `<styleSheet><fonts count="2">${CALIBRI}${SONG}</fonts></styleSheet>`, `<styleSheet><fonts count="2"><font><sz val="10"/><name val="Arial"/><family val="2"/></font>${SONG}</fonts></styleSheet>`],
    ['another normal font is kept', `<styleSheet><fonts count="2">${SONG}${CALIBRI}</fonts></styleSheet>`, `<styleSheet><fonts count="2">${SONG}${CALIBRI}</fonts></styleSheet>`],
    ['a bold Calibri is not the normal font', '<styleSheet><fonts count="1"><font><b/><sz val="11"/><name val="Calibri"/></font></fonts></styleSheet>', '<styleSheet><fonts count="1"><font><b/><sz val="11"/><name val="Calibri"/></font></fonts></styleSheet>'],
    ['no fonts', '<styleSheet/>', '<styleSheet/>'],
  ])('%s', (_name, xml, out) => {
    expect(withNormalFont(xml)).toBe(out);
  });
});
