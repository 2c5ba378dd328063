/**
 * `npm run bench:coldstart`: spawn → first clickable button, as a kiosk powering up sees it. Each
 * run spawns the built browser-mode host (the start bundle `dist/host/standalone.js`, as `npm
 * start` does, via the e2e launcher), opens its page in an already running Chromium as soon as
 * the host announces itself, and stops the clock when the first enabled, visible button is there
 * (the help bar's, while the page still says it is connecting), then again at the attract screen's
 * language buttons (the host answered: a resident can start). Median of 10 (5 quick). Also prints the host's share (spawn → listening) and, in-process, what
 * importing zod and building the KioskApi schemas cost. Prints progress, then one JSON line (last).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/playwright.config.js';
import { launchKioskHost } from '../e2e/support/host-process.js';
import { quick, stats } from './support/renewal.js';

const runs = Number(process.env.COLDSTART_RUNS ?? (quick ? 5 : 10));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BROWSER_ARGS });
const total: number[] = [];
const hostReady: number[] = [];
const ready: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    const started = performance.now();
    const host = await launchKioskHost({ simulators: { delayMs: 150, paymentDefault: 'wait' } });
    const listening = performance.now();
    try {
      await page.goto(host.kiosk.url);
      await page.locator('button:not([disabled])').first().waitFor({ state: 'visible', timeout: 30_000 });
      total.push(performance.now() - started);
      // The first enabled button is the help bar's, there while the page still says it is
      // connecting; the attract screen's language buttons come with the host's first answer.
      await page.locator('button[lang]:not([disabled])').first().waitFor({ state: 'visible', timeout: 30_000 });
      ready.push(performance.now() - started);
      hostReady.push(listening - started);
      console.log(`run ${i + 1}: ${(performance.now() - started).toFixed(0)} ms (host listening after ${(listening - started).toFixed(0)} ms)`);
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
 * The host's CPU time from spawn to listening (utime + stime from /proc, read when it announces
 * itself): steadier than wall time on a machine other work shares, so before/after uses it.
 */
async function hostStartCpuMs(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-coldstart-'));
  writeFileSync(join(dir, 'kiosk.json'), JSON.stringify({ simulators: { delayMs: 150, paymentDefault: 'wait' }, journal: { path: join(dir, 'j.sqlite'), keyFile: join(dir, 'keys', 'j.key') } }));
  const child = spawn(process.execPath, ['dist/host/standalone.js', '--config', join(dir, 'kiosk.json')], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, KIOSK_CONTROL_DISCOVERY: '0' },
  });
  const ticks = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
    child.stdout.once('data', () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      resolve(Number(fields[11]) + Number(fields[12])); // utime, stime (fields 14 and 15 of stat)
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return ticks * 10; // USER_HZ is 100 on Linux
}
const hostCpu: number[] = [];
for (let i = 0; i < runs; i++) hostCpu.push(await hostStartCpuMs());
const hostCpuMs = stats(hostCpu);
const figures = stats(total);
const host = stats(hostReady);
const usable = stats(ready);
console.log(`spawn → first clickable button: min ${figures.min} / median ${figures.median} / max ${figures.max} ms; host listening median ${host.median} ms`);
console.log(`spawn → the attract screen's language buttons (connected): median ${usable.median} ms`);
console.log(`host CPU spawn → listening: median ${hostCpuMs.median} ms`);
console.log(`import zod ${zodMs.median} ms; import the KioskApi contract (zod + schemas) ${contractMs.median} ms`);
console.log(
  JSON.stringify({
    bench: 'coldstart',
    runs,
    minMs: figures.min,
    medianMs: figures.median,
    maxMs: figures.max,
    hostListeningMedianMs: host.median,
    languageButtonsMedianMs: usable.median,
    hostStartCpuMs: hostCpuMs.median,
    importZodMs: zodMs.median,
    importContractMs: contractMs.median,
  }),
);
