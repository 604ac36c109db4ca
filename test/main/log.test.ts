/** main.log: the renderer's errors and warnings (technical causes kept from the officer) are written there. */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logRendererConsole, type ConsoleSource } from '../../src/main/log';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('logRendererConsole', () => {
  it('writes errors and warnings, one line each, and skips info and debug', () => {
    dir = mkdtempSync(join(tmpdir(), 'log-'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const contents = new EventEmitter();
    logRendererConsole(contents as unknown as ConsoleSource, createLogger(dir));
    contents.emit('console-message', { level: 'error', message: 'import read refused 炸弹.xlsx: {"kind":"partTooBig"}\n  at worker' });
    contents.emit('console-message', { level: 'warning', message: 'QuotaExceededError: The quota has been exceeded.' });
    contents.emit('console-message', { level: 'info', message: 'hello' });
    contents.emit('console-message', { level: 'debug', message: 'hello' });
    const lines = readFileSync(join(dir, 'logs', 'main.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/renderer error: import read refused 炸弹\.xlsx: \{"kind":"partTooBig"\} \| at worker$/);
    expect(lines[1]).toMatch(/renderer warning: QuotaExceededError/);
  });
});
