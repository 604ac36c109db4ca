/** Plain text of an opened .txt or .docx file (mammoth for .docx, UTF-8 or GB18030 for .txt). */
export async function readPolicyFile(name: string, data: Uint8Array): Promise<string> {
  if (/\.docx$/iu.test(name)) {
    const mammoth = (await import('mammoth/mammoth.browser.js')).default as {
      extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
    };
    const buf = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    return (await mammoth.extractRawText({ arrayBuffer: buf })).value;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}
