/** Plain text of an opened .txt or .docx file (mammoth for .docx, UTF-8 or GB18030 for .txt). */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the test project (src/**/*.test.ts) does not include mammoth.d.ts
/// <reference path="./mammoth.d.ts" />
import { DOC_TEXT as T } from './texts';

/** A file that cannot be read as a policy text; `message` is Chinese and says what to do. */
export class PolicyFileError extends Error {
  override name = 'PolicyFileError';
}

const starts = (d: Uint8Array, bytes: number[]) => bytes.every((b, i) => d[i] === b);
/** Old binary Office files (.doc, .xls, .wps) are OLE compound documents. */
const isOle = (d: Uint8Array) => starts(d, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isZip = (d: Uint8Array) => starts(d, [0x50, 0x4b, 0x03, 0x04]);

/** Read the text of a policy file; throws PolicyFileError with a Chinese message when it cannot. */
export async function readPolicyFile(name: string, data: Uint8Array): Promise<string> {
  if (data.byteLength === 0) throw new PolicyFileError(T.fileEmpty);
  if (isOle(data)) throw new PolicyFileError(T.oldWordFile);
  if (/\.docx$/iu.test(name)) {
    if (!isZip(data)) throw new PolicyFileError(T.notDocx);
    const mammoth = (await import('mammoth/mammoth.browser.js')).default as {
      extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
    };
    const buf = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    try {
      return (await mammoth.extractRawText({ arrayBuffer: buf })).value;
    } catch {
      throw new PolicyFileError(T.notDocx);
    }
  }
  if (isZip(data) || data.subarray(0, 4096).includes(0)) throw new PolicyFileError(T.notText);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}
