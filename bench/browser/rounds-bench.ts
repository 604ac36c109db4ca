/**
 * Step 6: 回收 of a collection round — recognising and planning the returned files of one drop
 * (the app's path: SheetJS read through readWorkbook, SHA-256, binding check, row checks,
 * merges) against a bare SheetJS read + sheet_to_json of the same bytes. The files are the
 * app's own sent workbooks (round-write.ts) with every fill-in cell of the task sheet filled; a
 * district's units' files also carry the 指标填报 sheet, blank as sent.
 */
import * as XLSX from 'xlsx';
import { DISTRICTS } from '@core/districts';
import { makeBinding, planMerges, planReturns, type ReturnContext, type Round } from '@core/rounds';
import { writeRoundWorkbook } from '@renderer/spreadsheet/round-write';
import { readReturnedFile } from '@renderer/workers/round-returns';
import type { TaskStatus } from '@core/model';

/** The three drops measured. */
export type RoundScenario = 'districts-17x300' | 'units-40x30' | 'drop-50';

const STATUSES: TaskStatus[] = ['on_track', 'ahead', 'behind', 'done', 'ongoing'];

/** A round of `units` × `perUnit` tasks and its returned files (every cell filled in). */
export async function roundDrop(scenario: RoundScenario, sentences: string[]): Promise<{ files: { name: string; data: Uint8Array }[]; ctx: ReturnContext }> {
  const [unitCount, perUnit] = scenario === 'districts-17x300' ? [17, 300] : [40, 30];
  const names = scenario === 'districts-17x300' ? DISTRICTS.map((d) => d.name) : Array.from({ length: unitCount }, (_, i) => `区承办单位${i + 1}`);
  const taskCount = scenario === 'districts-17x300' ? perUnit : unitCount * perUnit;
  const tasks = Array.from({ length: taskCount }, (_, i) => ({ key: `BENCH-${String(i + 1).padStart(4, '0')}`, number: String(i + 1), title: sentences[i % sentences.length]!.slice(0, 24), text: sentences[(i * 7) % sentences.length]! }));
  const round: Round = { id: 'R2025Q3-bench', district: '汉阳区', periodId: '2025-Q3', dueDate: '2025-10-08', createdAt: '2025-09-25T00:00:00.000Z', prefilled: true, units: [], ...(scenario === 'districts-17x300' ? { level: 'city' as const } : {}) };
  // Districts each get all 300 tasks (the city level); units get 30 of the 1,200.
  for (const [u, unit] of names.entries()) {
    const keys = scenario === 'districts-17x300' ? tasks.map((t) => t.key) : tasks.slice(u * perUnit, (u + 1) * perUnit).map((t) => t.key);
    round.units.push({ unit, taskKeys: keys, leadKeys: keys, fileName: `${unit}.xlsx`, checksum: makeBinding(round, unit, keys).checksum });
  }
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  // A district's units: every other task has a quantitative target, so their files carry a 指标填报
  // sheet (left blank, as sent) that the reader looks through. The city's list has none.
  const targets = scenario === 'districts-17x300' ? [] : tasks.filter((_, i) => i % 2 === 0).map((t, i) => ({ id: `bench-t${i + 1}`, taskKey: t.key, name: `指标${i + 1}`, unit: '家', comparator: '达到' as const, value: 100 + i, scope: '全市', year: 2027 }));
  const targetsOf = (keys: readonly string[]) => targets.filter((t) => keys.includes(t.taskKey)).map((t) => ({ taskKey: t.taskKey, targetId: t.id, name: t.name, goal: `全市：达到${t.value}家（2027年）` }));
  const files: { name: string; data: Uint8Array }[] = [];
  for (const [u, ru] of round.units.entries()) {
    const data = await writeRoundWorkbook({
      district: round.district,
      periodName: '2025年第三季度',
      unit: ru.unit,
      dueDate: round.dueDate,
      binding: makeBinding(round, ru.unit, ru.taskKeys),
      indicators: targetsOf(ru.taskKeys),
      tasks: ru.taskKeys.map((k, i) => ({
        key: k,
        title: byKey.get(k)!.title,
        text: byKey.get(k)!.text,
        role: 'lead',
        prefill: { status: STATUSES[(u + i) % STATUSES.length]!, percent: (u * 7 + i * 3) % 101, progress: sentences[(u * 31 + i) % sentences.length]!, problems: sentences[(u * 17 + i * 3) % sentences.length]!.slice(0, 40), nextSteps: sentences[(u * 13 + i * 5) % sentences.length]!.slice(0, 40) },
      })),
    });
    files.push({ name: `${ru.unit}报回.xlsx`, data });
  }
  if (scenario === 'drop-50') {
    // Ten more in the same drop: five second copies of files already in it, five of last quarter.
    for (let i = 0; i < 5; i++) files.push({ name: `副本-${files[i]!.name}`, data: files[i]!.data });
    const q2: Round = { ...round, id: 'R2025Q2-bench', periodId: '2025-Q2' };
    for (let i = 0; i < 5; i++) {
      const ru = round.units[i]!;
      const data = await writeRoundWorkbook({ district: round.district, periodName: '2025年第二季度', unit: ru.unit, dueDate: '2025-07-08', binding: makeBinding(q2, ru.unit, ru.taskKeys), tasks: ru.taskKeys.map((k) => ({ key: k, title: byKey.get(k)!.title, text: byKey.get(k)!.text, role: 'lead' })) });
      files.push({ name: `二季度-${ru.unit}.xlsx`, data });
    }
  }
  return { files, ctx: { round, periodName: '2025年第三季度', tasks, targets, earlier: [] } };
}

/** The app's path over the whole drop: per-file read times and the total including planning. */
export async function appRecognise(files: { name: string; data: Uint8Array }[], ctx: ReturnContext): Promise<{ totalMs: number; perFileMs: number[]; accepted: number; refused: number; merges: number }> {
  const t0 = performance.now();
  const read = [];
  const perFileMs: number[] = [];
  for (const f of files) {
    const t = performance.now();
    read.push(await readReturnedFile(f.name, f.data));
    perFileMs.push(performance.now() - t);
  }
  const plans = planReturns(read, ctx);
  const merges = planMerges(plans, ctx.round, new Map());
  const totalMs = performance.now() - t0;
  return { totalMs, perFileMs, accepted: plans.filter((p) => !p.refused).length, refused: plans.filter((p) => p.refused).length, merges: merges.length };
}

/** Bare SheetJS: read every file and turn every sheet into rows. */
export function bareRead(files: { name: string; data: Uint8Array }[]): number {
  const t0 = performance.now();
  for (const f of files) {
    const wb = XLSX.read(f.data, { type: 'array', dense: true });
    for (const s of wb.SheetNames) XLSX.utils.sheet_to_json(wb.Sheets[s]!, { header: 1 });
  }
  return performance.now() - t0;
}
