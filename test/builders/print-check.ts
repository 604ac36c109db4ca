/**
 * Second readers and the printed page for report tests: openpyxl (python3) reads a workbook
 * exceljs wrote, LibreOffice renders it to PDF (`soffice --headless --convert-to pdf`) and
 * pdftotext gives back the printed text. When soffice is missing locally the print tests are
 * skipped with a loud message; CI (.ci/run) installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const PYTHON = '/usr/bin/python3';

/** Whether LibreOffice, pdftotext and openpyxl are here; logs loudly when they are not. */
export function printToolsPresent(): boolean {
  const ok = SOFFICE !== undefined && existsSync('/usr/bin/pdftotext') && existsSync(PYTHON);
  if (!ok)
    console.warn(
      '\n!!!!!!!! LibreOffice (soffice), pdftotext or /usr/bin/python3 is missing: the print tests of the reports are SKIPPED.\n' +
        '!!!!!!!! Install libreoffice-calc-nogui poppler-utils python3-openpyxl fonts-noto-cjk (.ci/run does) to run them.\n',
    );
  return ok;
}

/** A rendered workbook: the PDF's path, its page count, its text (pages split by form feeds) and each page's size in points. */
export interface Printed {
  dir: string;
  pdf: string;
  pages: number;
  text: string;
  pageSizes: { width: number; height: number }[];
}

/** Render .xlsx bytes to PDF with LibreOffice and read the PDF back. */
export function renderPdf(bytes: Uint8Array, name = 'report'): Printed {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 180_000 });
  const pdf = join(dir, `${name}.pdf`);
  // -raw keeps the content stream's order, in which LibreOffice draws a cell's lines together.
  const text = execFileSync('/usr/bin/pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const info = execFileSync('/usr/bin/pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const pageSizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  return { dir, pdf, pages, text, pageSizes };
}

/** Text with all white space removed, for comparing printed text with stored text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Whether every character of `stored` appears in `printed`, in order (white space ignored). */
export function printedInOrder(printed: string, stored: string): boolean {
  const p = squash(printed);
  const s = squash(stored);
  let at = 0;
  for (const ch of s) {
    at = p.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** What openpyxl reads in a workbook: per sheet, cell values, merges, row heights, print setup. */
export interface OpenpyxlSheet {
  name: string;
  cells: Record<string, string | number | null>;
  merges: string[];
  rowHeights: Record<string, number | null>;
  paperSize: number | null;
  orientation: string | null;
  printTitleRows: string | null;
  images: number;
  maxRow: number;
  /** The rows after which a manual page break is written. */
  rowBreaks: number[];
  /** The workbook's normal font (styles.xml font 0): name and size. */
  normalFont: [string, number];
}

const READER = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    if ws.sheet_state != 'visible':
        continue  # hidden sheets (the binding) are never printed
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = c.value if isinstance(c.value, (int, float)) else str(c.value)
    out.append({
        'name': ws.title, 'cells': cells, 'merges': [str(m) for m in ws.merged_cells.ranges],
        'rowHeights': {str(k): v.height for k, v in ws.row_dimensions.items()},
        'paperSize': ws.page_setup.paperSize and int(ws.page_setup.paperSize),
        'orientation': ws.page_setup.orientation, 'printTitleRows': ws.print_title_rows,
        'images': len(ws._images), 'maxRow': ws.max_row,
        'rowBreaks': [b.id for b in ws.row_breaks.brk],
        'normalFont': [wb._fonts[0].name, wb._fonts[0].sz],
    })
print(json.dumps(out, ensure_ascii=False))
`;

/** Read .xlsx bytes with openpyxl: the visible sheets (what an office prints). */
export function readWithOpenpyxl(bytes: Uint8Array): OpenpyxlSheet[] {
  const dir = mkdtempSync(join(tmpdir(), 'openpyxl-'));
  const file = join(dir, 'book.xlsx');
  writeFileSync(file, bytes);
  const script = join(dir, 'read.py');
  writeFileSync(script, READER);
  return JSON.parse(execFileSync(PYTHON, [script, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as OpenpyxlSheet[];
}

/** The words of one printed page with their boxes in points (pdftotext -bbox), in drawing order. */
export function pageWords(printed: Printed, page: number): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', '-f', String(page), '-l', String(page), printed.pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** The PNG of one rendered page (pdftoppm), for looking at. */
export function pagePng(printed: Printed, page: number, out: string): string {
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', printed.pdf, out]);
  return `${out}.png`;
}

export { readFileSync };
