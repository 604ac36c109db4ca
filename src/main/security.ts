/**
 * Hardening that applies to every window and to the session, following Electron's security
 * checklist: a strict CSP, no navigation, no new windows, no permissions, no network.
 */
import type { Session, WebContents } from 'electron';

/**
 * The Content-Security-Policy sent with every page of the app (the same rules as the
 * <meta> in src/renderer/index.html, plus the header-only directives).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Decides which URLs the app may load: its own protocol (and the dev server in development). */
export type UrlPolicy = (url: string) => boolean;

/** Builds the URL policy: `app://ledger/…`, in-memory `data:`/`blob:`, and `devServer` (development only). */
export function createUrlPolicy(isAppUrl: (url: string) => boolean, devServer?: string): UrlPolicy {
  const devOrigin = devServer ? new URL(devServer).host : undefined;
  return (url) => {
    if (isAppUrl(url)) return true;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
    if (devOrigin && (u.protocol === 'http:' || u.protocol === 'ws:') && u.host === devOrigin) return true;
    return false;
  };
}

/**
 * Session-wide rules: every permission refused, every request that is not the app's own
 * cancelled (the app never touches the network), CSP added to dev-server responses.
 */
export function hardenSession(session: Session, allowUrl: UrlPolicy, options: { development: boolean }): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.setDisplayMediaRequestHandler?.((_request, callback) => callback({}));
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !allowUrl(details.url) });
  });
  // The dev server (development only) needs Vite's inline scripts and HMR socket.
  if (!options.development)
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
  // No spell-check dictionaries fetched from Google's servers.
  session.setSpellCheckerEnabled?.(false);
  session.setSpellCheckerDictionaryDownloadURL?.('https://0.0.0.0/');
}

/**
 * Per-window rules: navigation anywhere but the app's own pages refused (a link, a dropped
 * file, `location = …`), window.open denied, <webview> refused. Links to the outside are
 * never opened: the app does not touch the network.
 */
export function hardenWebContents(contents: WebContents, isOwnPage: (url: string) => boolean): void {
  const refuseForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isOwnPage(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => refuseForeign(event, url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event, url) => refuseForeign(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
