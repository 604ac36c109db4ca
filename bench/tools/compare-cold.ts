/**
 * The cold start of two or more builds of the app, interleaved start by start (bench step 4's
 * measure: a fresh profile holding 10,000 tasks, #/ledger to the first painted grid row).
 * `npx tsx bench/tools/compare-cold.ts <rounds> <appDir> [appDir…]` after `npm run bench app`
 * (it uses that run's bench page). Prints each start and each build's median with its spread.
 */
import { interleavedStarts, printMedians } from './interleaved-starts';

const [roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!rounds || dirs.length === 0) throw new Error('usage: compare-cold.ts <rounds> <appDir> [appDir…]');
const times = await interleavedStarts(rounds, dirs, (page) => page.evaluate(() => window.__firstRowAt!), 'ms');
printMedians(dirs, times, 'first row', 'ms');
