/**
 * Run a module's default export in headless Chromium (the bench's browser and flags):
 * `npx tsx bench/tools/in-page.ts <module.ts> [args…]`. The module is bundled for the browser (the
 * app's path aliases resolve) and called with the seed documents' texts and the further arguments;
 * what it returns is printed.
 * For measuring a piece of the app in the engine it runs in, without building the bench page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ALIASES } from '../../aliases.config';
import { launch } from '../steps';

const root = resolve(import.meta.dirname, '../..');
const entry = process.argv[2];
if (!entry) throw new Error('usage: npx tsx bench/tools/in-page.ts <module.ts> [args…]');
const bundle = await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  format: 'iife',
  globalName: 'measured',
  write: false,
  platform: 'browser',
  target: 'es2022',
  alias: ALIASES,
  logLevel: 'error',
});
const seeds = join(root, 'seeds');
const texts = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(seeds, f), 'utf8'));
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  page.on('console', (m) => console.log(m.text()));
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const args = process.argv.slice(3);
  console.log(await page.evaluate(([t, a]) => (globalThis as unknown as { measured: { default: (texts: string[], args: string[]) => Promise<unknown> } }).measured.default(t, a), [texts, args] as const));
} finally {
  await browser.close();
}
