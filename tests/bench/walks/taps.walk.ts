import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../e2e/fixtures/kiosk-host.js';
import { throughToPayment } from '../../e2e/renewal-steps.js';
import { m } from '../../e2e/support/kiosk-page.js';

/**
 * Walks a permanent renewal, attract screen to receipt, the way the e2e tests do, while the page's
 * Event Timing observer keeps every interaction (tap) with its duration: input delay, handlers and
 * the next frame. Once unthrottled and once with the CPU slowed 4x through CDP (a low-end kiosk
 * PC). Writes the durations to tests/artifacts/bench/taps.json for taps.bench.ts.
 */
const walks = Number(process.env.TAPS_WALKS ?? (process.env.BENCH_QUICK === '1' ? 1 : 3));
const out = join(process.cwd(), 'tests/artifacts/bench');

type Tap = { name: string; duration: number; target: string };

async function observeTaps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const taps: Tap[] = [];
    (window as unknown as { __taps: Tap[] }).__taps = taps;
    const worst = new Map<number, Tap>();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (!entry.interactionId) continue;
        const tap = { name: entry.name, duration: entry.duration, target: (entry.target as Element | null)?.textContent?.slice(0, 40) ?? '' };
        const seen = worst.get(entry.interactionId);
        if (!seen) {
          worst.set(entry.interactionId, tap);
          taps.push(tap);
        } else if (tap.duration > seen.duration) Object.assign(seen, tap);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

async function renewal(page: Page, kiosk: Parameters<typeof throughToPayment>[1]): Promise<void> {
  await throughToPayment(page, kiosk, 'en', { shots: false });
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
  await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: m('en', 'receipt.qrLabel') })).toHaveAttribute('src', /^data:image\/png/, { timeout: 20_000 });
}

// Each walk is its own test: a fresh host and page, as a new resident finds the kiosk.
for (const throttle of [1, 4]) {
  for (let walk = 1; walk <= walks; walk++) {
    test(`taps over a permanent renewal, CPU ${throttle}x, walk ${walk}`, async ({ page, kiosk }) => {
      await observeTaps(page);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await renewal(page, kiosk);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `taps-${throttle}x-walk${walk}.json`), JSON.stringify(await page.evaluate(() => (window as unknown as { __taps: Tap[] }).__taps)));
    });
  }
}
