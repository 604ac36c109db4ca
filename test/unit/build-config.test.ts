/**
 * The packaging configuration and the built app, as the IT department would audit them:
 * Electron fuses, per-user NSIS, the Linux targets, the icons, the CSP in the built page
 * and a main process that loads only from the app protocol.
 */
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';

const ROOT = resolve(import.meta.dirname, '../..');
/** The electron-vite output to audit (`BUILD_OUT_DIR` for a private build). */
const OUT = resolve(ROOT, process.env.BUILD_OUT_DIR ?? 'out');

async function loadConfig(): Promise<Configuration> {
  return getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
}

type Target = { target: string; arch: string[] };

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(loadConfig().then((c) => validateConfiguration(c, new DebugLogger(false)))).resolves.toBeUndefined();
  });

  it('names the app and keeps its id fixed', async () => {
    const c = await loadConfig();
    expect(c.appId).toBe('cn.wuhan.district-innovation-ledger');
    expect(c.productName).toBe('区级科创任务台账');
    expect(c.asar).toBe(true);
  });

  it('sets the Electron fuses', async () => {
    const fuses = (await loadConfig()).electronFuses;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a per-user NSIS installer that never asks for administrator rights, and a portable .exe', async () => {
    const c = await loadConfig();
    expect(c.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
    const win = (c.win?.target ?? []) as Target[];
    expect(win.map((t) => t.target).sort()).toEqual(['nsis', 'portable']);
  });

  it('builds .deb and AppImage for x64 and arm64', async () => {
    const linux = ((await loadConfig()).linux?.target ?? []) as Target[];
    for (const kind of ['deb', 'AppImage']) {
      expect(linux.find((t) => t.target === kind)?.arch.sort(), kind).toEqual(['arm64', 'x64']);
    }
  });

  it('associates .xlsx and .xls with the app', async () => {
    const assoc = (await loadConfig()).fileAssociations as Array<{ ext: string }>;
    expect(assoc.map((a) => a.ext).sort()).toEqual(['xls', 'xlsx']);
  });

  it('packs only the built app', async () => {
    // electron-builder normalises `files` into [{ filter: [...] }].
    const files = ((await loadConfig()).files as Array<string | { filter: string[] }>).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(files).toContain('!node_modules/**');
  });
});

describe('icons in resources/', () => {
  it('icon.png is a 512×512 PNG', () => {
    const png = readFileSync(join(ROOT, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('icon.ico holds 16 to 256 pixel images, each where the directory says', () => {
    const ico = readFileSync(join(ROOT, 'resources/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const o = 6 + 16 * i;
      const size = ico[o] || 256;
      const length = ico.readUInt32LE(o + 8);
      const offset = ico.readUInt32LE(o + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(ico.readUInt32LE(offset)).toBe(40); // BITMAPINFOHEADER
      expect(ico.readInt32LE(offset + 4)).toBe(size);
      sizes.push(size);
    }
    expect(sizes).toContain(16);
    expect(sizes).toContain(32);
    expect(sizes).toContain(256);
  });
});

const BUILT_MAIN = join(OUT, 'main/index.js');
/** The build is missing: skip (with a message) rather than fail; CI builds before testing. */
const outMissing = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'].some((p) => !existsSync(join(OUT, p)));
if (outMissing)
  console.warn(`build-config.test.ts › built app checks SKIPPED: ${OUT} has no built app — run \`npm run build\` (electron-vite build) first.`);

describe.skipIf(outMissing)('the build is current', () => {
  it('out/ is newer than src/main (otherwise run `npm run build` again)', () => {
    const built = statSync(BUILT_MAIN).mtimeMs;
    const stale = readdirSync(join(ROOT, 'src/main')).filter((f) => statSync(join(ROOT, 'src/main', f)).mtimeMs > built);
    expect(stale, `${OUT} is older than these sources — run \`npm run build\` again`).toEqual([]);
  });
});

describe.skipIf(outMissing)(`the built app (${OUT})`, () => {
  const read = (p: string) => readFileSync(join(OUT, p), 'utf8');

  it('the page carries a strict CSP: scripts only from the app, no eval, no remote connections', () => {
    const html = read('renderer/index.html');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).toContain("default-src 'self'");
    expect(meta).toContain("script-src 'self'");
    expect(meta).toContain("object-src 'none'");
    expect(meta).not.toMatch(/unsafe-eval|https?:|\*/);
    // Assets are referenced relatively, so they resolve under app://ledger/.
    expect(html).not.toMatch(/src="\/|href="\//);
  });

  it('main sends the same strict CSP as a header', () => {
    const main = read('main/index.js');
    expect(main).toContain('Content-Security-Policy');
    for (const directive of CONTENT_SECURITY_POLICY.split('; ')) expect(main, directive).toContain(directive);
  });

  it('main serves the renderer from app://ledger, never from file://, with the secure window options', () => {
    const main = read('main/index.js');
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toMatch(/scheme: "app"/);
    expect(main).toContain('app://ledger/index.html');
    expect(main).not.toMatch(/\.loadFile\(/);
    for (const option of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false'])
      expect(main, option).toContain(option);
  });

  it('main needs nothing from node_modules at run time (only electron and Node built-ins)', () => {
    const imports = [...read('main/index.js').matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((m) => m !== 'electron' && !m.startsWith('node:'))).toEqual([]);
  });

  it('the preload requires only electron and exposes the bridge', () => {
    const preload = read('preload/index.cjs');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
  });
});
