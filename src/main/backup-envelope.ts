/**
 * Main's check that bytes are a well-formed backup envelope before it keeps them: the header
 * (format, versions, time, counts, a SHA-256) followed by the database part, whose checksum
 * must match — computed piece by piece as the bytes arrive, so a file is never held whole.
 * The layout is the one storage/backup.ts writes: `{…header…,"database":<database>}`, with
 * sha256 over `[formatVersion,schemaVersion,createdAt,counts,<database>]`.
 */
import { createHash, type Hash } from 'node:crypto';
import { BACKUP_ENVELOPE_FORMAT } from '../shared/bridge';

const DATABASE_KEY = Buffer.from(',"database":');
const DATABASE_START = Buffer.from('{"formatName":"dexie"');
/** The header is small; anything longer before the database part is not a backup. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** The newest envelope format version this program writes. */
const FORMAT_VERSION = 1;

/** What a backup header says (the part main reads for the list). */
export interface EnvelopeHeader {
  format: string;
  formatVersion: number;
  schemaVersion: number;
  createdAt: string;
  reason?: string;
  district?: string;
  counts: Record<string, number>;
  sha256: string;
}

/** The header at the start of a file's bytes; undefined when they do not start with one. */
export function parseEnvelopeHeader(start: Uint8Array): { header: EnvelopeHeader; length: number } | undefined {
  const buf = Buffer.from(start.buffer, start.byteOffset, Math.min(start.byteLength, MAX_HEADER_BYTES + DATABASE_KEY.length));
  const cut = buf.indexOf(DATABASE_KEY);
  if (cut < 0) return undefined;
  let h: unknown;
  try {
    h = JSON.parse(`${buf.subarray(0, cut).toString('utf8').replace(/^\uFEFF/, '')}}`);
  } catch {
    return undefined;
  }
  if (!h || typeof h !== 'object') return undefined;
  const o = h as Record<string, unknown>;
  const countsOk =
    !!o.counts && typeof o.counts === 'object' && !Array.isArray(o.counts) && Object.values(o.counts).every((n) => Number.isInteger(n) && (n as number) >= 0);
  if (
    o.format !== BACKUP_ENVELOPE_FORMAT ||
    typeof o.formatVersion !== 'number' ||
    o.formatVersion > FORMAT_VERSION ||
    typeof o.schemaVersion !== 'number' ||
    typeof o.createdAt !== 'string' ||
    !countsOk ||
    typeof o.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(o.sha256)
  )
    return undefined;
  return { header: o as unknown as EnvelopeHeader, length: cut + DATABASE_KEY.length };
}

/** Checks a backup fed piece by piece; `result()` says whether it was a well-formed envelope. */
export class EnvelopeVerifier {
  private head: Buffer = Buffer.alloc(0);
  private header?: EnvelopeHeader;
  private hash?: Hash;
  private held: Buffer = Buffer.alloc(0);
  private started: Buffer = Buffer.alloc(0);
  private bad = false;

  update(bytes: Uint8Array): void {
    if (this.bad) return;
    let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!this.header) {
      this.head = Buffer.concat([this.head, data]);
      const parsed = parseEnvelopeHeader(this.head);
      if (!parsed) {
        if (this.head.length > MAX_HEADER_BYTES + DATABASE_KEY.length) this.bad = true;
        return;
      }
      this.header = parsed.header;
      this.hash = createHash('sha256').update(`[${JSON.stringify([parsed.header.formatVersion, parsed.header.schemaVersion, parsed.header.createdAt, parsed.header.counts]).slice(1, -1)},`);
      data = this.head.subarray(parsed.length);
      this.head = Buffer.alloc(0);
    }
    if (this.started.length < DATABASE_START.length) this.started = Buffer.concat([this.started, data.subarray(0, DATABASE_START.length)]);
    // The envelope's closing brace (and white space after it) is held back from the hash.
    const all = this.held.length ? Buffer.concat([this.held, data]) : data;
    let keep = 0;
    while (keep < all.length && [0x20, 0x0a, 0x0d, 0x09].includes(all[all.length - 1 - keep]!)) keep++;
    if (keep < all.length && all[all.length - 1 - keep] === 0x7d) keep++;
    this.hash!.update(all.subarray(0, all.length - keep));
    this.held = Buffer.from(all.subarray(all.length - keep));
  }

  /** The header when everything fed is one well-formed backup envelope; undefined otherwise. */
  result(): EnvelopeHeader | undefined {
    if (this.bad || !this.header || !this.hash) return undefined;
    if (this.held.toString('utf8').trim() !== '}') return undefined;
    if (!this.started.subarray(0, DATABASE_START.length).equals(DATABASE_START)) return undefined;
    const digest = this.hash.update(']').digest('hex');
    return digest === this.header.sha256 ? this.header : undefined;
  }
}

/** Whether bytes held whole are a well-formed backup envelope. */
export function isBackupEnvelope(bytes: Uint8Array): boolean {
  const v = new EnvelopeVerifier();
  v.update(bytes);
  return v.result() !== undefined;
}
