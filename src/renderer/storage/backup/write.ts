/**
 * Writing a backup: the whole store as the pieces of one backup file.
 *
 * The rows are read straight from IndexedDB in one read-only transaction (a consistent
 * snapshot, every row exactly as stored, malformed ones too: a backup never loses anything),
 * in primary-key pages cut in advance, several asked for at once, so IndexedDB reads the next
 * pages while this one is turned into objects and JSON. Each page's JSON is encoded straight into
 * one buffer, which the checksum and the file's pieces view without copying it. Memory holds the
 * encoded file and a page or two of rows, never the whole store as objects and again as a
 * string. The bytes are exactly those of JSON.stringify of the envelope.
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

/**
 * Rows read per request while exporting. Chromium answers a request of many rows much more slowly
 * per row than several of a few hundred: at 200,000 entries (about 0.95 KB each) on the bench's
 * 2 × AMD EPYC machine, bench step 5's floor read every row in 9.0 s (8.7–9.1) with pages of
 * 10,000, 9.5 s with 2,000, 9.0 s with 1,000, 5.5 s (5.4–5.6) and again 6.9 s (4.9–7.1) with 500,
 * 6.3 s with 250 and 7.9 s with 64, two in flight each (100 × 3: 9.2 s; the key cursor that cuts
 * the pages steps once a page); the backup itself 11.5 s against 7.3 s (6.95–7.47) with 500, and
 * the renderer's peak 1.5 GB against 1.2 GB. A bare probe (bench/tools/idb-page-probe.ts) finds the same for any
 * row size: requests of 64–128 KB read fastest, 1–2 MB ones at half that speed. On the Intel
 * machine of runs 5–9, pages of 10,000 had read 10–15 % faster than pages of 2,000 with one page
 * in flight, and the size mattered less with two (bench/NOTES.md); the backup had 2 s of margin there.
 * The peak memory does not grow with smaller pages.
 */
export const READ_PAGE_ROWS = 500;
/**
 * Pages asked for at once. With one (the next page asked for with the last key of the one in
 * hand) IndexedDB waited while each page was turned into objects: every row of 200,000 entries
 * read in 4.3–4.7 s; with pages cut in advance by a key cursor and two in flight 3.3–4.0 s, all at
 * once 3.3–3.7 s (the cut itself 0.15–0.23 s; one quiet prototype run, four rounds interleaved).
 * Two keeps at most two pages of rows waiting in memory.
 */
export const READ_IN_FLIGHT = 2;
/** The file is handed on in views of at most this many bytes (main takes at most 16 MiB a piece). */
const PIECE_BYTES = 8 << 20;

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
 * Text encoded as UTF-8 straight into one growing buffer (TextEncoder.encodeInto: no
 * intermediate array per text, no joining afterwards). The checksum is taken over a view of
 * it and the file is handed on as views of it, so the encoded bytes exist once. Room not yet
 * written is only reserved: the buffer grows ahead of the projected size of the file, and the
 * pages never written to take no memory.
 */
class ByteWriter {
  private buf = new Uint8Array(1 << 20);
  /** Bytes written. */
  at = 0;
  /** The expected size of the whole output: the buffer grows to it at once. */
  expected = 0;
  private readonly enc = new TextEncoder();

  /** Append `text` (UTF-8). */
  push(text: string): void {
    // A UTF-16 unit never takes more than 3 bytes (a surrogate pair: 4 bytes for 2 units).
    const need = this.at + text.length * 3;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2, Math.ceil(this.expected)));
      grown.set(this.buf.subarray(0, this.at));
      this.buf = grown;
    }
    this.at += this.enc.encodeInto(text, this.buf.subarray(this.at)).written;
  }

  /** A view of bytes [from, to). */
  view(from: number, to: number): Uint8Array {
    return this.buf.subarray(from, to);
  }
}

/** Views of bytes [from, to) of at most PIECE_BYTES each, cut only before the first byte of a character. */
function pieces(w: ByteWriter, from: number, to: number): Uint8Array[] {
  const all = w.view(0, to);
  const out: Uint8Array[] = [];
  for (let at = from; at < to; ) {
    let end = Math.min(to, at + PIECE_BYTES);
    // 10xxxxxx continues a character: cut before the byte that starts it.
    while (end < to && (all[end]! & 0xc0) === 0x80) end--;
    out.push(all.subarray(at, end));
    at = end;
  }
  return out;
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
  /** The table's row count, asked for first in the same transaction. */
  count: IDBRequest<number>;
}

