/**
 * The preload exposes exactly the bridge's named methods (no generic invoke), turns main's
 * errors into their Chinese message, keeps files opened before the page subscribed, and
 * answers main's backup requests with the page's bytes.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type LedgerBridge, type OpenedFile } from '../../src/shared/bridge';

const exposed: Record<string, unknown> = {};
const renderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
  send: vi.fn(),
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: renderer,
}));

let bridge: LedgerBridge;
beforeEach(async () => {
  vi.resetModules();
  renderer.removeAllListeners();
  renderer.invoke.mockReset();
  renderer.send.mockReset();
  await import('../../src/preload/index');
  bridge = exposed.ledger as LedgerBridge;
});

const METHODS = ['appInfo', 'openFile', 'saveFile', 'writeBackup', 'listBackups', 'readBackup', 'exportBackup', 'beginBackupWrite', 'appendBackupChunk', 'finishBackupWrite', 'openBackupRead', 'readBackupChunk', 'closeBackupRead', 'reopenBackupRead', 'onMenuCommand', 'onFileOpened', 'onBackupRequested'];

describe('the exposed bridge', () => {
  it('is exactly the named methods of the contract', () => {
    expect(Object.keys(exposed)).toEqual(['ledger']);
    expect(Object.keys(bridge).sort()).toEqual([...METHODS].sort());
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends each method on its own channel', async () => {
    renderer.invoke.mockResolvedValue([]);
    await bridge.listBackups();
    await bridge.readBackup('backup-2025-10-08T09-30-00-000-daily.json');
    expect(renderer.invoke.mock.calls).toEqual([[CHANNELS.backupList], [CHANNELS.backupRead, 'backup-2025-10-08T09-30-00-000-daily.json']]);
  });

  it("rejects with main's Chinese message, without Electron's prefix", async () => {
    renderer.invoke.mockRejectedValue(new Error("Error invoking remote method 'ledger:backup-read': Error: 备份文件名不正确。"));
    await expect(bridge.readBackup('x')).rejects.toThrow(/^备份文件名不正确。$/);
  });
});

describe('files opened from outside', () => {
  it('keeps a file that arrived before anyone listened and hands it to the first listener', () => {
    const file: OpenedFile = { name: '清单.xlsx', data: new Uint8Array([1]) };
    renderer.emit(CHANNELS.fileOpened, {}, file);
    const got: OpenedFile[] = [];
    const off = bridge.onFileOpened((f) => got.push(f));
    expect(got).toEqual([file]);
    renderer.emit(CHANNELS.fileOpened, {}, file);
    expect(got).toHaveLength(2);
    off();
    const later: OpenedFile[] = [];
    bridge.onFileOpened((f) => later.push(f));
    expect(later).toEqual([]);
  });
});

describe('backup requests from main', () => {
  it("answers with the page's bytes", async () => {
    const data = new TextEncoder().encode('{"formatVersion":1}');
    bridge.onBackupRequested(async (reason) => {
      expect(reason).toBe('close');
      return data;
    });
    renderer.emit(CHANNELS.backupRequested, {}, { id: 'r1', reason: 'close' });
    await vi.waitFor(() => expect(renderer.send).toHaveBeenCalledWith(CHANNELS.backupReply, { id: 'r1', data }));
  });

  it('names the file when the page streamed the backup itself', async () => {
    bridge.onBackupRequested(async () => ({ name: 'backup-2025-10-08T09-30-00-daily.json', reason: 'daily' as const, at: '2025-10-08T09:30:00.000Z', size: 10 }));
    renderer.emit(CHANNELS.backupRequested, {}, { id: 'r4', reason: 'daily' });
    await vi.waitFor(() => expect(renderer.send).toHaveBeenCalledWith(CHANNELS.backupReply, { id: 'r4', written: 'backup-2025-10-08T09-30-00-daily.json' }));
  });

  it("passes on the page's failure, and says so when nobody listens", async () => {
    const off = bridge.onBackupRequested(async () => {
      throw new Error('数据库打不开');
    });
    renderer.emit(CHANNELS.backupRequested, {}, { id: 'r2', reason: 'daily' });
    await vi.waitFor(() => expect(renderer.send).toHaveBeenCalledWith(CHANNELS.backupReply, { id: 'r2', error: '数据库打不开' }));
    off();
    renderer.emit(CHANNELS.backupRequested, {}, { id: 'r3', reason: 'daily' });
    expect(renderer.send).toHaveBeenLastCalledWith(CHANNELS.backupReply, { id: 'r3', error: expect.stringContaining('尚未准备好') });
  });
});
