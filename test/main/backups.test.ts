import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT,
  BackupError,
  backupFileName,
  copyBackupTo,
  hasDailyBackupOn,
  isBackupFileName,
  listBackupFiles,
  parseBackupFileName,
  readBackupFile,
  rotateBackups,
  writeBackupFile,
} from '../../src/main/backups';
import { envelope, noteOf } from './envelope';

const tempDir = () => mkdtemp(join(tmpdir(), 'ledger-backups-'));
const bytes = (text: string) => envelope(text);
const day = (n: number, hour = 9) => new Date(2025, 9, n, hour, 30, 0, 0);

describe('backup file names', () => {
  it('carry local time and reason, and parse back', () => {
    const at = new Date(2025, 9, 8, 9, 30, 5, 42);
    const name = backupFileName('before-import', at);
    expect(name).toBe('backup-2025-10-08T09-30-05-042-before-import.json');
    expect(parseBackupFileName(name)).toEqual({ reason: 'before-import', at });
  });

  it('refuse paths, traversal and anything else', () => {
    const good = backupFileName('daily', day(1));
    expect(isBackupFileName(good)).toBe(true);
    for (const bad of [
      `../${good}`,
      `..\\${good}`,
      `/etc/${good}`,
      `C:\\Users\\${good}`,
      `${good}/../../secret`,
      `sub/${good}`,
      good.replace('daily', 'evil'),
      `${good}.exe`,
      '',
      '..',
      42,
      null,
    ]) {
      expect(isBackupFileName(bad), String(bad)).toBe(false);
    }
  });
});

describe('writing, listing and reading backups', () => {
  it('round-trips the bytes, lists newest first and leaves no temporary files', async () => {
    const dir = join(await tempDir(), 'backups'); // created on first write
    expect(await listBackupFiles(dir)).toEqual([]);
    const a = await writeBackupFile(dir, 'daily', bytes('{"a":1}'), day(1));
    const b = await writeBackupFile(dir, 'manual', bytes('{"b":22}'), day(2));
    expect(a).toMatchObject({ reason: 'daily', size: bytes('{"a":1}').length, at: day(1).toISOString(), headerOk: true, counts: { tasks: 0 } });
    const list = await listBackupFiles(dir);
    expect(list.map((x) => x.name)).toEqual([b.name, a.name]);
    expect(list[0]).toEqual(b);
    expect(noteOf(await readBackupFile(dir, a.name))).toBe('{"a":1}');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('never overwrites a backup taken in the same millisecond', async () => {
    const dir = await tempDir();
    const a = await writeBackupFile(dir, 'manual', bytes('first'), day(3));
    const b = await writeBackupFile(dir, 'manual', bytes('second'), day(3));
    expect(a.name).not.toBe(b.name);
    expect(noteOf(await readBackupFile(dir, a.name))).toBe('first');
    expect(noteOf(await readBackupFile(dir, b.name))).toBe('second');
  });

  it('refuses an empty backup', async () => {
    await expect(writeBackupFile(await tempDir(), 'daily', new Uint8Array(0))).rejects.toThrow(/备份内容为空/);
  });

  it('ignores files that are not backups when listing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'x');
    await writeFile(join(dir, '.backup-2025-10-01T09-30-00-000-daily.json.1.tmp'), 'half');
    await writeBackupFile(dir, 'daily', bytes('{}'), day(1));
    expect((await listBackupFiles(dir)).map((b) => b.reason)).toEqual(['daily']);
  });

  it('refuses to read by anything but a listed file name (no path traversal)', async () => {
    const dir = join(await tempDir(), 'backups');
    await writeBackupFile(dir, 'daily', bytes('{}'), day(1));
    await writeFile(join(dir, '..', 'secret.json'), 'secret');
    for (const bad of ['../secret.json', '..\\secret.json', join(dir, '..', 'secret.json'), '/etc/passwd', 'backup-../../secret.json']) {
      await expect(readBackupFile(dir, bad), bad).rejects.toThrow(BackupError);
      await expect(readBackupFile(dir, bad), bad).rejects.toThrow(/备份文件名不正确/);
    }
    await expect(readBackupFile(dir, backupFileName('daily', day(9)))).rejects.toThrow(/文件或文件夹不存在/);
  });
});

describe('rotation', () => {
  it('keeps the last 14 daily backups and the last 10 before an import, upgrade or restore', async () => {
    const dir = await tempDir();
    for (let d = 1; d <= 20; d++) await writeBackupFile(dir, 'daily', bytes(`{"day":${d}}`), day(d));
    for (let i = 0; i < 13; i++) {
      await writeBackupFile(dir, 'before-import', bytes('{}'), day(21, i));
      await writeBackupFile(dir, 'before-upgrade', bytes('{}'), day(22, i));
      await writeBackupFile(dir, 'before-restore', bytes('{}'), day(23, i));
    }
    const list = await listBackupFiles(dir);
    const daily = list.filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(14);
    expect(daily.map((b) => b.at)).toEqual(Array.from({ length: 14 }, (_, i) => day(20 - i).toISOString()));
    for (const reason of ['before-import', 'before-upgrade', 'before-restore'] as const) {
      const kept = list.filter((b) => b.reason === reason);
      expect(kept, reason).toHaveLength(10);
      expect(kept.at(-1)?.at).toBe(day(reason === 'before-import' ? 21 : reason === 'before-upgrade' ? 22 : 23, 3).toISOString());
    }
    expect(BACKUPS_KEPT.daily).toBeGreaterThanOrEqual(14);
    expect(noteOf(await readBackupFile(dir, daily[0]!.name))).toBe('{"day":20}');
  });

  it('never deletes one kind to make room for another', async () => {
    const dir = await tempDir();
    await writeBackupFile(dir, 'before-restore', bytes('{}'), day(1));
    for (let d = 2; d <= 17; d++) await writeBackupFile(dir, 'daily', bytes('{}'), day(d));
    const list = await listBackupFiles(dir);
    expect(list.filter((b) => b.reason === 'before-restore')).toHaveLength(1);
    expect(await rotateBackups(dir)).toEqual([]);
  });
});

describe('daily check and export', () => {
  it('knows whether today already has a daily backup', async () => {
    const dir = await tempDir();
    expect(await hasDailyBackupOn(dir, day(5, 18))).toBe(false);
    await writeBackupFile(dir, 'close', bytes('{}'), day(5, 8));
    expect(await hasDailyBackupOn(dir, day(5, 18))).toBe(false);
    await writeBackupFile(dir, 'daily', bytes('{}'), day(5, 8));
    expect(await hasDailyBackupOn(dir, day(5, 18))).toBe(true);
    expect(await hasDailyBackupOn(dir, day(6, 8))).toBe(false);
  });

  it('copies a backup to a chosen folder without overwriting what is there', async () => {
    const dir = await tempDir();
    const usb = await tempDir();
    const info = await writeBackupFile(dir, 'manual', bytes('{"x":1}'), day(7));
    const first = await copyBackupTo(dir, info.name, usb);
    const second = await copyBackupTo(dir, info.name, usb);
    expect(first).toBe(join(usb, info.name));
    expect(second).toBe(join(usb, info.name.replace('.json', ' (2).json')));
    expect(noteOf(await readFile(second))).toBe('{"x":1}');
    await expect(copyBackupTo(dir, '../../etc/passwd', usb)).rejects.toThrow(/备份文件名不正确/);
  });
});
