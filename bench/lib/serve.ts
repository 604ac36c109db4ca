/** A loopback static server for the benchmarks: the app at /, the bench page at /bench/. */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Where `npm run bench` builds the app and the bench page: outside out/, which electron-builder packages. */
export const BUILD_DIRS = {
  app: process.env.RENDERER_DIR ?? join(tmpdir(), 'ledger-bench', 'app'),
  page: join(tmpdir(), 'ledger-bench', 'page'),
};

/** Serve `appDir` at / and `benchDir` at /bench/ on 127.0.0.1. */
export async function serveDirs(appDir: string, benchDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let root = appDir;
      if (path.startsWith('/bench/')) {
        root = benchDir;
        path = path.slice('/bench'.length);
      }
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}
