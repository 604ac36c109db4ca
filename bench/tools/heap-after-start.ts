/**
 * The JS heap of the open ledger (step 4's store: 10,000 tasks of 汉阳区) after a start, for one or
 * more builds, interleaved: the used heap once the first row is painted and the page has settled
 * (2 s), after a forced garbage collection, so that what is measured is what the page keeps.
 * `npx tsx bench/tools/heap-after-start.ts <rounds> <appDir> [appDir…]` after `npm run bench app`.
 */
import { interleavedStarts, printMedians } from './interleaved-starts';

const [roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!rounds || dirs.length === 0) throw new Error('usage: heap-after-start.ts <rounds> <appDir> [appDir…]');
const heaps = await interleavedStarts(
  rounds,
  dirs,
  async (page, context) => {
    await page.waitForTimeout(2000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 2 ** 20;
  },
  'MB',
);
printMedians(dirs, heaps, 'heap kept', 'MB');