/**
 * Read every row of `tables` in primary-key order within `tx`, once the requests in `first`
 * (the counts among them) are answered, and hand each page to `onPage` in order. Resolves when
 * the transaction completes.
 *
 * Pages are found ahead of reading them: a key cursor steps through each table of more than
 * READ_PAGE_ROWS rows, READ_PAGE_ROWS keys at a time (keys only, no row is read), and each key it
 * stops at starts a page of READ_PAGE_ROWS rows. Up to READ_IN_FLIGHT pages are asked for at
 * once. IndexedDB answers a transaction's requests one after another, so it reads the next page
 * while this one is turned into objects and then into JSON; asking for a page only once the
 * previous one was in hand (its last key starting the next) left IndexedDB waiting while every
 * page was turned into objects. Every request is made from a success callback, so the
 * transaction never idles.
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

    // Pages asked for and not yet answered; the next page's start key when it waits for room.
    let inFlight = 0;
    let parked: { t: TableRead; from: IDBValidKey; first: boolean } | undefined;
    // The table being cut (index), its key cursor, and whether a cursor request is pending.
    let ti = 0;
    let cursor: IDBCursor | undefined;
    let walking = false;
    const askPage = (t: TableRead, range: IDBKeyRange | null, first: boolean) => {
      inFlight++;
      const req = tx.objectStore(t.name).getAll(range, range === null ? undefined : READ_PAGE_ROWS);
      req.onsuccess = () =>
        guard(() => {
          inFlight--;
          const rows = req.result as unknown[];
          next();
          onPage(t, rows, first);
        });
    };
    const step = (t: TableRead, walk: IDBRequest<IDBCursor | null>, first: boolean) => {
      walking = true;
      walk.onsuccess = () =>
        guard(() => {
          walking = false;
          cursor = walk.result ?? undefined;
          if (cursor) parked = { t, from: cursor.primaryKey, first };
          else ti++;
          next();
        });
    };
    // Ask for pages while fewer than READ_IN_FLIGHT are in flight. A page's start is the key a
    // cursor step found; the step to the next start is asked for before the page, so that it is
    // answered (keys only, quickly) while the page is still being read.
    const next = () => {
      while (inFlight < READ_IN_FLIGHT && !walking) {
        if (parked) {
          const p = parked;
          parked = undefined;
          cursor!.advance(READ_PAGE_ROWS);
          step(p.t, cursor!.request as IDBRequest<IDBCursor | null>, false);
          askPage(p.t, IDBKeyRange.lowerBound(p.from), p.first);
          continue;
        }
        const t = tables[ti];
        if (!t) return;
        if (t.count.result <= READ_PAGE_ROWS) {
          ti++;
          askPage(t, null, true);
          continue;
        }
        step(t, tx.objectStore(t.name).openKeyCursor(), true);
      }
    };
    let waiting = first.length;
    const start = () =>
      guard(() => {
        onStart();
        next();
      });
    if (waiting === 0) start();
    for (const r of first) r.addEventListener('success', () => --waiting === 0 && start());
  });
}

/** The backed-up tables (sorted by name) and a read-only transaction over them, their counts asked for. */
async function beginRead(db: Dexie) {
  if (!db.isOpen()) await db.open();
  const tables = db.tables.filter((t) => !DERIVED_TABLES.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const tx = db.backendDB().transaction(
    tables.map((t) => t.name),
    'readonly',
  );
  const countReqs = tables.map((t) => tx.objectStore(t.name).count());
  const reads: TableRead[] = tables.map((t, i) => ({ name: t.name, keyPath: (t.schema.primKey.keyPath ?? null) as string | string[] | null, count: countReqs[i]! }));
  return { tables, tx, reads, countReqs };
}

/**
 * The read of createBackup alone: the same transaction, counts, pages and requests, nothing
 * encoded, hashed or kept. The bench's floor for a backup. Resolves with the rows read.
 */
export async function readBackupRows(db: Dexie): Promise<number> {
  const { tx, reads, countReqs } = await beginRead(db);
  let rows = 0;
  await readTables(tx, countReqs, reads, () => undefined, (_t, page) => (rows += page.length));
  return rows;
}

/**
 * Export the whole store (any Dexie database) as backup pieces. The bytes are exactly those of
 * JSON.stringify of the envelope (the format is unchanged). The checksum input
 * (`[formatVersion,schemaVersion,createdAt,counts,` + database + `]`) is written into the buffer
 * with the database in its middle, so the checksum is taken without another copy; the file is
 * the header, the database's bytes (views of the same buffer) and `}`.
 */
export async function createBackup(db: Dexie, reason: BackupReason): Promise<BackupChunks> {
  const { tables, tx, reads, countReqs } = await beginRead(db);
  const out = new ByteWriter();
  const counts: Record<string, number> = {};
  const districtReq = tables.some((t) => t.name === 'settings')
    ? (tx.objectStore('settings').get(SETTING_KEYS.district) as IDBRequest<{ value?: unknown } | undefined>)
    : undefined;
  let createdAt = '';
  let databaseStart = 0;
  let totalRows = 0;
  let rowsDone = 0;
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
      // The time of the snapshot; the counts come first, in the file's table list.
      createdAt = new Date().toISOString();
      tables.forEach((t, i) => (counts[t.name] = countReqs[i]!.result));
      totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
      out.push(checksumPrefix({ formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, createdAt, counts }));
      databaseStart = out.at;
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
      rowsDone += rows.length;
      // The file so far, a quarter more, projected to every row.
      out.expected = ((out.at - databaseStart) / rowsDone) * totalRows * 1.25;
    },
  );
  closeTable();
  out.push(']}}');
  const databaseEnd = out.at;
  out.push(']');
  const districtValue = districtReq?.result?.value;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: APP_NAME,
    schemaVersion: db.verno,
    createdAt,
    reason,
    district: typeof districtValue === 'string' ? districtValue : undefined,
    counts,
    sha256: '',
  };
  // WebCrypto takes the checksum input as it lies in the buffer (native, ~20× faster than hashing in JS).
  header.sha256 = await sha256Hex(out.view(0, out.at));
  const enc = new TextEncoder();
  const headJson = JSON.stringify(header);
  return chunked(header, [enc.encode(`${headJson.slice(0, -1)},"database":`), ...pieces(out, databaseStart, databaseEnd), enc.encode('}')]);
}
