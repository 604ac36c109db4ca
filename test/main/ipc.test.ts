import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

import { dialog, ipcEventFrom, ipcMain } from './fake-electron';
import { CHANNELS, type BackupFileInfo, type OpenedFile } from '../../src/shared/bridge';
import { registerIpcHandlers, UNTRUSTED_SENDER_MESSAGE } from '../../src/main/ipc';
import { isAppUrl } from '../../src/main/protocol';
import { backupFileName, writeBackupFile } from '../../src/main/backups';
import { envelope, noteOf } from './envelope';

const APP = 'app://ledger/index.html';
let backupDir: string;
let documentsDir: string;

beforeEach(async () => {
  ipcMain.reset();
  vi.clearAllMocks();
  const base = await mkdtemp(join(tmpdir(), 'ledger-ipc-'));
  backupDir = join(base, 'backups');
  documentsDir = base;
  registerIpcHandlers({
    window: () => null,
    isTrustedUrl: isAppUrl,
    appInfo: () => ({ name: '区级科创任务台账', version: '0.1.0', platform: 'desktop', dataFolder: base, backupFolder: backupDir }),
    backupDir,
    documentsDir,
  });
});

/** Calls a registered handler the way Electron would. */
function invoke(channel: string, from: string | null, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler(ipcEventFrom(from), ...args));
}

const xlsxBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

describe('every bridge method has a handler', () => {
  it('covers all invoke channels of the contract', () => {
    const pushed: string[] = [CHANNELS.menuCommand, CHANNELS.fileOpened, CHANNELS.backupRequested, CHANNELS.backupReply];
    const invokeChannels = Object.values(CHANNELS).filter((c) => !pushed.includes(c));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(invokeChannels.sort());
  });
});

describe('sender check', () => {
  const untrusted = ['https://example.com/', 'file:///C:/evil.html', 'app://other/index.html', 'http://127.0.0.1:5173/', 'devtools://devtools/bundled/inspector.html'];

  it.each(untrusted)('rejects every handler when called from %s', async (url) => {
    for (const channel of ipcMain.handlers.keys()) {
      await expect(invoke(channel, url), channel).rejects.toThrow(UNTRUSTED_SENDER_MESSAGE);
    }
  });

  it('rejects a frame that is gone and an iframe inside the app', async () => {
    await expect(invoke(CHANNELS.appInfo, null)).rejects.toThrow(UNTRUSTED_SENDER_MESSAGE);
    const handler = ipcMain.handlers.get(CHANNELS.appInfo)!;
    await expect(Promise.resolve().then(() => handler(ipcEventFrom(APP, { iframe: true })))).rejects.toThrow(UNTRUSTED_SENDER_MESSAGE);
  });

  it('does not open a dialog or touch the disk for an untrusted sender', async () => {
    await expect(invoke(CHANNELS.saveFile, 'https://example.com/', { title: 't', suggestedName: 'a.xlsx', filters: [], data: xlsxBytes })).rejects.toThrow();
    await expect(invoke(CHANNELS.backupWrite, 'https://example.com/', { reason: 'manual', data: xlsxBytes })).rejects.toThrow();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    await expect(invoke(CHANNELS.backupList, APP)).resolves.toEqual([]);
  });
});

