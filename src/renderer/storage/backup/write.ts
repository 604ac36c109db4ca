/**
 * Writing a backup: the whole store as the pieces of one backup file.
 *
 * The rows are read straight from IndexedDB in one read-only transaction (a consistent
 * snapshot, every row exactly as stored, malformed ones too: a backup never loses anything),
 * in primary-key pages; the next page is requested before the current one is encoded, so
 * IndexedDB reads while the page is turned into JSON. Memory holds the encoded file and a page
 * or two of rows, never the whole store as objects and again as a string. The bytes are
 * exactly those of JSON.stringify of the envelope.
 */
import Dexie from 'dexie';
import type { BackupReason } from '@shared/bridge';
import { SETTING_KEYS } from '@core/model';
import {
  APP_NAME,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DERIVED_TABLES,
  checksumPrefix,
  concatBytes,
  sha256Hex,
  type BackupChunks,
  type BackupHeader,
} from './format';
import { encodeRow, isPlainJson } from './row-codec';
import { BACKUP_TEXT, DAMAGED_TEXT } from './texts';

/** Rows read per request while exporting. */
const EXPORT_PAGE = 2000;
/** Short texts are gathered into pieces of this many characters; a page of rows is a piece of its own (at most 4 × this, 12 MB). */
const CHUNK_CHARS = 1 << 20;

function tableSchema(t: Dexie['tables'][number]): string {
  return [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',');
}

/** The pieces of a file as a BackupChunks (the whole file joined only when asked for). */
export function chunked(header: BackupHeader, chunks: Uint8Array[]): BackupChunks {
  let whole: Uint8Array | undefined;
  return {
    header,
    chunks,
    size: chunks.reduce((n, c) => n + c.length, 0),
    get bytes() {
      return (whole ??= concatBytes(chunks));
    },
  };
}

/**
 * Text collected into encoded pieces: short texts are gathered up to CHUNK_CHARS characters; a
 * long one (a page of rows) is encoded as it is, without first being joined to the others
 * (joining would copy it once more), in slices of at most CHUNK_CHARS × 4 characters.
 */
class PieceWriter {
  readonly pieces: Uint8Array[] = [];
  private pending = '';
  private readonly enc = new TextEncoder();

  push(text: string): void {
    if (text.length < CHUNK_CHARS / 4) {
      this.pending += text;
      if (this.pending.length >= CHUNK_CHARS) this.flush();
      return;
    }
    this.flush();
    const most = CHUNK_CHARS * 4;
    for (let at = 0; at < text.length; ) {
      let end = Math.min(text.length, at + most);
      // Never between the two halves of a surrogate pair (the piece would not be valid UTF-8).
      if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      this.pieces.push(this.enc.encode(at === 0 && end === text.length ? text : text.slice(at, end)));
      at = end;
    }
  }

  flush(): void {
    if (!this.pending) return;
    this.pieces.push(this.enc.encode(this.pending));
    this.pending = '';
  }
}

/** JSON of rows joined by commas: the page in one JSON.stringify when no row needs `$types`. */
function rowsJson(rows: unknown[]): string {
  let plain = true;
  for (let i = 0; i < rows.length && plain; i++) plain = isPlainJson(rows[i]);
  if (plain) return JSON.stringify(rows).slice(1, -1);
  return rows.map((r) => JSON.stringify(encodeRow(r))).join(',');
}

interface TableRead {
  name: string;
  /** Primary key path: string or compound; null for keys kept outside the row. */
  keyPath: string | string[] | null;
}

function keyOf(row: object, keyPath: string | string[]): IDBValidKey {
  return (Array.isArray(keyPath) ? keyPath.map((k) => Dexie.getByKeyPath(row, k) as IDBValidKey) : Dexie.getByKeyPath(row, keyPath)) as IDBValidKey;
}

/**
 * Read every row of `tables` in primary-key order within `tx`, in pages of EXPORT_PAGE rows,
 * once the requests in `first` (the counts) are answered. Each page is handed to `onPage`
 * after the request for the next page has been made; every request is made from the previous
 * one's success callback, so the transaction never idles and IndexedDB reads the next page
 * while this one is encoded. Resolves when the transaction completes.
 */
