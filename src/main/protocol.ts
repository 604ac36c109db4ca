/**
 * The app's own protocol: the renderer is served from `app://ledger/` out of the asar,
 * never from file:// (Electron security checklist §18).
 *
 * ⚠ NEVER CHANGE APP_SCHEME OR APP_HOST (nor the app name / userData folder, see index.ts).
 * IndexedDB is keyed by origin: the officers' whole database lives under `app://ledger`.
 * A different scheme or host opens an EMPTY database and silently "loses" every task and
 * every progress entry (the data would still be on disk, but unreachable by the app).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, isAbsolute } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

/** The custom scheme. NEVER CHANGE: the IndexedDB origin depends on it. */
export const APP_SCHEME = 'app';
/** The fixed host. NEVER CHANGE: the IndexedDB origin depends on it. */
export const APP_HOST = 'ledger';
/** The URL the window loads. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Registers the scheme as standard + secure, so it gets a real origin with IndexedDB,
 * fetch and module workers. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Whether a URL belongs to the app itself (its scheme and its fixed host). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps a request URL to a file inside `rootDir`, or null when it does not belong to the
 * app or would leave the folder (`..`, encoded slashes, absolute paths).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const target = normalize(join(rootDir, pathname));
  const rel = relative(rootDir, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return target;
}

/** Serves `rootDir` (out/renderer inside the asar) on the app protocol, with the CSP header. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithFile(rootDir, request));
}

/** Answers one protocol request (exported for tests). */
export async function respondWithFile(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveAppPath(rootDir, request.url);
  if (!file) return new Response(null, { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}
