import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

import { BrowserWindow } from './fake-electron';
import { CHANNELS, type OpenedFile } from '../../src/shared/bridge';
import { handleSecondInstance } from '../../src/main/instance';
import { findSpreadsheetArg, OpenedFileQueue } from '../../src/main/open-files';
import type { BrowserWindow as ElectronWindow } from 'electron';

const asElectron = (w: BrowserWindow) => w as unknown as ElectronWindow;
const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]);

async function spreadsheet(name = '任务清单.xlsx') {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-open-'));
  const path = join(dir, name);
  await writeFile(path, xlsx);
  return { dir, path };
}

describe('second instance', () => {
  it('focuses the first window (restoring it when minimized)', async () => {
    const win = new BrowserWindow({});
    win.minimized = true;
    await handleSecondInstance(asElectron(win), new OpenedFileQueue(), ['C:\\Program Files\\台账\\台账.exe'], 'C:\\');
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
    expect(win.webContents.sent).toEqual([]);
  });

  it('forwards a .xlsx from its command line to the page as name and bytes', async () => {
    const { dir } = await spreadsheet();
    const win = new BrowserWindow({});
    const files = new OpenedFileQueue();
    files.attach(asElectron(win));
    await handleSecondInstance(asElectron(win), files, ['台账.exe', '--allow-file-access-from-files', '任务清单.xlsx'], dir);
    expect(win.focused).toBe(true);
    expect(win.webContents.sent).toHaveLength(1);
    const [{ channel, args }] = win.webContents.sent as [{ channel: string; args: [OpenedFile] }];
    expect(channel).toBe(CHANNELS.fileOpened);
    expect(args[0]).toEqual({ name: '任务清单.xlsx', data: xlsx });
  });
});

describe('files opened from outside', () => {
  it('finds the spreadsheet on a command line', () => {
    expect(findSpreadsheetArg(['app', '/media/usb/下载/清单.XLSX'], '/home/u')).toBe('/media/usb/下载/清单.XLSX');
    expect(findSpreadsheetArg(['app.exe', '--flag=a.xlsx', '/tmp/b.xls'], '/')).toBe('/tmp/b.xls');
    expect(findSpreadsheetArg(['electron', '.', 'a.xlsx'], '/home/u')).toBe('/home/u/a.xlsx');
    expect(findSpreadsheetArg(['app.exe', 'notes.docx'], '/')).toBeNull();
    expect(findSpreadsheetArg(['a.xlsx'], '/')).toBeNull(); // argv[0] is the program itself
  });

  it('holds a file opened before the page loaded, then delivers it once', async () => {
    const { path } = await spreadsheet('早到.xlsx');
    const files = new OpenedFileQueue();
    expect(await files.open(path)).toBe(true);
    const win = new BrowserWindow({});
    files.attach(asElectron(win));
    files.attach(asElectron(win));
    expect(win.webContents.sent.map((s) => (s.args[0] as OpenedFile).name)).toEqual(['早到.xlsx']);
  });

  it('ignores a missing file', async () => {
    const files = new OpenedFileQueue();
    expect(await files.open('/no/such/file.xlsx')).toBe(false);
  });
});
