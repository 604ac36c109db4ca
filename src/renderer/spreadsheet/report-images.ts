/**
 * Pictures in a report: the dashboard charts of the combined workbook, each on a sheet of its
 * own after the 汇总 sheet (图表1 任务状态分布 …), titled, set up to print whole on one A4
 * landscape page, with no repeated table header.
 */
import ExcelJS from 'exceljs';
import { chartSheetName, FONTS } from './format-texts';
import { CHART_TEXT } from './texts';
import { readRowBreaks, writeWorkbook } from './xlsx-write';

/** A PNG picture with its title and its size in pixels. */
export interface ReportImage {
  name: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** The largest picture placed (pixels): an A4 landscape page's printable area at 96 dpi, less the title. */
const MAX_WIDTH = 980;
const MAX_HEIGHT = 600;
/** Pixels of a column 12 units wide and of a row 15 pt high. */
const COL_PX = 89;
const ROW_PX = 20;

/** A sheet name Excel accepts (31 characters, none of []:*?/\). */
function sheetName(i: number, title: string): string {
  return chartSheetName(i, title).replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

/**
 * Add each picture of `images` on a sheet of its own after the sheet `afterSheet`, with its
 * title above it. Returns the new bytes; throws (in Chinese) when that sheet is missing.
 */
export async function addChartSheets(bytes: Uint8Array, afterSheet: string, images: readonly ReportImage[], caption = ''): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  // The page breaks the report was written with (exceljs reads none).
  for (const [name, rows] of readRowBreaks(bytes)) {
    const ws = wb.getWorksheet(name);
    if (ws) for (const r of rows) ws.getRow(r).addPageBreak();
  }
  const anchor = wb.getWorksheet(afterSheet);
  if (!anchor) throw new Error(CHART_TEXT.noAnchor(afterSheet));
  images.forEach((img, i) => {
    const ws = wb.addWorksheet(sheetName(i, img.name), {
      views: [{ showGridLines: false }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 1,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      // Numbered as the tables are (the workbook printed whole counts these pages in 共 N 页), with the chart's name.
      headerFooter: { oddFooter: `&C${CHART_TEXT.footer(img.name)}` },
    });
    const title = ws.getCell(1, 1);
    // The district and period on the page itself: a chart printed alone still says whose and when.
    title.value = caption ? CHART_TEXT.title(caption, img.name) : img.name;
    title.font = { name: FONTS.title, bold: true, size: 14 };
    ws.getRow(1).height = 28;
    const scale = Math.min(1, MAX_WIDTH / img.width, MAX_HEIGHT / img.height);
    const width = Math.round(img.width * scale);
    const height = Math.round(img.height * scale);
    const id = wb.addImage({ buffer: img.png.buffer.slice(img.png.byteOffset, img.png.byteOffset + img.png.byteLength) as ArrayBuffer, extension: 'png' });
    // A two-cell anchor over columns of 12 units (89 px) and rows of 15 pt (20 px): the
    // picture keeps its size in Excel, WPS, LibreOffice and openpyxl alike.
    const cols = width / COL_PX;
    const rows = height / ROW_PX;
    for (let c = 1; c <= Math.ceil(cols) + 1; c++) ws.getColumn(c).width = 12;
    for (let r = 2; r <= Math.ceil(rows) + 3; r++) ws.getRow(r).height = 15;
    ws.addImage(id, { tl: { col: 0, row: 1.2 }, br: { col: cols, row: 1.2 + rows }, editAs: 'oneCell' } as unknown as ExcelJS.ImageRange);
    // The print area takes in the whole picture.
    const lastRow = 3 + Math.ceil(rows);
    const lastCol = Math.max(1, Math.ceil(cols));
    ws.pageSetup.printArea = `A1:${ws.getColumn(lastCol).letter}${lastRow}`;
  });
  return writeWorkbook(wb);
}
