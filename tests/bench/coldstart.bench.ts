/**
 * `npm run bench:coldstart`: spawn → first clickable button, as a kiosk powering up sees it. Each
 * run spawns the built browser-mode host (the start bundle `dist/host/standalone.js`, as `npm
 * start` does, via the e2e launcher), opens its page in an already running Chromium as soon as
 * the host announces itself, and stops the clock when the first enabled, visible button is there
 * (the help bar's, while the page still says it is connecting), then again at the attract screen's
 * language buttons (the host answered: a resident can start). Median of 10 (5 quick). Also prints the host's share (spawn → serving, spawn → listening: ready) and, in-process, what
 * importing zod and building the KioskApi schemas cost. Prints progress, then one JSON line (last).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/playwright.config.js';
import { launchKioskHost } from '../e2e/support/host-process.js';
import { quick, stats } from './support/renewal.js';

const runs = Number(process.env.COLDSTART_RUNS ?? (quick ? 5 : 10));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BROWSER_ARGS });
const total: number[] = [];
const hostReady: number[] = [];
const hostServing: number[] = [];
const ready: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    const started = performance.now();
    // The page is opened at the host's `serving` line, as `npm start` opens Chromium: it loads while the host starts.
    let opened: Promise<unknown> | undefined;
    let serving = Number.NaN;
    const host = await launchKioskHost(
      { simulators: { delayMs: 150, paymentDefault: 'wait' } },
      {
        onServing: ({ url }) => {
          serving = performance.now();
          opened = page.goto(url);
          opened.catch(() => {}); // awaited below; a failure must not be an unhandled rejection meanwhile
        },
      },
    );
    const listening = performance.now();
    try {
      if (!opened) throw new Error('the host announced no serving line');
      await opened;
      await page.locator('button:not([disabled])').first().waitFor({ state: 'visible', timeout: 30_000 });
      total.push(performance.now() - started);
      // The first enabled button is the help bar's, there while the page still says it is
      // connecting; the attract screen's language buttons come with the host's first answer.
      await page.locator('button[lang]:not([disabled])').first().waitFor({ state: 'visible', timeout: 30_000 });
      ready.push(performance.now() - started);
      hostReady.push(listening - started);
      hostServing.push(serving - started);
      console.log(`run ${i + 1}: ${(performance.now() - started).toFixed(0)} ms (host serving after ${(serving - started).toFixed(0)} ms, listening after ${(listening - started).toFixed(0)} ms)`);
    } finally {
      await host.stop(true);
      await context.close();
    }
  }
} finally {
  await browser.close();
}

/** Import costs measured in a fresh Node each (the module cache would hide them otherwise). */
function importMs(code: string): number {
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', `const t=performance.now();${code};console.log(performance.now()-t)`], { encoding: 'utf8' }).trim());
}
const zodMs = stats([0, 1, 2].map(() => importMs("await import('zod')")));
const contractMs = stats([0, 1, 2].map(() => importMs("await import('./dist/node/electron/shared/kiosk-api/contract.js')")));
/**
 * The host's CPU time from spawn to serving (the page) and to listening (ready), utime + stime from
 * /proc read at each line: steadier than wall time on a machine other work shares, so before/after uses it.
 */
async function hostStartCpuMs(): Promise<{ serving: number; listening: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-coldstart-'));
  writeFileSync(join(dir, 'kiosk.json'), JSON.stringify({ simulators: { delayMs: 150, paymentDefault: 'wait' }, journal: { path: join(dir, 'j.sqlite'), keyFile: join(dir, 'keys', 'j.key') } }));
  const child = spawn(process.execPath, ['dist/host/standalone.js', '--config', join(dir, 'kiosk.json')], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, KIOSK_CONTROL_DISCOVERY: '0' },
  });
  const ticks: Record<string, number> = {};
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const { event } = JSON.parse(line) as { event: string };
      ticks[event] = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
      if (event === 'listening') resolve();
    });
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  // USER_HZ is 100 on Linux.
  return { serving: (ticks.serving ?? Number.NaN) * 10, listening: ticks.listening! * 10 };
}
const hostCpu: number[] = [];
const hostServingCpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const cpu = await hostStartCpuMs();
  hostCpu.push(cpu.listening);
  hostServingCpu.push(cpu.serving);
}
const hostCpuMs = stats(hostCpu);
const hostServingCpuMs = stats(hostServingCpu);
const figures = stats(total);
const host = stats(hostReady);
const usable = stats(ready);
const servingAt = stats(hostServing);
console.log(`spawn → first clickable button: min ${figures.min} / median ${figures.median} / max ${figures.max} ms; host listening median ${host.median} ms`);
console.log(`spawn → the attract screen's language buttons (connected): median ${usable.median} ms`);
console.log(`host serving (the page) median ${servingAt.median} ms; host CPU spawn → serving ${hostServingCpuMs.median} ms, → listening (ready) ${hostCpuMs.median} ms`);
console.log(`import zod ${zodMs.median} ms; import the KioskApi contract (zod + schemas) ${contractMs.median} ms`);
console.log(
  JSON.stringify({
    bench: 'coldstart',
    runs,
    minMs: figures.min,
    medianMs: figures.median,
    maxMs: figures.max,
    hostServingMedianMs: servingAt.median,
    hostListeningMedianMs: host.median,
    languageButtonsMedianMs: usable.median,
    hostServingCpuMs: hostServingCpuMs.median,
    hostStartCpuMs: hostCpuMs.median,
    importZodMs: zodMs.median,
    importContractMs: contractMs.median,
  }),
);
