import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

import { protocol } from './fake-electron';
import {
  APP_HOST,
  APP_SCHEME,
  APP_START_URL,
  isAppUrl,
  registerAppScheme,
  resolveAppPath,
  respondWithFile,
  serveRenderer,
} from '../../src/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';

let root: string;
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'ledger-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>台账</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'not for the page');
});

describe('the app scheme', () => {
  it('is fixed as app://ledger (the IndexedDB origin depends on it)', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('ledger');
    expect(APP_START_URL).toBe('app://ledger/index.html');
  });

  it('is registered as standard and secure (IndexedDB, fetch and workers need it)', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls.at(-1)! as [Array<{ scheme: string; privileges: Record<string, boolean> }>];
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(schemes[0]?.privileges.bypassCSP).toBeFalsy();
  });

  it('recognises only its own host', () => {
    expect(isAppUrl('app://ledger/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://ledger/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
});

describe('serving the renderer', () => {
  it('maps app URLs into the renderer folder and refuses escapes', () => {
    expect(resolveAppPath(root, 'app://ledger/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://ledger/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    // The URL parser folds `%2e%2e` into the path, which cannot rise above the root.
    expect(resolveAppPath(root, 'app://ledger/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppPath(root, 'app://ledger/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://ledger/..%5csecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://ledger/%00')).toBeNull();
    expect(resolveAppPath(root, 'app://ledger/%E0%A4%A')).toBeNull();
    expect(resolveAppPath(root, 'app://elsewhere/index.html')).toBeNull();
  });

  it('answers with the file, its type and the CSP header', async () => {
    const res = await respondWithFile(root, new Request('app://ledger/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('台账');
    const js = await respondWithFile(root, new Request('app://ledger/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 outside the folder or for missing files, 405 for writes', async () => {
    expect((await respondWithFile(root, new Request('app://ledger/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await respondWithFile(root, new Request('app://ledger/missing.js'))).status).toBe(404);
    expect((await respondWithFile(root, new Request('app://ledger/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('registers the handler on the app scheme', async () => {
    serveRenderer(root);
    const [scheme, handler] = protocol.handle.mock.calls.at(-1)! as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler(new Request('app://ledger/index.html'))).status).toBe(200);
  });
});
