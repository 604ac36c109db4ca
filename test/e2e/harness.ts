/**
 * End-to-end harness: serves the built renderer (out/renderer) on 127.0.0.1 and drives
 * Debian's Chromium with playwright-core. Each test gets a fresh browser profile, so
 * IndexedDB starts empty unless the test reloads the same page.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { BROWSER_FLAGS } from './browser-flags';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';

/** The built renderer to serve: out/renderer, or RENDERER_DIR (a private build, e.g. `npx vite build --config vite.web.config.ts --outDir /tmp/x`). */
const ROOT = resolve(process.env.RENDERER_DIR ?? resolve(__dirname, '../../out/renderer'));
export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? resolve(__dirname, '../../test-results/screenshots'));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Serve out/renderer on a free loopback port. */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(ROOT, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(ROOT, path));
      if (!file.startsWith(ROOT)) throw new Error('outside root');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Where Debian's Chromium lives (override with CHROMIUM_PATH). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launch headless Chromium with BROWSER_FLAGS, in Chinese. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...BROWSER_FLAGS, '--disable-quic', '--lang=zh-CN'],
  });
}

/** A fresh context at the 1366×768 office-laptop size, with downloads accepted. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
}

/** The two window sizes every screen is checked at: the office laptop's smallest and a desktop monitor. */
export const SIZES = [
  [1366, 650],
  [1920, 1080],
] as const;

/** A fresh context and page at `width`×`height`, its uncaught errors collected in `errors`. */
export async function pageAt(browser: Browser, width: number, height: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  return { context, page, errors: watchErrors(page) };
}

/** Save a screenshot under test-results/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Wait until no antd dialog or popup is still animating in (its zoom or fade classes gone). A
 * click on a dialog that is still opening can be lost when the dialog takes the focus at the end
 * of its animation.
 */
export async function modalSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[class*="ant-zoom-appear"], [class*="ant-zoom-enter"], [class*="ant-fade-appear"], [class*="ant-fade-enter"]').length === 0, undefined, { timeout: 30_000 });
}

/**
 * Open an antd date picker by clicking its input and wait until its dropdown shows `text`. A
 * click that lands while a dialog is still opening can lose the picker again when the dialog
 * takes the focus at the end of its animation (seen once under CI load); the input is clicked
 * again then, for up to 30 s.
 */
export async function openPicker(page: Page, input: Locator, text: string): Promise<void> {
  const shown = page.locator('.ant-picker-dropdown:visible').getByText(text);
  const until = Date.now() + 30_000;
  await modalSettled(page);
  for (;;) {
    await input.click();
    try {
      await shown.waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
    }
  }
}

/**
 * Choose `title` in an antd single Select and wait until the select shows it. A click that lands
 * on the option while the dropdown is still opening can be lost (seen once under CI load: 武昌区
 * clicked, the select still on 汉阳区, 更改本区 still disabled); the choice is made again then,
 * for up to 30 s.
 */
export async function chooseOption(page: Page, select: Locator, title: string | RegExp): Promise<void> {
  // antd 6 shows a single select's value in .ant-select-content, titled with the option's title.
  const shown = async () => {
    const now = await select.locator('.ant-select-content').first().getAttribute('title');
    return now !== null && (typeof title === 'string' ? now === title : title.test(now));
  };
  const until = Date.now() + 30_000;
  for (;;) {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: typeof title === 'string' }).click({ timeout: 10_000 }).catch(() => undefined);
    for (let i = 0; i < 30; i++) {
      if (await shown()) return;
      await page.waitForTimeout(100);
    }
    if (Date.now() > until) throw new Error(`下拉框没有选上“${String(title)}”`);
  }
}

/**
 * Click 导出 on the 报表导出 page and return the download. When tasks are missing their status or
 * progress the page first asks to confirm (仍然导出), after its check has run: the test waits for
 * whichever comes first, the download or that question, instead of looking once right after the
 * click (under CI load the question came later and the download never started).
 */
export async function exportReport(page: Page): Promise<Download> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('report-export').click();
  const anyway = page.getByRole('button', { name: '仍然导出' });
  const first = await Promise.race([download.then(() => 'download' as const), anyway.waitFor({ timeout: 60_000 }).then(() => 'ask' as const)]);
  if (first === 'ask') await anyway.click();
  return download;
}

/** Collect console errors and page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** A fresh context and page at 1366×650 as `district`, on the 下发与回收 page with its 承办分工 table shown. */
export async function openRoundsAs(app: ServedApp, district: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(app.browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 650 });
  const errors = watchErrors(page);
  await openAppAs(page, app.url, district);
  await page.getByRole('menuitem', { name: '下发与回收' }).click();
  await page.getByTestId('assign-table').locator('tbody tr.ant-table-row').first().waitFor({ timeout: 30_000 });
  return { context, page, errors };
}

/** Read a whole object store of the app's IndexedDB (plain IndexedDB, past the app). */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (s) =>
      new Promise<T[]>((res, rej) => {
        const req = indexedDB.open('district-innovation-ledger');
        req.onsuccess = () => {
          const all = req.result.transaction(s, 'readonly').objectStore(s).getAll();
          all.onsuccess = () => (res(all.result as T[]), req.result.close());
          all.onerror = () => rej(all.error);
        };
        req.onerror = () => rej(req.error);
      }),
    store,
  );
}

/** Write rows into the app's IndexedDB store past storage (plain IndexedDB, as a restored backup would).
 * Reload the page before the app reads them: its Dexie serves live answers from a cache that writes made beside it do not reach. */
export async function putStoreRows(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('district-innovation-ledger');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, rows);
}

/** Open the app and, when it shows first start, pick `district`. */
export async function openAppAs(page: Page, url: string, district: string): Promise<void> {
  await page.goto(url);
  const picker = page.getByText('欢迎使用区级科创任务台账');
  const shell = page.getByTestId('current-district');
  await picker.or(shell).first().waitFor({ timeout: 60_000 });
  if (await picker.isVisible()) {
    await page.locator('label.ant-radio-button-wrapper', { hasText: new RegExp(`^${district}$`) }).click();
    await page.getByRole('button', { name: new RegExp(`确定：${district}`) }).click();
  }
  await shell.waitFor({ timeout: 60_000 });
}

/** The served renderer and a Chromium, started once for a describe block. */
export interface ServedApp {
  readonly url: string;
  readonly browser: Browser;
}

/** Serve the renderer and launch Chromium before the block's tests; close both after. */
export function useServedApp(): ServedApp {
  let server: Awaited<ReturnType<typeof serveRenderer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveRenderer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('the app is not served yet');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not running yet');
      return browser;
    },
  };
}
