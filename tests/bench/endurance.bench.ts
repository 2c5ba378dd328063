/**
 * `npm run bench:endurance`: memory over a kiosk's long run.
 * - Host: an in-process host (simulated devices, its back-office simulator) over the raw KioskApi
 *   runs short visits (card read, identity finger, then leave) and a full renewal every 50th; RSS
 *   and heap after a forced GC at checkpoints. Figure: RSS growth from 10% of the run to its end
 *   (2,000 → 20,000 sessions in a full run; 200 → 2,000 quick). Needs `--expose-gc` (the script
 *   re-runs itself with it).
 * - Renderer: Chromium's JS heap after GC (CDP HeapProfiler.collectGarbage) over attract → menu →
 *   service → cancel visits of the real page against a browser-mode host; growth from visit 20 to
 *   200 (20 → 60 quick). `ENDURANCE_VISITS=0` skips it (to iterate on the host's memory). A heap
 *   snapshot at both ends splits the heap into the app's objects, compiled code (and the part of it
 *   that is Playwright's injected scripts, the bench's own driver) and Blink's objects
 *   (support/heap-census.ts); the JSON line carries the split. The budget's figure is
 *   getHeapUsage, which counts the objects and the code (Blink's objects live in Blink's heap).
 *   `ENDURANCE_CENSUS_EVERY=100` adds a snapshot every 100 visits (a long run's curve, printed at
 *   the end); `ENDURANCE_SNAPSHOTS=DIR` keeps the snapshots.
 * The host's journal and the back-office simulator's store are files in a temporary folder, as
 * on a kiosk (the journal) and the real back office (elsewhere): in memory (`ENDURANCE_IN_MEMORY=1`,
 * the old set-up) every application and its pictures stay in this process's RSS and the figure
 * measures the test harness, not the host.
 * Each host checkpoint splits RSS (JS heap, `external` and its ArrayBuffers, the rest: native
 * allocations such as libvips's); the JSON line carries the growth of each part.
 * Prints checkpoints, then one JSON line (last).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/playwright.config.js';
import { launchKioskHost } from '../e2e/support/host-process.js';
import { LANGUAGE_BUTTON, m } from '../e2e/support/kiosk-page.js';
import { startRawApiHost } from '../helpers/raw-api-host.js';
import { censusOf, type HeapCensus, heapSnapshot, type Snapshot } from './support/heap-census.js';
import { quick, renewOnce, shortVisit } from './support/renewal.js';

if (typeof globalThis.gc !== 'function') {
  // Run as the service unit runs the host (scripts/systemd): MALLOC_ARENA_MAX=2 unless set otherwise.
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
  const again = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  process.exit(again.status ?? 1);
}
const gc = globalThis.gc as () => void;
const mb = (bytes: number): number => Number((bytes / 1024 / 1024).toFixed(1));
const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

const sessions = Number(process.env.ENDURANCE_SESSIONS ?? (quick ? 2_000 : 20_000));
const from = Math.round(sessions / 10);
const inMemory = process.env.ENDURANCE_IN_MEMORY === '1';
const stateDir = mkdtempSync(join(tmpdir(), 'kiosk-endurance-'));
const raw = inMemory
  ? await startRawApiHost()
  : await startRawApiHost({ journal: { path: join(stateDir, 'journal.sqlite'), keyFile: join(stateDir, 'keys', 'journal.key') } }, undefined, { dbPath: join(stateDir, 'backoffice.sqlite') });
const rss: Array<{ session: number; rssMB: number; heapMB: number; externalMB: number; arrayBuffersMB: number }> = [];
try {
  const controls = raw.host.simulatorControls;
  if (!controls) throw new Error('no simulator controls');
  const checkpoint = (session: number): void => {
    gc();
    const usage = process.memoryUsage();
    rss.push({ session, rssMB: mb(usage.rss), heapMB: mb(usage.heapUsed), externalMB: mb(usage.external), arrayBuffersMB: mb(usage.arrayBuffers) });
    console.log(
      `host after ${session} sessions: RSS ${mb(usage.rss)} MB, heap ${mb(usage.heapUsed)} MB, external ${mb(usage.external)} MB (ArrayBuffers ${mb(usage.arrayBuffers)} MB)`,
    );
  };
  checkpoint(0);
  for (let i = 1; i <= sessions; i++) {
    if (i % 50 === 0) await renewOnce(raw.api, controls);
    else await shortVisit(raw.api, controls);
    if (i === from || i % Math.max(1, Math.round(sessions / 10)) === 0) checkpoint(i);
  }
} finally {
  await raw.close();
  rmSync(stateDir, { recursive: true, force: true });
}
const atFrom = rss.find((point) => point.session === from)!;
const atEnd = rss.at(-1)!;

// The renderer: visits of the real page; heap after a forced GC.
const visits = Number(process.env.ENDURANCE_VISITS ?? (quick ? 60 : 200));
const heap: Array<{ visit: number; heapMB: number; heapBytes: number }> = [];
// Heap snapshots' split at the first and last checkpoints (support/heap-census.ts), and every
// `ENDURANCE_CENSUS_EVERY` visits in between (a long run's curve). `ENDURANCE_SNAPSHOTS=DIR` keeps
// each snapshot (a .heapsnapshot file DevTools opens) to diff by constructor.
const censusEvery = Number(process.env.ENDURANCE_CENSUS_EVERY ?? 0);
const snapshotDir = process.env.ENDURANCE_SNAPSHOTS;
if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });
const censuses: Array<HeapCensus & { visit: number; heapBytes: number }> = [];
if (visits > 0) await rendererVisits();
async function rendererVisits(): Promise<void> {
  const host = await launchKioskHost({ simulators: { delayMs: 0, paymentDefault: 'wait' } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BROWSER_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(host.kiosk.url);
    const measure = async (visit: number): Promise<void> => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      heap.push({ visit, heapMB: mb(usedSize), heapBytes: usedSize });
      console.log(`renderer after ${visit} visits: heap ${mb(usedSize)} MB`);
    };
    for (let visit = 1; visit <= visits; visit++) {
      await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().click();
      await page.getByRole('button', { name: m('en', 'services.renew-permanent'), exact: true }).click();
      // Cancel on the place-card screen, confirming when asked.
      await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
      const confirm = page.getByRole('button', { name: m('en', 'cancelConfirm.cancel'), exact: true });
      if (await confirm.isVisible().catch(() => false)) await confirm.click();
      await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().waitFor();
      if (visit === 20 || visit % 20 === 0) await measure(visit);
      if (visit === 20 || visit === visits || (censusEvery > 0 && visit % censusEvery === 0)) {
        const snapshot = await heapSnapshot(cdp);
        if (snapshotDir) writeFileSync(join(snapshotDir, `visit-${visit}.heapsnapshot`), snapshot);
        const census = censusOf(JSON.parse(snapshot) as Snapshot);
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        censuses.push({ ...census, visit, heapBytes: usedSize });
        console.log(`renderer census at ${visit} visits: ${censusLine(census)}`);
      }
    }
  } finally {
    await browser.close();
    await host.stop(true);
  }
}
function censusLine(census: HeapCensus): string {
  const entries = Object.entries(census.performanceEntries).map(([name, count]) => `${name} ${count}`);
  return `objects ${kib(census.objectsBytes)} KiB, code ${kib(census.codeBytes)} KiB (Playwright's injected scripts ${kib(census.injectedCodeBytes)}), Blink ${kib(census.nativeBytes)} KiB; performance entries: ${entries.join(', ') || 'none'}`;
}
const heapFrom = heap.find((point) => point.visit === 20);
const heapEnd = heap.at(-1);
const censusFrom = censuses.find((census) => census.visit === 20);
const censusEnd = censuses.length > 1 ? censuses.at(-1) : undefined;
if (censusFrom && censusEnd) {
  for (const part of ['objectsBytes', 'codeBytes', 'injectedCodeBytes', 'nativeBytes'] as const) {
    console.log(`renderer ${part.replace('Bytes', '')}: ${kib(censusFrom[part])} → ${kib(censusEnd[part])} KiB (visit 20 → ${visits})`);
  }
  // The curve: getHeapUsage beside the snapshot's split at each census.
  // `other`: what getHeapUsage counts beyond the snapshot's objects and code (V8's own spaces);
  // Blink's objects live in Blink's heap, outside getHeapUsage.
  console.log('renderer curve (KiB): visit, getHeapUsage, objects, code (of which injected), other, Blink');
  for (const census of censuses) {
    const other = census.heapBytes - census.objectsBytes - census.codeBytes;
    const columns = [census.heapBytes, census.objectsBytes, census.codeBytes, census.injectedCodeBytes, other, census.nativeBytes].map(kib);
    console.log(`  ${census.visit}\t${columns.join('\t')}`);
  }
}
const splitKiB = (census: HeapCensus & { heapBytes: number }) => ({
  objects: Number(kib(census.objectsBytes)),
  code: Number(kib(census.codeBytes)),
  injectedCode: Number(kib(census.injectedCodeBytes)),
  other: Number(kib(census.heapBytes - census.objectsBytes - census.codeBytes)),
  blink: Number(kib(census.nativeBytes)),
});
console.log(
  JSON.stringify({
    bench: 'endurance',
    sessions,
    mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? 'default',
    databases: inMemory ? 'in-memory' : 'files',
    fromSession: from,
    rssFromMB: atFrom.rssMB,
    rssEndMB: atEnd.rssMB,
    rssGrowthMB: Number((atEnd.rssMB - atFrom.rssMB).toFixed(1)),
    heapGrowthMB: Number((atEnd.heapMB - atFrom.heapMB).toFixed(1)),
    externalGrowthMB: Number((atEnd.externalMB - atFrom.externalMB).toFixed(1)),
    arrayBuffersGrowthMB: Number((atEnd.arrayBuffersMB - atFrom.arrayBuffersMB).toFixed(1)),
    visits,
    ...(heapFrom && heapEnd
      ? {
          rendererHeapFromMB: heapFrom.heapMB,
          rendererHeapEndMB: heapEnd.heapMB,
          // From the bytes, not the MB shown (rounded to 0.1 MB: ±1.7 points on a 6 MB heap).
          rendererHeapGrowthPct: Number((((heapEnd.heapBytes - heapFrom.heapBytes) / heapFrom.heapBytes) * 100).toFixed(1)),
        }
      : {}),
    ...(censusFrom && censusEnd
      ? {
          rendererObjectsGrowthPct: Number((((censusEnd.objectsBytes - censusFrom.objectsBytes) / censusFrom.objectsBytes) * 100).toFixed(1)),
          rendererCodeGrowthKiB: Number(((censusEnd.codeBytes - censusFrom.codeBytes) / 1024).toFixed(1)),
          // Of the code's growth, what belongs to Playwright's injected scripts (the bench's driver, not the app).
          rendererInjectedCodeGrowthKiB: Number(((censusEnd.injectedCodeBytes - censusFrom.injectedCodeBytes) / 1024).toFixed(1)),
          rendererNativeGrowthKiB: Number(((censusEnd.nativeBytes - censusFrom.nativeBytes) / 1024).toFixed(1)),
          // The split itself, so that the growth explains itself: the app's objects, V8's compiled code, Blink's objects.
          rendererSplitFromKiB: splitKiB(censusFrom),
          rendererSplitEndKiB: splitKiB(censusEnd),
          rendererPerformanceEntriesEnd: censusEnd.performanceEntries,
        }
      : {}),
  }),
);
