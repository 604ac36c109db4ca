/**
 * The cold start as an office has it from its second start on (bench/lib/kept-start.ts), for
 * several builds interleaved round by round; each build is an app folder and the bench page built
 * from the same code (`app:page`: the page writes the store in that build's schema).
 * `npx tsx bench/tools/kept-start.ts <rounds> <later starts> <app:page> [app:page…]`
 */
import { loadavg } from 'node:os';
import { serveDirs } from '../lib/serve';
import { keptStoreStarts } from '../lib/kept-start';
import { fmt, summarise } from '../lib/stats';

const [roundsArg, startsArg, ...builds] = process.argv.slice(2);
const rounds = Number(roundsArg);
const starts = Number(startsArg);
if (!(rounds > 0) || !(starts > 0) || builds.length === 0 || builds.some((b) => !b.includes(':'))) throw new Error('usage: kept-start.ts <rounds> <later starts> <app:page> [app:page…]');
const servers = await Promise.all(builds.map((b) => serveDirs(b.split(':')[0]!, b.split(':')[1]!)));
const first: number[][] = builds.map(() => []);
const later: number[][] = builds.map(() => []);
try {
  for (let round = 0; round < rounds; round++)
    for (let k = 0; k < builds.length; k++) {
      const i = round % 2 ? builds.length - 1 - k : k;
      const r = await keptStoreStarts(servers[i]!.url, starts);
      first[i]!.push(r.first);
      later[i]!.push(...r.later);
      console.log(`${new Date().toISOString()} round ${round + 1} ${builds[i]}: first ${r.first.toFixed(0)} (then ${r.keptHeads} heads kept), later ${r.later.map((t) => t.toFixed(0)).join(' ')} ms, load ${loadavg()[0]!.toFixed(2)}`);
    }
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
for (let i = 0; i < builds.length; i++) {
  console.log(`${builds[i]}: first start ${fmt(summarise(first[i]!))}`);
  console.log(`${builds[i]}: later starts on the kept store ${fmt(summarise(later[i]!))}`);
}
