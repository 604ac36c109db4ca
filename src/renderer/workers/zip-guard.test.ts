import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { IMPORT_FILE_LIMITS as IMPORT_LIMITS } from '@core/limits';
import { checkZip, ElementCounter, StartTagCounter, XmlTagCounter } from './zip-guard';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/import', name)));

describe('checkZip keeping the parts', () => {
  // Written by LibreOffice and by openpyxl: the stored copy holds every part, byte for byte.
  it.each(['city-list-libreoffice.xlsx', 'formulas-openpyxl.xlsx', 'multi-sheet.xlsx'])('gives a stored zip with the same parts as %s', async (name) => {
    const data = fixture(name);
    const check = await checkZip(data, IMPORT_LIMITS, undefined, true);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const original = unzipSync(data);
    const stored = unzipSync(check.stored!);
    const files = Object.keys(original).filter((n) => !n.endsWith('/'));
    expect(Object.keys(stored).sort()).toEqual(files.sort());
    for (const n of files) expect(stored[n]).toEqual(original[n]);
    // SheetJS reads the same cells from both.
    const a = XLSX.read(data, { type: 'array' });
    const b = XLSX.read(check.stored!, { type: 'array' });
    expect(b.SheetNames).toEqual(a.SheetNames);
    for (const s of a.SheetNames) expect(XLSX.utils.sheet_to_json(b.Sheets[s]!, { header: 1 })).toEqual(XLSX.utils.sheet_to_json(a.Sheets[s]!, { header: 1 }));
  });

  it('keeps names outside ASCII and empty parts, and leaves out directories', async () => {
    const data = zipSync({ 'a/': new Uint8Array(0), 'a/说明.txt': new TextEncoder().encode('任务清单'), 'empty.xml': new Uint8Array(0) });
    const check = await checkZip(data, IMPORT_LIMITS, undefined, true);
    expect(check.ok && Object.keys(unzipSync(check.stored!)).sort()).toEqual(['a/说明.txt', 'empty.xml']);
    expect(check.ok && new TextDecoder().decode(unzipSync(check.stored!)['a/说明.txt'])).toBe('任务清单');
  });

  it('keeps nothing unless asked, and refuses a part whose real size is not the declared one', async () => {
    const data = zipSync({ 'x.xml': new TextEncoder().encode('<x>任务</x>') });
    const plain = await checkZip(data, IMPORT_LIMITS);
    expect(plain.ok && plain.stored).toBeUndefined();
    // The central directory says 4 bytes more than the part inflates to.
    const lying = data.slice();
    const view = new DataView(lying.buffer);
    const dir = view.getUint32(lying.length - 6, true);
    view.setUint32(dir + 24, view.getUint32(dir + 24, true) + 4, true);
    const check = await checkZip(lying, IMPORT_LIMITS, undefined, true);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem.kind).toBe('damaged');
  });
});

describe('StartTagCounter', () => {
  const NAMES = ['row', 'c', 'si', 'mergeCell'];
  /** The regular expressions it stands for, counted on the decoded text (XmlTagCounter). */
  const byRegex = (chunks: Uint8Array[]) => {
    const counter = new XmlTagCounter(NAMES.map((n) => new RegExp(`<(?:\\w+:)?${n}[\\s>/]`, 'g')));
    for (const c of chunks) counter.push(c);
    counter.end();
    return counter.counts;
  };
  const byBytes = (chunks: Uint8Array[]) => {
    const counter = new StartTagCounter(NAMES);
    for (const c of chunks) counter.push(c);
    counter.end();
    return counter.counts;
  };
  const XML =
    '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>' +
    '<x:row r="2"><x:c r="A2">\t</x:c></x:row><a:b:row/><:row/><rows/><cc/><ci/><<row\n><row\t/></row>' +
    '<si><t>任务清单 <c> 文字</t></si><mergeCell ref="A1:B2"/><mergeCells count="1"/><c\r\n r="C3"/><row-x/><row_x/>' +
    `<${'p'.repeat(70)}:row/></sheetData></worksheet>`;

  it('counts what the regular expressions count, however the part is cut into chunks', () => {
    const bytes = new TextEncoder().encode(XML);
    const whole = byRegex([bytes]);
    // row: r=1, x:row, <<row, row + tab, the long prefix's row; c: A1, B1, x:c, the <c> in a text, C3.
    expect(whole).toEqual([5, 5, 1, 1]);
    for (let cut = 0; cut <= bytes.length; cut++) expect(byBytes([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    expect(byBytes([...bytes].map((b) => Uint8Array.of(b)))).toEqual(whole);
    const elements = new ElementCounter();
    elements.push(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const all = new StartTagCounter(NAMES);
      all.push(bytes.subarray(0, cut));
      all.push(bytes.subarray(cut));
      expect(all.elements).toBe(elements.count);
    }
  });

  it.each(['city-list-libreoffice.xlsx', 'formulas-openpyxl.xlsx', 'multi-sheet.xlsx'])('counts the rows, cells, strings and merges of %s as the regular expressions do', (name) => {
    const parts = unzipSync(fixture(name));
    for (const [part, data] of Object.entries(parts)) {
      if (!part.endsWith('.xml')) continue;
      const chunks = Array.from({ length: Math.ceil(data.length / 1000) }, (_, k) => data.subarray(k * 1000, (k + 1) * 1000));
      expect(byBytes(chunks), part).toEqual(byRegex(chunks));
      // Its count of every start tag is ElementCounter's.
      const all = new StartTagCounter([]);
      const elements = new ElementCounter();
      for (const c of chunks) {
        all.push(c);
        elements.push(c);
      }
      expect(all.elements, part).toBe(elements.count);
      expect(all.elements).toBeGreaterThan(0);
    }
  });
});
