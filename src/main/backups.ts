/**
 * Backup files on disk, outside IndexedDB: userData/backups/backup-<local time>-<reason>.json.
 * Written atomically (temporary file, then rename), rotated per reason, read back only by a
 * validated file name (never a path from the renderer).
 */
import { copyFile, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { BackupFileInfo, BackupReason } from '../shared/bridge';
import { isBackupEnvelope, MAX_HEADER_BYTES, parseEnvelopeHeader, type EnvelopeHeader } from './backup-envelope';

/** Every reason a backup can be taken for. */
export const BACKUP_REASONS = ['daily', 'close', 'before-import', 'before-upgrade', 'before-restore', 'manual'] as const satisfies readonly BackupReason[];

/**
 * How many of each kind are kept (newest first). Daily backups are taken once a day, so 14
 * files are the last 14 days; before-import / before-upgrade / before-restore keep 10 each.
 */
export const BACKUPS_KEPT: Record<BackupReason, number> = {
  daily: 14,
  close: 10,
  'before-import': 10,
  'before-upgrade': 10,
  'before-restore': 10,
  manual: 30,
};

/** The largest backup accepted (a ledger is a few MB; this is a guard against mistakes). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/** Name pattern: `backup-2025-10-08T09-30-00-123-daily.json` (local time, with milliseconds). */
const NAME_RE = new RegExp(
  `^backup-(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})-(${BACKUP_REASONS.join('|')})\\.json$`,
);

/** A backup problem, with a message for the officer. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The file name for a backup taken at `at` (local time, so the folder reads naturally). */
export function backupFileName(reason: BackupReason, at: Date): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}`;
  return `backup-${date}T${time}-${reason}.json`;
}

/** Reads reason and time out of a backup file name; null for anything that is not one. */
export function parseBackupFileName(name: string): { reason: BackupReason; at: Date } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m;
  const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  if (Number.isNaN(at.getTime())) return null;
  return { reason: reason as BackupReason, at };
}

/** Whether `name` is a backup file name (no folders, no `..`, nothing else). */
export function isBackupFileName(name: unknown): name is string {
  return typeof name === 'string' && name.length < 100 && parseBackupFileName(name) !== null;
}

/** Message when bytes handed to main are not a backup. */
export const NOT_A_BACKUP_MESSAGE = '收到的内容不是完整的备份文件（文件头或校验值不对），没有保存，原有备份都保留着。请重新备份；如仍出现，请联系技术支持。';

function headerInfo(h: EnvelopeHeader | undefined): Pick<BackupFileInfo, 'counts' | 'district' | 'headerOk'> {
  if (!h) return { headerOk: false };
  return { headerOk: true, counts: h.counts, ...(typeof h.district === 'string' ? { district: h.district } : {}) };
}

/** What the header of a backup file says (only its first bytes are read). */
async function readHeaderInfo(path: string): Promise<Pick<BackupFileInfo, 'counts' | 'district' | 'headerOk'>> {
  let fh;
  try {
    fh = await open(path, 'r');
    const buf = new Uint8Array(MAX_HEADER_BYTES + 64);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return headerInfo(parseEnvelopeHeader(buf.subarray(0, bytesRead))?.header);
  } catch {
    return { headerOk: false };
  } finally {
    await fh?.close();
  }
}

/** Every backup in `dir`, newest first (an absent folder is an empty list); only each file's header is read. */
export async function listBackupFiles(dir: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const infos: BackupFileInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    try {
      const st = await stat(join(dir, name));
      if (!st.isFile()) continue;
      infos.push({ name, reason: parsed.reason, at: parsed.at.toISOString(), size: st.size, ...(await readHeaderInfo(join(dir, name))) });
    } catch {
      // Deleted meanwhile: not listed.
    }
  }
  return infos.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
}

/**
 * Deletes the oldest backups beyond BACKUPS_KEPT for each reason; returns the deleted names.
 * Only files that are backups count: a file whose header is damaged or foreign never pushes
 * out a good one (and is itself left alone, for a person to look at).
 */
export async function rotateBackups(dir: string, keep: Record<BackupReason, number> = BACKUPS_KEPT): Promise<string[]> {
  const all = await listBackupFiles(dir);
  const deleted: string[] = [];
  for (const reason of BACKUP_REASONS) {
    const ofReason = all.filter((b) => b.reason === reason && b.headerOk);
    for (const old of ofReason.slice(Math.max(1, keep[reason]))) {
      await unlink(join(dir, old.name)).catch(() => undefined);
      deleted.push(old.name);
    }
  }
  return deleted;
}

/**
 * Writes a backup into `dir` and rotates. The file appears under its final name only once
 * it is complete, so a crash mid-write never leaves a half backup that looks whole.
 */
export async function writeBackupFile(dir: string, reason: BackupReason, data: Uint8Array, now = new Date()): Promise<BackupFileInfo> {
  if (data.byteLength === 0) throw new BackupError('备份内容为空，未写入备份文件。');
  if (data.byteLength > MAX_BACKUP_BYTES) throw new BackupError('备份内容过大（超过 512 MB），未写入备份文件。');
  if (!isBackupEnvelope(data)) throw new BackupError(NOT_A_BACKUP_MESSAGE);
  await mkdir(dir, { recursive: true });
  let at = now;
  let name = backupFileName(reason, at);
  // Two backups in the same millisecond: take the next free millisecond.
  for (let i = 0; i < 1000 && (await exists(join(dir, name))); i++) {
    at = new Date(at.getTime() + 1);
    name = backupFileName(reason, at);
  }
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, join(dir, name));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new BackupError(`无法写入备份文件（${describeFsError(err)}）。请检查磁盘空间后重试。`);
  }
  await rotateBackups(dir);
  return { name, reason, at: at.toISOString(), size: data.byteLength, ...headerInfo(parseEnvelopeHeader(data)?.header) };
}

/** Moves a complete, verified temporary file into place under a fresh backup name, then rotates. */
export async function keepBackupFile(dir: string, reason: BackupReason, tmp: string, size: number, header: EnvelopeHeader, now = new Date()): Promise<BackupFileInfo> {
  let at = now;
  let name = backupFileName(reason, at);
  for (let i = 0; i < 1000 && (await exists(join(dir, name))); i++) {
    at = new Date(at.getTime() + 1);
    name = backupFileName(reason, at);
  }
  try {
    await rename(tmp, join(dir, name));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new BackupError(`无法写入备份文件（${describeFsError(err)}）。请检查磁盘空间后重试。`);
  }
  await rotateBackups(dir);
  return { name, reason, at: at.toISOString(), size, ...headerInfo(header) };
}

/** Reads one backup by its listed file name; anything else (a path, `..`) is refused. */
export async function readBackupFile(dir: string, name: unknown): Promise<Uint8Array> {
  if (!isBackupFileName(name)) throw new BackupError('备份文件名不正确，只能读取“备份与恢复”列表中的文件。');
  try {
    return new Uint8Array(await readFile(join(dir, name)));
  } catch (err) {
    throw new BackupError(`读取备份文件“${name}”失败（${describeFsError(err)}）。`);
  }
}

/** Whether a daily backup was already taken on the local calendar day of `now`. */
export async function hasDailyBackupOn(dir: string, now: Date): Promise<boolean> {
  const prefix = backupFileName('daily', now).slice(0, 'backup-YYYY-MM-DD'.length);
  return (await listBackupFiles(dir)).some((b) => b.reason === 'daily' && b.name.startsWith(prefix));
}

/**
 * Copies a backup into `destFolder` (a USB stick) without overwriting anything there;
 * returns the path written.
 */
export async function copyBackupTo(dir: string, name: unknown, destFolder: string): Promise<string> {
  if (!isBackupFileName(name)) throw new BackupError('备份文件名不正确，只能导出“备份与恢复”列表中的文件。');
  const stem = basename(name, extname(name));
  let dest = join(destFolder, name);
  for (let i = 2; await exists(dest); i++) dest = join(destFolder, `${stem} (${i}).json`);
  try {
    await copyFile(join(dir, name), dest);
  } catch (err) {
    throw new BackupError(`导出备份失败（${describeFsError(err)}）。请确认所选文件夹可以写入（U 盘未写保护、空间足够）。`);
  }
  return dest;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A short Chinese reason for a file-system error. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件或文件夹不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有权限';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '磁盘是只读的';
    case 'EBUSY':
      return '文件正被其他程序使用';
    default:
      return code ? `错误代码 ${code}` : '未知错误';
  }
}
