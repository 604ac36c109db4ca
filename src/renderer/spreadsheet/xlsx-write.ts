/**
 * Writing an exceljs workbook to .xlsx bytes with the platform's own deflate. exceljs zips with
 * a deflate written in JavaScript (pako, through JSZip), which takes about 40 % of a report's
 * export; CompressionStream('deflate-raw') is zlib itself (Chromium, Electron, Node) and does the
 * same at the same level in about half the time. So the workbook is written stored (exceljs's
 * own zip, no compression), and each part of it is deflated natively into a new zip (fflate's
 * Zip, parts in the same order, folders kept as stored entries). The parts are byte for byte
 * exceljs's; the file is as small. Where CompressionStream is missing, exceljs zips as before.
 */
import type ExcelJS from 'exceljs';
import { Zip, deflateSync, strFromU8, unzipSync, type ZipInputFile } from 'fflate';
import { readCentralDirectory } from '../workers/zip-guard';

/** Whether CompressionStream can deflate here (it cannot in older runtimes). */
const NATIVE_DEFLATE: boolean = (() => {
  try {
    if (typeof CompressionStream !== 'function') return false;
    new CompressionStream('deflate-raw'); // throws where the format is unknown
    return true;
  } catch {
    return false;
  }
})();

/** Raw deflate (no zlib header) of `data` by the platform's zlib. */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const written = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const [out] = await Promise.all([new Response(stream.readable).arrayBuffer(), written]);
  return new Uint8Array(out);
}

/** The data of each part of a stored (uncompressed) zip, with its CRC from the central directory. */
function storedParts(zip: Uint8Array): { name: string; crc: number; data: Uint8Array }[] {
  const dir = readCentralDirectory(zip, { maxEntries: 100_000, maxPartBytes: Number.MAX_SAFE_INTEGER, maxInflatedBytes: Number.MAX_SAFE_INTEGER });
  if (!dir.ok) throw new Error(`exceljs wrote no readable zip: ${dir.problem.kind}`);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return dir.entries.map((e) => {
    if (e.method !== 0 || e.compressedSize !== e.size) throw new Error(`part ${e.name} of exceljs's zip is not stored`);
    // The data follows the local header: 30 bytes, the name and the extra field.
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    return { name: e.name, crc: e.crc, data: zip.subarray(start, start + e.size) };
  });
}

/** Put the parts, deflated (folders stored), into one zip. */
function zipParts(parts: readonly { name: string; crc: number; size: number; deflated: Uint8Array<ArrayBuffer> | undefined }[]): Uint8Array {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  let ended = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  for (const p of parts) {
    const file: ZipInputFile = { filename: p.name, size: p.size, crc: p.crc, compression: p.deflated ? 8 : 0 };
    zip.add(file);
    file.ondata!(null, p.deflated ?? new Uint8Array(0), true);
  }
  zip.end();
  // fflate's Zip calls back synchronously when every part's data is given at once.
  if (failure) throw failure;
  if (!ended) throw new Error('the zip was not finished');
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0)) as Uint8Array<ArrayBuffer>;
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The CRC-32 of `data` (zip's). */
function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** exceljs's buffer (a Buffer, itself a Uint8Array, or an ArrayBuffer) as bytes, not copied. */
function asBytes(out: unknown): Uint8Array {
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/**
 * A sheet whose file does not fix its first page number keeps numbering on from the sheet
 * before (Excel's 自动), so that a workbook printed whole reads 第 5 页，共 24 页 on its fifth
 * page. exceljs reads an unset first page number as 1 and writes it back as set: every sheet
 * then restarted at 第 1 页 while 共 N 页 counted the whole workbook. A sheet that sets one keeps it.
 */
function keepPageNumbering(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const ps = ws.pageSetup as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
    if (!ps.useFirstPageNumber) delete ps.firstPageNumber;
  }
}

/** exceljs's normal font (styles.xml font 0), which it writes whatever the template's was. */
const EXCELJS_NORMAL_FONT = /^<font>(?=[^]*?<sz val="11"\/>)(?=[^]*?<name val="Calibri"\/>)(?:<(?:color theme="1"|family val="2"|scheme val="minor"|sz val="11"|name val="Calibri")\/>){5}<\/font>/;

/**
 * The normal font of the written workbook: Arial 10 in place of exceljs's Calibri 11. Column
 * widths are counted in the normal font's digits, and both have a 7-px digit in Excel and WPS, so
 * nothing moves there; but where Calibri is missing (LibreOffice on UOS/Kylin, and here) its
 * fallback was about 30 % wider: columns grew, fit-to-width shrank the page and the body printed
 * at about 6 pt, rows half empty. Arial is metric-compatible with Liberation Sans, which
 * LibreOffice ships, so the sheet prints there at the scale its page breaks and rows were measured for.
 */
export function withNormalFont(stylesXml: string): string {
  const at = stylesXml.indexOf('<font>', stylesXml.indexOf('<fonts'));
  if (at < 0) return stylesXml;
  const m = EXCELJS_NORMAL_FONT.exec(stylesXml.slice(at));
  return m ? `${stylesXml.slice(0, at)}<font><sz val="10"/><name val="Arial"/><family val="2"/></font>${stylesXml.slice(at + m[0].length)}` : stylesXml;
}

const STYLES_PART = 'xl/styles.xml';

/** The .xlsx bytes of a workbook (page numbering as its file had it, Arial 10 as its normal font), deflated natively where the platform can. */
export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  keepPageNumbering(workbook);
  const stored = asBytes(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  const parts = storedParts(stored).map((p) => {
    if (p.name !== STYLES_PART) return p;
    const data = new TextEncoder().encode(withNormalFont(new TextDecoder().decode(p.data)));
    return { name: p.name, crc: crc32(data), data };
  });
  if (!NATIVE_DEFLATE) return zipParts(parts.map((p) => ({ name: p.name, crc: p.crc, size: p.data.length, deflated: p.name.endsWith('/') && p.data.length === 0 ? undefined : (deflateSync(p.data) as Uint8Array<ArrayBuffer>) })));
  const deflated = await Promise.all(parts.map((p) => (p.name.endsWith('/') && p.data.length === 0 ? undefined : deflateRaw(p.data))));
  return zipParts(parts.map((p, i) => ({ name: p.name, crc: p.crc, size: p.data.length, deflated: deflated[i] })));
}

/**
 * The manual row breaks of each sheet of .xlsx bytes, by sheet name. exceljs does not read them,
 * so a writer that loads a written report to add to it (the 汇总 workbook's chart sheets) puts
 * them back; without them LibreOffice placed the breaks itself and lost the last pages.
 */
export function readRowBreaks(bytes: Uint8Array): Map<string, number[]> {
  const wanted = (f: { name: string }) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(f.name);
  const files = unzipSync(bytes, { filter: wanted });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, number[]>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const sheet = rid ? text(targets.get(rid) ?? '') : '';
    const breaks = /<rowBreaks\b[^>]*>([^]*?)<\/rowBreaks>/.exec(sheet)?.[1] ?? '';
    const ids = [...breaks.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((b) => Number(b[1]));
    if (name !== undefined && ids.length) out.set(name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"), ids);
  }
  return out;
}