describe('argument validation', () => {
  const bad: Array<[string, unknown[]]> = [
    [CHANNELS.backupRead, ['../../etc/passwd']],
    [CHANNELS.backupRead, ['/etc/passwd']],
    [CHANNELS.backupRead, [{ name: 'x' }]],
    [CHANNELS.backupRead, []],
    [CHANNELS.backupExport, ['..\\..\\Windows\\system.ini']],
    [CHANNELS.backupWrite, [{ reason: 'whenever', data: xlsxBytes }]],
    [CHANNELS.backupWrite, [{ reason: 'manual', data: 'not bytes' }]],
    [CHANNELS.backupWrite, [{ reason: 'manual', data: [1, 2, 3] }]],
    [CHANNELS.backupWriteBegin, ['whenever']],
    [CHANNELS.backupWriteChunk, ['../../etc/passwd', xlsxBytes]],
    [CHANNELS.backupWriteChunk, ['00000000-0000-4000-8000-000000000000', 'not bytes']],
    [CHANNELS.backupWriteFinish, [42]],
    [CHANNELS.backupReadOpen, ['../../secrets.json', '打开']],
    [CHANNELS.backupReadOpen, [null, 'x'.repeat(500)]],
    [CHANNELS.backupReadChunk, ['C:\\Users\\a.json']],
    [CHANNELS.saveFile, [{ title: 't', suggestedName: '', filters: [], data: xlsxBytes }]],
    [CHANNELS.saveFile, [{ title: 't', suggestedName: 'a.xlsx', filters: [{ name: 'x', extensions: ['../exe'] }], data: xlsxBytes }]],
    [CHANNELS.saveFile, [{ title: 't', suggestedName: 'a.xlsx', filters: [], data: null }]],
    [CHANNELS.openFile, [{ title: 't', filters: 'xlsx' }]],
    [CHANNELS.openFile, []],
    [CHANNELS.appInfo, ['extra']],
    [CHANNELS.backupList, [1]],
  ];

  it.each(bad)('%s rejects %j with a Chinese message', async (channel, args) => {
    await expect(invoke(channel, APP, ...args)).rejects.toThrow(/请求的内容不正确/);
  });

  it('leaves the backup folder untouched after rejected writes', async () => {
    await expect(invoke(CHANNELS.backupWrite, APP, { reason: 'manual', data: 'x' })).rejects.toThrow();
    expect(await invoke(CHANNELS.backupList, APP)).toEqual([]);
  });
});

describe('handlers from the app page', () => {
  it('answers appInfo', async () => {
    expect(await invoke(CHANNELS.appInfo, APP)).toMatchObject({ platform: 'desktop', backupFolder: backupDir });
  });

  it('writes, lists and reads back a backup', async () => {
    const data = envelope('{"formatVersion":1}');
    const info = (await invoke(CHANNELS.backupWrite, APP, { reason: 'before-import', data })) as BackupFileInfo;
    expect(info.reason).toBe('before-import');
    expect(await invoke(CHANNELS.backupList, APP)).toEqual([info]);
    expect((await invoke(CHANNELS.backupRead, APP, info.name)) as Uint8Array).toEqual(data);
  });

  it('exports a backup into the folder the officer picks, or does nothing when canceled', async () => {
    const info = await writeBackupFile(backupDir, 'manual', envelope('{}'));
    const usb = await mkdtemp(join(tmpdir(), 'ledger-usb-'));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await invoke(CHANNELS.backupExport, APP, info.name)).toEqual({ status: 'canceled' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [usb] });
    expect(await invoke(CHANNELS.backupExport, APP, info.name)).toEqual({ status: 'saved', name: join(usb, info.name) });
    expect(noteOf(await readFile(join(usb, info.name)))).toBe('{}');
    await expect(invoke(CHANNELS.backupRead, APP, backupFileName('daily', new Date(2020, 0, 1)))).rejects.toThrow(/读取备份文件/);
  });

  it('saves where the officer chooses, suggesting a safe name in Documents', async () => {
    const target = join(documentsDir, '报送.xlsx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const res = await invoke(CHANNELS.saveFile, APP, {
      title: '导出',
      suggestedName: '汉阳区/2025年第三季度:推进情况.xlsx',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      data: xlsxBytes,
    });
    expect(res).toEqual({ status: 'saved', name: target });
    expect(new Uint8Array(await readFile(target))).toEqual(xlsxBytes);
    const options = dialog.showSaveDialog.mock.calls[0]![0] as { defaultPath: string };
    expect(options.defaultPath).toBe(join(documentsDir, '汉阳区_2025年第三季度_推进情况.xlsx'));
  });

  it('reports a save that cannot be written in plain Chinese', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(documentsDir, 'no-such-folder', 'a.xlsx') });
    await expect(
      invoke(CHANNELS.saveFile, APP, { title: '导出', suggestedName: 'a.xlsx', filters: [], data: xlsxBytes }),
    ).rejects.toThrow(/无法保存“a.xlsx”（文件或文件夹不存在）/);
  });

  it('opens the chosen file as name and bytes, never its path', async () => {
    const path = join(documentsDir, '市级任务清单.xlsx');
    await writeFile(path, xlsxBytes);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const file = (await invoke(CHANNELS.openFile, APP, { title: '导入', filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }] })) as OpenedFile;
    expect(file.name).toBe('市级任务清单.xlsx');
    expect(file.data).toEqual(xlsxBytes);
    expect(JSON.stringify(Object.keys(file))).not.toContain('path');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await invoke(CHANNELS.openFile, APP, { title: '导入', filters: [] })).toBeNull();
  });
});
