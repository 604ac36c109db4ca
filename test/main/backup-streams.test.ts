/**
 * Backups through main's file streams: written piece by piece and kept only when the whole is
 * a well-formed envelope; junk never pushes out a good backup; read piece by piece; the list
 * comes from each file's header.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupStreams } from '../../src/main/backup-streams';
import { BACKUPS_KEPT, NOT_A_BACKUP_MESSAGE, backupFileName, listBackupFiles, writeBackupFile } from '../../src/main/backups';
import { EnvelopeVerifier, isBackupEnvelope } from '../../src/main/backup-envelope';
import { REOPENABLE_READS } from '../../src/shared/bridge';
import { envelope } from './envelope';

const tempDir = () => mkdtemp(join(tmpdir(), 'ledger-streams-'));
const day = (n: number) => new Date(2025, 9, n, 9, 30, 0, 0);

function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('the envelope check', () => {
  it('accepts a backup fed in any pieces, byte by byte too', () => {
    const good = envelope('分块', { counts: { tasks: 3 } });
    for (const size of [1, 7, 64, 100_000]) {
      const v = new EnvelopeVerifier();
      for (const p of pieces(good, size)) v.update(p);
      expect(v.result()?.counts, `pieces of ${size}`).toEqual({ tasks: 3 });
    }
  });

  it.each([
    ['junk', new TextEncoder().encode('not a backup at all')],
    ['an empty object', new TextEncoder().encode('{}')],
    ['a header without its database part', new TextEncoder().encode('{"format":"district-ledger-backup","formatVersion":1}')],
    ['one byte changed in the data', (() => { const b = envelope('x'); const c = b.slice(); c[c.length - 10] = c[c.length - 10]! ^ 1; return c; })()],
    ['cut short', envelope('x').subarray(0, 300)],
    ['a newer format', new TextEncoder().encode(new TextDecoder().decode(envelope('x')).replace('"formatVersion":1', '"formatVersion":2'))],
  ])('refuses %s', (_what, bytes) => {
    expect(isBackupEnvelope(bytes)).toBe(false);
  });
});

describe('streamed writes', () => {
  it('writes a backup piece by piece and keeps it under a backup name, with its header in the list', async () => {
    const dir = await tempDir();
    const s = new BackupStreams(dir);
    const good = envelope('流式', { counts: { tasks: 5, progress: 9 } });
    const id = await s.beginWrite('manual');
    for (const p of pieces(good, 50)) await s.append(id, p);
    const info = await s.finishWrite(id, day(1));
    expect(info).toMatchObject({ name: backupFileName('manual', day(1)), size: good.length, headerOk: true, counts: { tasks: 5, progress: 9 } });
    expect(new Uint8Array(await readFile(join(dir, info.name)))).toEqual(good);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expect(s.append(id, good)).rejects.toThrow(/已经结束/);
  });

  it('refuses junk at finish, leaves no file and keeps every good backup', async () => {
    const dir = await tempDir();
    await writeBackupFile(dir, 'daily', envelope('真的'), day(1));
    const s = new BackupStreams(dir);
    const id = await s.beginWrite('daily');
    await s.append(id, new TextEncoder().encode('{"format":"district-ledger-backup"} junk'));
    await expect(s.finishWrite(id, day(2))).rejects.toThrow(NOT_A_BACKUP_MESSAGE);
    expect(await readdir(dir)).toEqual([backupFileName('daily', day(1))]);
  });

  it('14 junk daily writes cannot push out the real daily backups (the compromised-renderer case)', async () => {
    const dir = await tempDir();
    for (let d = 1; d <= BACKUPS_KEPT.daily; d++) await writeBackupFile(dir, 'daily', envelope(`第${d}天`), day(d));
    for (let d = 15; d < 15 + 14; d++) await expect(writeBackupFile(dir, 'daily', new TextEncoder().encode(`junk ${d}`), day(d))).rejects.toThrow(NOT_A_BACKUP_MESSAGE);
    const left = await listBackupFiles(dir);
    expect(left).toHaveLength(14);
    expect(left.every((b) => b.headerOk)).toBe(true);
  });

  it('rotation never counts or deletes a file whose header is not a backup', async () => {
    const dir = await tempDir();
    // A damaged file placed in the folder by hand, newest of all.
    await writeFile(join(dir, backupFileName('daily', day(28))), 'damaged');
    for (let d = 1; d <= 16; d++) await writeBackupFile(dir, 'daily', envelope(`第${d}天`), day(d));
    const left = await listBackupFiles(dir);
    expect(left.filter((b) => b.headerOk)).toHaveLength(14);
    expect(left.find((b) => !b.headerOk)?.name).toBe(backupFileName('daily', day(28)));
    expect(left.filter((b) => b.headerOk).map((b) => b.name).at(-1)).toBe(backupFileName('daily', day(3)));
  });
});

describe('streamed reads', () => {
  it('hands out a listed backup in pieces and then null; refuses names that are not backups', async () => {
    const dir = await tempDir();
    const good = envelope('读取'.repeat(1000));
    const info = await writeBackupFile(dir, 'manual', good, day(1));
    const s = new BackupStreams(dir);
    const h = await s.openRead({ name: info.name });
    expect(h).toMatchObject({ name: info.name, size: good.length });
    const got: Uint8Array[] = [];
    let p: Uint8Array | null;
    while ((p = await s.readChunk(h.id)) !== null) got.push(p);
    expect(Buffer.concat(got)).toEqual(Buffer.from(good));
    await expect(s.readChunk(h.id)).rejects.toThrow(/已经结束/);
    await expect(s.openRead({ name: '../secrets.json' })).rejects.toThrow(/备份文件名不正确/);
  });

  it('opens a file read before again from its start (ended or not), a picked one too; an id it never handed out is refused', async () => {
    const dir = await tempDir();
    const good = envelope('再读'.repeat(3000));
    const picked = join(await tempDir(), '从U盘选的备份.json');
    await writeFile(picked, good);
    const s = new BackupStreams(dir);
    const readAll = async (id: string) => {
      const got: Uint8Array[] = [];
      let p: Uint8Array | null;
      while ((p = await s.readChunk(id)) !== null) got.push(p);
      return Buffer.concat(got);
    };
    const h = await s.openRead({ path: picked });
    expect(await readAll(h.id)).toEqual(Buffer.from(good));
    const again = await s.reopenRead(h.id);
    expect(again).toMatchObject({ name: '从U盘选的备份.json', size: good.length });
    expect(again.id).not.toBe(h.id);
    expect(await readAll(again.id)).toEqual(Buffer.from(good));
    // The file changed on disk in between: the new read gives what is there now.
    await writeFile(picked, envelope('改过'));
    expect(await readAll((await s.reopenRead(again.id)).id)).toEqual(Buffer.from(envelope('改过')));
    await expect(s.reopenRead('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/无法再打开，请重新选择备份文件/);
  });

  it('opens again any of the latest REOPENABLE_READS reads, not an older one', async () => {
    const s = new BackupStreams(await tempDir());
    const picked = join(await tempDir(), '备份.json');
    await writeFile(picked, envelope('最近'));
    const ids: string[] = [];
    for (let i = 0; i <= REOPENABLE_READS; i++) {
      const h = await s.openRead({ path: picked });
      await s.closeRead(h.id);
      ids.push(h.id);
    }
    await expect(s.reopenRead(ids[0]!)).rejects.toThrow(/无法再打开，请重新选择备份文件/);
    for (const id of ids.slice(1)) expect((await s.reopenRead(id)).name).toBe('备份.json');
  });

  it('the list reads each header: a file with a good header and a broken body still shows its counts', async () => {
    const dir = await tempDir();
    const good = envelope('头', { counts: { tasks: 22 } });
    await writeFile(join(dir, backupFileName('manual', day(1))), Buffer.concat([Buffer.from(good.subarray(0, good.length - 20)), Buffer.from('坏了')]));
    const [info] = await listBackupFiles(dir);
    expect(info).toMatchObject({ headerOk: true, counts: { tasks: 22 }, district: '汉阳区' });
  });
});
