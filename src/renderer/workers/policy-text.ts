/**
 * The text of a policy file (.docx through mammoth, .txt in any of the encodings offices use),
 * bounded before it is parsed: bytes, every zip part's inflated size and CRC, the body's
 * paragraphs, the text's characters. Runs in policy-worker.ts, off the page. Problems are data;
 * the documents feature words them in Chinese.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the test project (src/**/*.test.ts) does not include mammoth.d.ts
/// <reference path="../features/documents/mammoth.d.ts" />
import { POLICY_FILE_LIMITS } from '@core/limits';
import { textEncoding, decodeText } from './decode-text';
import { numberedParagraphs, withListNumbers } from '@core/policy/word-numbering';
import { allOf, checkZip, ElementCounter, XmlTagCounter, type PartScanner, type ZipProblem } from './zip-guard';

/** Why a policy file was not read. */
export type PolicyProblem =
  | { kind: 'empty' }
  | { kind: 'oldWord' }
  | { kind: 'notDocx' }
  | { kind: 'notText' }
  | { kind: 'tooBig'; bytes: number }
  | { kind: 'tooManyParagraphs'; paragraphs: number }
  | { kind: 'tooManyElements'; elements: number }
  | { kind: 'tooManyChars'; chars: number }
  | { kind: 'zip'; problem: ZipProblem };

/** The text, or the problem with the library's words (for the log only). */
export type PolicyTextResult = { ok: true; text: string } | { ok: false; problem: PolicyProblem; cause?: string };

const starts = (d: Uint8Array, bytes: number[]) => bytes.every((b, i) => d[i] === b);
/** Old binary Office files (.doc, .xls, .wps) are OLE compound documents. */
const isOle = (d: Uint8Array) => starts(d, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isZip = (d: Uint8Array) => starts(d, [0x50, 0x4b, 0x03, 0x04]);

/** Keeps the bytes of one part as it streams by (the part's size is bounded by checkZip). */
export class PartCollector implements PartScanner {
  private chunks: Uint8Array[] = [];
  private decoder = new TextDecoder('utf-8');
  text = '';
  push(chunk: Uint8Array): void {
    this.chunks.push(chunk.slice());
  }
  end(): void {
    this.text = this.chunks.map((c) => this.decoder.decode(c, { stream: true })).join('') + this.decoder.decode();
    this.chunks = [];
  }
}

const fail = (problem: PolicyProblem, cause?: unknown): PolicyTextResult => ({ ok: false, problem, ...(cause === undefined ? {} : { cause: String((cause as Error)?.message ?? cause) }) });

function bounded(text: string): PolicyTextResult {
  if (text.length > POLICY_FILE_LIMITS.maxChars) return fail({ kind: 'tooManyChars', chars: text.length });
  return { ok: true, text };
}

/** Read the text of a policy file within the bounds of POLICY_FILE_LIMITS. */
export async function extractPolicyText(name: string, data: Uint8Array): Promise<PolicyTextResult> {
  if (data.byteLength === 0) return fail({ kind: 'empty' });
  if (data.byteLength > POLICY_FILE_LIMITS.maxBytes) return fail({ kind: 'tooBig', bytes: data.byteLength });
  if (isOle(data)) return fail({ kind: 'oldWord' });
  if (/\.docx$/iu.test(name)) {
    if (!isZip(data)) return fail({ kind: 'notDocx' });
    const paragraphs = new XmlTagCounter([/<(?:\w+:)?p[\s>/]/g]);
    const elements: ElementCounter[] = [];
    // The parts Word's automatic numbering is read from (core/policy/word-numbering.ts), kept as they stream by.
    const kept = new Map<string, PartCollector>();
    const keep = (part: string) => {
      if (!['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].includes(part)) return undefined;
      const c = new PartCollector();
      kept.set(part, c);
      return c;
    };
    const checked = await checkZip(data, POLICY_FILE_LIMITS, (part) => {
      if (!/\.(xml|rels)$/i.test(part)) return undefined;
      const counter = new ElementCounter();
      elements.push(counter);
      return allOf(counter, part === 'word/document.xml' ? paragraphs : undefined, keep(part));
    });
    if (!checked.ok) return fail(checked.problem.kind === 'notZip' ? { kind: 'notDocx' } : { kind: 'zip', problem: checked.problem }, JSON.stringify(checked.problem));
    if (!checked.entries.some((e) => e.name === 'word/document.xml')) return fail({ kind: 'notDocx' }, 'no word/document.xml');
    const total = elements.reduce((n, c) => n + c.count, 0);
    if (total > POLICY_FILE_LIMITS.maxElements) return fail({ kind: 'tooManyElements', elements: total });
    if (paragraphs.counts[0]! > POLICY_FILE_LIMITS.maxParagraphs) return fail({ kind: 'tooManyParagraphs', paragraphs: paragraphs.counts[0]! });
    const mammoth = (await import('mammoth/mammoth.browser.js')).default as {
      extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
    };
    const buf = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    try {
      const raw = (await mammoth.extractRawText({ arrayBuffer: buf })).value;
      const numbering = kept.get('word/numbering.xml')?.text;
      // mammoth's raw text drops the numbers of Word's automatic numbering: written back here.
      const text = numbering ? withListNumbers(raw, numberedParagraphs(kept.get('word/document.xml')?.text ?? '', numbering, kept.get('word/styles.xml')?.text)) : raw;
      return bounded(text);
    } catch (e) {
      return fail({ kind: 'notDocx' }, e);
    }
  }
  if (isZip(data) || !textEncoding(data)) return fail({ kind: 'notText' });
  return bounded(decodeText(data).replace(/^\uFEFF/u, ''));
}
