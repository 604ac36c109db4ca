/**
 * Well-formed backup envelopes for main's tests, built the way storage/backup.ts writes them
 * (header, then the database part, SHA-256 over `[formatVersion,schemaVersion,createdAt,counts,<database>]`).
 * `note` ends up inside the file so tests can tell files apart; the same note gives the same bytes.
 */
import { createHash } from 'node:crypto';

export function envelope(note: string, opts: { counts?: Record<string, number>; district?: string } = {}): Uint8Array {
  const database = JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: note, databaseVersion: 3, tables: [], data: [] } });
  const head = { format: 'district-ledger-backup', formatVersion: 1, app: '区级科创任务台账', schemaVersion: 3, createdAt: '2025-10-08T01:30:00.000Z', reason: 'manual', district: opts.district ?? '汉阳区', counts: opts.counts ?? { tasks: 0 } };
  const sha256 = createHash('sha256')
    .update(`[${JSON.stringify([head.formatVersion, head.schemaVersion, head.createdAt, head.counts]).slice(1, -1)},${database}]`)
    .digest('hex');
  return new TextEncoder().encode(`${JSON.stringify({ ...head, sha256 }).slice(0, -1)},"database":${database}}`);
}

/** The note of a file made by envelope(). */
export function noteOf(bytes: Uint8Array): string {
  return (JSON.parse(new TextDecoder().decode(bytes)) as { database: { data: { databaseName: string } } }).database.data.databaseName;
}
