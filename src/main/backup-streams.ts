/**
 * Backups written and read piece by piece through main's file streams, so that neither side
 * holds a large backup whole. A write goes to a temporary file and is checked as it arrives
 * (EnvelopeVerifier); only a well-formed backup envelope is kept under a backup name, and
 * rotation follows. Reads hand out one piece at a time of a listed backup or of a file the
 * officer picked in the dialog.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { REOPENABLE_READS, type BackupFileInfo, type BackupReadHandle, type BackupReason } from '../shared/bridge';
import { keepNewest } from '../shared/keep-newest';
import { BackupError, MAX_BACKUP_BYTES, NOT_A_BACKUP_MESSAGE, describeFsError, isBackupFileName, keepBackupFile } from './backups';
import { EnvelopeVerifier } from './backup-envelope';

/** The largest piece accepted in one message. */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
/** Size of the pieces handed out when reading. */
export const READ_CHUNK_BYTES = 1024 * 1024;
/** Streams open at once (a page that forgets to finish cannot pile up files). */
const MAX_OPEN = 4;

interface Write {
  reason: BackupReason;
  tmp: string;
  fh: FileHandle;
  size: number;
  verifier: EnvelopeVerifier;
}
interface Read {
  name: string;
  fh: FileHandle;
  size: number;
  at: number;
}

/** Open backup streams, by id. */
export class BackupStreams {
  private readonly writes = new Map<string, Write>();
  private readonly reads = new Map<string, Read>();
  /** The file behind each read handed out (the latest few), for `reopenRead`. */
  private readonly opened = new Map<string, string>();

  constructor(private readonly dir: string) {}

  async beginWrite(reason: BackupReason): Promise<string> {
    if (this.writes.size >= MAX_OPEN) throw new BackupError('同时进行的备份太多，请稍后再试。');
    await mkdir(this.dir, { recursive: true });
    const id = randomUUID();
    const tmp = join(this.dir, `.stream-${id}.tmp`);
    try {
      const fh = await open(tmp, 'wx');
      this.writes.set(id, { reason, tmp, fh, size: 0, verifier: new EnvelopeVerifier() });
    } catch (err) {
      throw new BackupError(`无法写入备份文件（${describeFsError(err)}）。请检查磁盘空间后重试。`);
    }
    return id;
  }

  async append(id: string, data: Uint8Array): Promise<void> {
    const w = this.write(id);
    if (w.size + data.byteLength > MAX_BACKUP_BYTES) {
      await this.abortWrite(id);
      throw new BackupError('备份内容过大（超过 512 MB），未写入备份文件。');
    }
    try {
      await w.fh.write(data);
    } catch (err) {
      await this.abortWrite(id);
      throw new BackupError(`无法写入备份文件（${describeFsError(err)}）。请检查磁盘空间后重试。`);
    }
    w.size += data.byteLength;
    w.verifier.update(data);
  }

  async finishWrite(id: string, now = new Date()): Promise<BackupFileInfo> {
    const w = this.write(id);
    this.writes.delete(id);
    try {
      await w.fh.sync();
    } finally {
      await w.fh.close();
    }
    const header = w.verifier.result();
    if (!header) {
      await unlink(w.tmp).catch(() => undefined);
      throw new BackupError(NOT_A_BACKUP_MESSAGE);
    }
    return keepBackupFile(this.dir, w.reason, w.tmp, w.size, header, now);
  }

  private write(id: string): Write {
    const w = this.writes.get(id);
    if (!w) throw new BackupError('这次备份已经结束或不存在，请重新备份。');
    return w;
  }

  private async abortWrite(id: string): Promise<void> {
    const w = this.writes.get(id);
    if (!w) return;
    this.writes.delete(id);
    await w.fh.close().catch(() => undefined);
    await unlink(w.tmp).catch(() => undefined);
  }

  /** Open a listed backup (by name) or a file at `path` the officer chose. */
  async openRead(source: { name: string } | { path: string }): Promise<BackupReadHandle> {
    if (this.reads.size >= MAX_OPEN) for (const id of [...this.reads.keys()].slice(0, 1)) await this.closeRead(id);
    let path: string;
    if ('name' in source) {
      if (!isBackupFileName(source.name)) throw new BackupError('备份文件名不正确，只能读取“备份与恢复”列表中的文件。');
      path = join(this.dir, source.name);
    } else path = source.path;
    const name = basename(path);
    try {
      const fh = await open(path, 'r');
      const size = (await fh.stat()).size;
      if (size > MAX_BACKUP_BYTES) {
        await fh.close();
        throw new BackupError(`“${name}”太大（超过 512 MB），不是本程序的备份文件。`);
      }
      const id = randomUUID();
      this.reads.set(id, { name, fh, size, at: 0 });
      this.opened.set(id, path);
      keepNewest(this.opened, REOPENABLE_READS);
      return { id, name, size };
    } catch (err) {
      if (err instanceof BackupError) throw err;
      throw new BackupError(`读取备份文件“${name}”失败（${describeFsError(err)}）。`);
    }
  }

  /**
   * The file of an earlier read (`id`, ended or not) opened again from its start: the restore
   * reads a checked file a second time, after its safety backup. Only a file this page already
   * opened (listed or picked by the officer) can be opened again.
   */
  async reopenRead(id: string): Promise<BackupReadHandle> {
    const path = this.opened.get(id);
    if (path === undefined) throw new BackupError('这次读取的备份文件已经无法再打开，请重新选择备份文件。');
    return this.openRead({ path });
  }

  async readChunk(id: string): Promise<Uint8Array | null> {
    const r = this.reads.get(id);
    if (!r) throw new BackupError('这次读取已经结束或不存在，请重新选择备份文件。');
    const buf = new Uint8Array(Math.min(READ_CHUNK_BYTES, Math.max(0, r.size - r.at)));
    if (buf.length === 0) {
      await this.closeRead(id);
      return null;
    }
    try {
      const { bytesRead } = await r.fh.read(buf, 0, buf.length, r.at);
      r.at += bytesRead;
      if (bytesRead === 0) {
        await this.closeRead(id);
        return null;
      }
      return bytesRead === buf.length ? buf : buf.slice(0, bytesRead);
    } catch (err) {
      await this.closeRead(id);
      throw new BackupError(`读取备份文件“${r.name}”失败（${describeFsError(err)}）。`);
    }
  }

  async closeRead(id: string): Promise<void> {
    const r = this.reads.get(id);
    if (!r) return;
    this.reads.delete(id);
    await r.fh.close().catch(() => undefined);
  }
}
