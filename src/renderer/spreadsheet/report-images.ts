/**
 * Pictures in a report: the dashboard charts placed in the 汇总 sheet of the combined
 * workbook, each under its title, below what the template already holds.
 */
import ExcelJS from 'exceljs';

/** A PNG picture with its title and its size in pixels. */
export interface ReportImage {
  name: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** Widest a picture is placed (pixels), so it fits an A4 landscape page. */
const MAX_WIDTH = 760;

/**
 * Add `images` to the sheet `sheetName` of the workbook `bytes`, one under another, each
 * with its title in bold above it. Returns the new bytes; throws when the sheet is missing.
 */
export async function addImagesToSheet(bytes: Uint8Array, sheetName: string, images: readonly ReportImage[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`工作簿中没有“${sheetName}”工作表，无法插入图表`);
  let row = ws.rowCount + 2; // one blank row after the table
  for (const img of images) {
    const title = ws.getCell(row, 1);
    title.value = img.name;
    title.font = { bold: true, size: 12 };
    const scale = img.width > MAX_WIDTH ? MAX_WIDTH / img.width : 1;
    const width = Math.round(img.width * scale);
    const height = Math.round(img.height * scale);
    const id = wb.addImage({ buffer: img.png.buffer.slice(img.png.byteOffset, img.png.byteOffset + img.png.byteLength) as ArrayBuffer, extension: 'png' });
    ws.addImage(id, { tl: { col: 0, row }, ext: { width, height }, editAs: 'oneCell' });
    // Rows are 20 px by default in Excel/WPS: skip past the picture plus a spacer.
    row += 1 + Math.ceil(height / 20) + 1;
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
