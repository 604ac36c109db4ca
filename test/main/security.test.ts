import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron';
import { isAppUrl } from '../../src/main/protocol';
import { CONTENT_SECURITY_POLICY, createUrlPolicy, hardenSession, hardenWebContents } from '../../src/main/security';
import type { Session, WebContents } from 'electron';

function hardenedContents() {
  const wc = new FakeWebContents();
  hardenWebContents(wc as unknown as WebContents, isAppUrl);
  return wc;
}

function hardenedSession(development = false, devServer?: string) {
  const s = new FakeSession();
  hardenSession(s as unknown as Session, createUrlPolicy(isAppUrl, devServer), { development });
  return s;
}

function requestCancelled(s: FakeSession, url: string): boolean {
  let cancelled: boolean | undefined;
  s.beforeRequest!({ url }, (res) => (cancelled = res.cancel));
  if (cancelled === undefined) throw new Error('callback not called');
  return cancelled;
}

describe('navigation and new windows', () => {
  it('refuses navigation away from the app: to the web, to a dropped file, to data: or another host', () => {
    const wc = hardenedContents();
    for (const url of ['https://example.com/', 'file:///C:/Users/officer/台账.xlsx', 'data:text/html,<h1>x</h1>', 'app://evil/index.html', 'javascript:alert(1)']) {
      const e = fakeEvent();
      wc.emit('will-navigate', e, url);
      expect(e.defaultPrevented, url).toBe(true);
      const f = fakeEvent({ url });
      wc.emit('will-frame-navigate', f);
      expect(f.defaultPrevented, url).toBe(true);
    }
  });

  it("lets the app reload its own page (e.g. after a restore)", () => {
    const wc = hardenedContents();
    const e = fakeEvent();
    wc.emit('will-navigate', e, 'app://ledger/index.html');
    expect(e.defaultPrevented).toBe(false);
  });

  it('refuses redirects away from the app', () => {
    const wc = hardenedContents();
    const e = fakeEvent();
    wc.emit('will-redirect', e, 'https://example.com/');
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies window.open for any URL', () => {
    const wc = hardenedContents();
    expect(wc.windowOpenHandler).toBeDefined();
    expect(wc.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'app://ledger/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses <webview>', () => {
    const wc = hardenedContents();
    const e = fakeEvent();
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('session', () => {
  it('cancels a request to https://example.com and every other network address', () => {
    const s = hardenedSession();
    expect(s.beforeRequestFilter).toEqual({ urls: ['<all_urls>'] });
    expect(requestCancelled(s, 'https://example.com')).toBe(true);
    expect(requestCancelled(s, 'http://127.0.0.1:5173/')).toBe(true);
    expect(requestCancelled(s, 'ws://example.com/socket')).toBe(true);
    expect(requestCancelled(s, 'file:///etc/passwd')).toBe(true);
    expect(requestCancelled(s, 'app://evil/index.html')).toBe(true);
    expect(requestCancelled(s, 'not a url')).toBe(true);
  });

  it("lets the app's own protocol and in-memory URLs through", () => {
    const s = hardenedSession();
    expect(requestCancelled(s, 'app://ledger/index.html')).toBe(false);
    expect(requestCancelled(s, 'app://ledger/assets/index-abc.js')).toBe(false);
    expect(requestCancelled(s, 'blob:app://ledger/0f9b6c1e')).toBe(false);
    expect(requestCancelled(s, 'data:image/png;base64,AAAA')).toBe(false);
  });

  it('allows the dev server only in development, and only that host', () => {
    const s = hardenedSession(true, 'http://localhost:5173');
    expect(requestCancelled(s, 'http://localhost:5173/src/main.tsx')).toBe(false);
    expect(requestCancelled(s, 'ws://localhost:5173/')).toBe(false);
    expect(requestCancelled(s, 'http://localhost:8080/')).toBe(true);
    expect(requestCancelled(s, 'https://example.com/')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const s = hardenedSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      s.permissionRequestHandler!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(s.permissionCheckHandler!({}, permission, 'app://ledger', {})).toBe(false);
    }
  });

  it('adds the CSP header to responses (production only) and never downloads dictionaries', () => {
    const s = hardenedSession();
    let headers: Record<string, string[]> | undefined;
    s.headersReceived!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (res) => (headers = res.responseHeaders));
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    expect(s.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalled();
    expect(s.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(hardenedSession(true, 'http://localhost:5173').headersReceived).toBeUndefined();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values];
  }));

  it('allows scripts only from the app itself, never eval or inline', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('connects nowhere but the app and forbids plugins, frames, base and forms', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});
