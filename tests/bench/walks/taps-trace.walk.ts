import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from '../../e2e/fixtures/kiosk-host.js';
import { RENEWABLE, verifyByFingerprint, photoLive, m, throughToPayment } from '../../e2e/renewal-steps.js';
import { LANGUAGE_BUTTON, startFromOverview } from '../../e2e/support/kiosk-page.js';
import { captureAllFingers } from '../../e2e/support/ten-print.js';

/**
 * Diagnosis for `bench:taps` (issue 20): a Chromium performance trace (devtools.timeline, the
 * display compositor's `viz` and the V8 sampling profiler) around the "English" tap and each
 * card-scan "Scan" tap of a permanent renewal, with each tap's Event Timing printed. Writes
 * tests/artifacts/bench/trace-<throttle>x-<tap>.json (open in Chrome's Performance panel, or
 * `npx tsx tests/bench/support/trace-summary.ts FILE [ms]`). Run by hand, after a build:
 *   TAPS_TRACE_THROTTLE=4 npx playwright test -c tests/bench/walks/playwright.config.ts tests/bench/walks/taps-trace.walk.ts
 * TAPS_TRACE_TAPS=screens traces the screen-changing taps instead (the menu's service, the overview's
 * Start, the greeting's Continue) and stops there.
 * TAPS_TRACE_TAPS=payment walks untraced to the payment and traces the payment method's tap (UnionPay
 * QuickPass: the sale starts and the waiting state renders) and nothing else.
 * TAPS_TRACE_TAPS=english traces the English tap only. TAPS_TRACE_STYLE adds that CSS to the page (to try
 * a font list, say, against the same walk).
 * TAPS_TRACE_REDUCED_MOTION=1 emulates prefers-reduced-motion (the guidance pictures stand still).
 */
const throttle = Number(process.env.TAPS_TRACE_THROTTLE ?? 1);
/** The language tapped first (TAPS_TRACE_LANGUAGE, with TAPS_TRACE_TAPS=english: the menu in zh-Hant against English, say). */
const firstLanguage = (process.env.TAPS_TRACE_LANGUAGE ?? 'en') as keyof typeof LANGUAGE_BUTTON;
const out = join(process.cwd(), 'tests/artifacts/bench');
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'latencyInfo',
  'disabled-by-default-v8.cpu_profiler',
  'viz',
];

async function traced(cdp: CDPSession, name: string, action: () => Promise<void>): Promise<void> {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReturnAsStream' });
  const since = await cdp.send('Runtime.evaluate', { expression: 'performance.now()', returnByValue: true });
  await action();
  // The tap's own Event Timing (its slowest event), as bench:taps reads it.
  const timing = await cdp.send('Runtime.evaluate', {
    expression: `JSON.stringify((window.__events ?? []).filter((e) => e.startTime >= ${Number(since.result.value)}).sort((a, b) => b.duration - a.duration)[0] ?? null)`,
    returnByValue: true,
  });
  console.log(`${name} (${throttle}x): ${String(timing.result.value)}`);
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `trace-${throttle}x-${name}.json`), text);
}

/** Leaves a second for the tap's frames (and the answers it waits for) to be in the trace. */
const settle = (page: Page) => page.waitForTimeout(1500);

test(`trace of the English and Scan taps, CPU ${throttle}x`, async ({ page, kiosk }) => {
  await page.addInitScript(() => {
    const events: Array<{ name: string; duration: number; startTime: number; phases: string }> = [];
    (window as unknown as { __events: typeof events }).__events = events;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        if (e.interactionId) events.push({ name: e.name, duration: e.duration, startTime: e.startTime, phases: `delay ${Math.round(e.processingStart - e.startTime)}, handlers ${Math.round(e.processingEnd - e.processingStart)}, to paint ${Math.round(e.startTime + e.duration - e.processingEnd)}` });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  if (process.env.TAPS_TRACE_REDUCED_MOTION === '1') await page.emulateMedia({ reducedMotion: 'reduce' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(kiosk.url);
  // A constructed style sheet: the page's content security policy refuses a <style> element.
  if (process.env.TAPS_TRACE_STYLE) {
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, process.env.TAPS_TRACE_STYLE);
  }
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible();
  await page.waitForTimeout(3000); // the idle preloads of the start
  if (process.env.TAPS_TRACE_TAPS === 'payment') {
    await throughToPayment(page, kiosk, 'en', { shots: false });
    await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
    await page.waitForTimeout(1000);
    await traced(cdp, 'payment', async () => {
      await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
      await settle(page);
    });
    return;
  }
  await traced(cdp, 'english', async () => {
    await page.getByRole('button', { name: LANGUAGE_BUTTON[firstLanguage], exact: true }).first().click();
    await settle(page);
  });
  if (process.env.TAPS_TRACE_TAPS === 'english') return;
  // The taps that change the screen: the menu's service (the overview), the overview's Start (the
  // card reader's screen), the greeting's Continue (the first step), each traced when asked for.
  const screens = process.env.TAPS_TRACE_TAPS === 'screens';
  const tap = (name: string, action: () => Promise<void>) => (screens ? traced(cdp, name, async () => (await action(), await settle(page))) : action());
  await tap('service', () => page.getByRole('button', { name: m('en', 'services.renew-permanent'), exact: true }).click());
  await expect(page.locator('[data-testid="overview-time"]')).toBeVisible();
  await page.waitForTimeout(1000);
  await tap('start', () => startFromOverview(page, 'en'));
  await kiosk.control({ device: 'card-reader', action: 'place', profile: RENEWABLE.profile });
  await expect(page.getByRole('button', { name: m('en', 'greeting.continue') })).toBeVisible();
  await page.waitForTimeout(1000);
  await tap('continue', () => page.getByRole('button', { name: m('en', 'greeting.continue') }).click());
  if (screens) return;
  await verifyByFingerprint(page, kiosk, 'en');
  await captureAllFingers(page, kiosk, 'en', 2);
  await photoLive(page, 'en');
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1720 });
  await expect(page.getByRole('heading', { name: m('en', 'cardScan.title') })).toBeVisible({ timeout: 30_000 });
  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'id-card' });
  await page.waitForTimeout(3000);
  for (const side of ['front', 'back'] as const) {
    await expect(page.locator(`[data-side="${side}"]`)).toHaveText(m('en', `cardScan.place.${side}`));
    await traced(cdp, `scan-${side}`, async () => {
      await page.getByRole('button', { name: m('en', 'photo.scan.scan'), exact: true }).click();
      await expect(page.getByRole('img', { name: m('en', `cardScan.side.${side}`) })).toBeVisible({ timeout: 20_000 });
      await settle(page);
    });
  }
});
