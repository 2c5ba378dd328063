import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { expectAccessible, LANGS, LANGUAGE_BUTTON, m } from './support/kiosk-page.js';

/**
 * Test mode shows: every screen of a kiosk on simulated devices carries the TEST MODE mark, in the
 * language on screen. The page is opened the way `npm start` opens it, through the 0600 launch
 * file (the token never on Chromium's command line). A kiosk whose journal cannot take a payment
 * refuses visits, and says so on the attract screen in the resident's language.
 */
test('the TEST MODE mark is on every screen, in each language', async ({ page, kiosk }) => {
  await page.goto(`file://${kiosk.launchFile}`);
  // The launch page forwarded to the kiosk; the renderer moved the token out of the address bar.
  await expect(page).toHaveURL(`${kiosk.origin}/`);
  const mark = page.getByTestId('test-mode-mark');
  await expect(mark).toContainText(m('zh-Hant', 'testMode.mark'));
  await expectAccessible(page);
  await screenshot(page, 'zh-Hant-test-mode-01-attract');
  for (const lang of LANGS) {
    await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
    await expect(page.getByRole('button', { name: m(lang, 'services.queue-ticket'), exact: true })).toBeVisible();
    await expect(mark).toHaveText(`${m(lang, 'testMode.mark')} ${m(lang, 'testMode.detail')}`);
    await expectAccessible(page);
    await screenshot(page, `${lang}-test-mode-02-menu`);
    await page.goto(kiosk.url); // back to the attract screen (the next start ends this visit)
  }
});

test.describe('out of service', () => {
  // No filesystem has ten terabytes free: the journal is never writable enough for a payment.
  test.use({ hostConfig: { simulators: { delayMs: 0, paymentDefault: 'wait' }, journal: { minFreeMegabytes: 10_000_000 } } });

  test('a kiosk whose journal cannot take a payment refuses visits and says why', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    for (const lang of ['en', 'zh-Hant'] as const) {
      await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
      const alert = page.getByRole('alert');
      await expect(alert).toHaveText(m(lang, 'errors.journal-unavailable'));
      await expect(alert).toHaveAttribute('lang', lang);
      await expectAccessible(page);
      await screenshot(page, `${lang}-out-of-service-01-attract`);
    }
    await expect(page.getByRole('button', { name: m('en', 'services.queue-ticket'), exact: true })).toHaveCount(0);
  });
});
