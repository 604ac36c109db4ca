import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { IMPORT_FILE_LIMITS as IMPORT_LIMITS } from '@core/limits';
import { checkZip } from './zip-guard';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/import', name)));

describe('checkZip keeping the parts', () => {
  // Written by LibreOffice and by openpyxl: the stored copy holds every part, byte for byte.
  it.each(['city-list-libreoffice.xlsx', 'formulas-openpyxl.xlsx', 'multi-sheet.xlsx'])('gives a stored zip with the same parts as %s', (name) => {
    const data = fixture(name);
    const check = checkZip(data, IMPORT_LIMITS, undefined, true);
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

  it('keeps names outside ASCII and empty parts, and leaves out directories', () => {
    const data = zipSync({ 'a/': new Uint8Array(0), 'a/说明.txt': new TextEncoder().encode('任务清单'), 'empty.xml': new Uint8Array(0) });
    const check = checkZip(data, IMPORT_LIMITS, undefined, true);
    expect(check.ok && Object.keys(unzipSync(check.stored!)).sort()).toEqual(['a/说明.txt', 'empty.xml']);
    expect(check.ok && new TextDecoder().decode(unzipSync(check.stored!)['a/说明.txt'])).toBe('任务清单');
  });

  it('keeps nothing unless asked, and refuses a part whose real size is not the declared one', () => {
    const data = zipSync({ 'x.xml': new TextEncoder().encode('<x>任务</x>') });
    const plain = checkZip(data, IMPORT_LIMITS);
    expect(plain.ok && plain.stored).toBeUndefined();
    // The central directory says 4 bytes more than the part inflates to.
    const lying = data.slice();
    const view = new DataView(lying.buffer);
    const dir = view.getUint32(lying.length - 6, true);
    view.setUint32(dir + 24, view.getUint32(dir + 24, true) + 4, true);
    const check = checkZip(lying, IMPORT_LIMITS, undefined, true);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem.kind).toBe('damaged');
  });
});
