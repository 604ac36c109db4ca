/**
 * How a 10,000-row city list's parts inflate in Chromium: fflate's streaming Inflate (what the zip
 * guard used), fflate in one call, and the platform's DecompressionStream fed in steps (what the guard
 * uses), then the app's whole read against bare SheetJS. Interleaved, 9 rounds, medians with the spread:
 * `npx tsx bench/tools/in-page.ts bench/tools/inflate-page.ts`.
 */
import { Inflate, inflateSync } from 'fflate';
import { inflateRaw, readCentralDirectory } from '@renderer/workers/zip-guard';
import { IMPORT_LIMITS, readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { sentencesOf } from '../lib/synthetic';
import { bareSheetJs, cityListXlsx, cityTasks } from '../browser/import-bench';

export default async function (texts: string[]): Promise<string> {
  const sentences = sentencesOf(texts);
  const d = await cityListXlsx(cityTasks(sentences, 10_000), sentences);
  const dir = readCentralDirectory(d, IMPORT_LIMITS);
  if (!dir.ok) throw new Error('no zip');
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const bodies = dir.entries
    .filter((e) => e.method === 8)
    .map((e) => {
      const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
      return { body: d.subarray(start, start + e.compressedSize), size: e.size };
    });
  const ways: Record<string, () => Promise<unknown>> = {
    'fflate Inflate, 32 KB steps': async () => {
      for (const { body } of bodies) {
        const inflate = new Inflate(() => {});
        for (let i = 0; i < body.length; i += 32 * 1024) inflate.push(body.subarray(i, Math.min(body.length, i + 32 * 1024)), i + 32 * 1024 >= body.length);
      }
    },
    'fflate inflateSync, one call': async () => bodies.forEach(({ body, size }) => inflateSync(body, { out: new Uint8Array(size) })),
    'DecompressionStream, 16 KB steps': async () => {
      for (const { body } of bodies) await inflateRaw(body, () => {}, () => false);
    },
    'app read (readWorkbook)': () => readWorkbook(d, 'city.xlsx'),
    'bare SheetJS read + sheet_to_json': async () => bareSheetJs(d),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
  for (let round = 0; round < 9; round++)
    for (const [name, run] of Object.entries(ways)) {
      const t0 = performance.now();
      await run();
      times[name]!.push(performance.now() - t0);
    }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return Object.entries(times)
    .map(([name, xs]) => {
      const s = sorted(xs);
      return `${name}: ${s[4]!.toFixed(0)} ms (${s[0]!.toFixed(0)}–${s[8]!.toFixed(0)})`;
    })
    .join('\n');
}