function readTables(
  tx: IDBTransaction,
  first: IDBRequest[],
  tables: TableRead[],
  onStart: () => void,
  onPage: (t: TableRead, rows: unknown[], first: boolean) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const guard = (f: () => void) => {
      if (failed) return;
      try {
        f();
      } catch (e) {
        failed = true;
        reject(e);
        try {
          tx.abort();
        } catch {
          // already finished
        }
      }
    };
    tx.onabort = () =>
      guard(() => {
        throw tx.error ?? new Error('backup read aborted');
      });
    tx.oncomplete = () => guard(resolve);
    const request = (ti: number, after: IDBValidKey | undefined) => {
      const t = tables[ti];
      if (!t) return;
      const store = tx.objectStore(t.name);
      const req = t.keyPath === null ? store.getAll() : store.getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), EXPORT_PAGE);
      req.onsuccess = () =>
        guard(() => {
          const rows = req.result as unknown[];
          // Ask for the next page (or the next table) first, then encode this one.
          if (t.keyPath !== null && rows.length === EXPORT_PAGE) request(ti, keyOf(rows[rows.length - 1] as object, t.keyPath));
          else request(ti + 1, undefined);
          onPage(t, rows, after === undefined);
        });
    };
    let waiting = first.length;
    const start = () =>
      guard(() => {
        onStart();
        request(0, undefined);
      });
    if (waiting === 0) start();
    for (const r of first) r.addEventListener('success', () => --waiting === 0 && start());
  });
}

/**
 * Export the whole store (any Dexie database) as backup pieces. The bytes are exactly those of
 * JSON.stringify of the envelope (the format is unchanged).
 */
export async function createBackup(db: Dexie, reason: BackupReason): Promise<BackupChunks> {
  if (!db.isOpen()) await db.open();
  const tables = db.tables.filter((t) => !DERIVED_TABLES.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const tx = db.backendDB().transaction(
    tables.map((t) => t.name),
    'readonly',
  );
  const out = new PieceWriter();
  const counts: Record<string, number> = {};
  const countReqs = tables.map((t) => tx.objectStore(t.name).count());
  const districtReq = tables.some((t) => t.name === 'settings')
    ? (tx.objectStore('settings').get(SETTING_KEYS.district) as IDBRequest<{ value?: unknown } | undefined>)
    : undefined;
  const reads: TableRead[] = tables.map((t) => ({ name: t.name, keyPath: (t.schema.primKey.keyPath ?? null) as string | string[] | null }));
  let current: TableRead | undefined;
  let n = 0;
  const closeTable = () => {
    if (current === undefined) return;
    if (n !== counts[current.name]) throw new Error(BACKUP_TEXT.damaged(DAMAGED_TEXT.readCountMismatch(current.name)));
    out.push(']}');
  };
  await readTables(
    tx,
    [...countReqs, ...(districtReq ? [districtReq] : [])],
    reads,
    () => {
      // The counts come first, in the file's table list.
      tables.forEach((t, i) => (counts[t.name] = countReqs[i]!.result));
      const tableList = tables.map((t) => ({ name: t.name, schema: tableSchema(t), rowCount: counts[t.name]! }));
      out.push(
        `{"formatName":"dexie","formatVersion":1,"data":{"databaseName":${JSON.stringify(db.name)},"databaseVersion":${JSON.stringify(db.verno)},"tables":${JSON.stringify(tableList)},"data":[`,
      );
    },
    (t, rows, first) => {
      if (first) {
        closeTable();
        out.push(`${current === undefined ? '' : ','}{"tableName":${JSON.stringify(t.name)},"inbound":${t.keyPath != null},"rows":[`);
        current = t;
        n = 0;
      }
      if (rows.length === 0) return;
      if (n) out.push(',');
      out.push(rowsJson(rows));
      n += rows.length;
    },
  );
  closeTable();
  out.push(']}}');
  out.flush();
  const districtValue = districtReq?.result?.value;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: APP_NAME,
    schemaVersion: db.verno,
    createdAt: new Date().toISOString(),
    reason,
    district: typeof districtValue === 'string' ? districtValue : undefined,
    counts,
    sha256: '',
  };
  const enc = new TextEncoder();
  // The checksum input in one buffer for WebCrypto (native, ~20× faster than hashing in JS);
  // it is dropped at once, so the peak stays about twice the file.
  header.sha256 = await sha256Hex(concatBytes([enc.encode(checksumPrefix(header)), ...out.pieces, enc.encode(']')]));
  const headJson = JSON.stringify(header);
  return chunked(header, [enc.encode(`${headJson.slice(0, -1)},"database":`), ...out.pieces, enc.encode('}')]);
}
