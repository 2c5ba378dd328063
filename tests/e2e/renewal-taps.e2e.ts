import { expect, test } from './fixtures/kiosk-host.js';
import { m, RENEWABLE, throughToPayment } from './renewal-steps.js';

/**
 * The measure: a permanent renewal takes at most 10 taps from the menu to the receipt, with
 * no Continue after a successful device step. Every tap on a control (a `click` on a button or
 * other control) is counted in the page, with the screen (its title) it was made on; the signature
 * is a stroke on the pad, not a tap, and is not counted. The resident: RENEWABLE (LAM MEI LENG,
 * profile `expired`), two standard prints, the live photo; the back office's seed asks every adult
 * for a height, so this plan has a height step (measured by itself, no tap).
 */
declare global {
  interface Window {
    __taps?: string[];
  }
}

test('a permanent renewal takes at most 10 taps from the menu to the receipt (en)', async ({ page, kiosk }) => {
  test.setTimeout(300_000);
  await page.addInitScript((menuTitle: string) => {
    document.addEventListener(
      'click',
      (event) => {
        const control = event.target instanceof Element ? event.target.closest('button, a, [role="button"], input') : null;
        if (!control) return;
        const screen = document.querySelector('.kiosk h1')?.textContent ?? '?';
        // Counting starts at the menu (the language chosen before it is not the renewal's).
        if (window.__taps === undefined && screen === menuTitle) window.__taps = [];
        window.__taps?.push(screen);
      },
      { capture: true },
    );
  }, m('en', 'menu.title'));

  await throughToPayment(page, kiosk, 'en', { shots: false });
  await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 20_000 });

  const taps = await page.evaluate(() => window.__taps ?? []);
  // No Continue after the fingerprint, the ten-print or the card scan: their screens take no tap to leave.
  for (const title of ['fingerprint.title', 'tenPrint.title']) expect(taps).not.toContain(m('en', title));
  expect(taps.filter((title) => title === m('en', 'cardScan.title'))).toHaveLength(2); // one Scan per side
  // The gauge measures by itself once the resident stands still: no tap on the height screen either.
  expect(taps).not.toContain(m('en', 'height.title'));
  console.log(`renewal taps menu→receipt: ${taps.length} (${RENEWABLE.profile}): ${taps.join(' | ')}`);
  expect(taps.length).toBeLessThanOrEqual(10);
});
