import { expect, test } from './fixtures/kiosk-host.js';
import { CHAN, confirmSummary, identifiedAndVerified } from './kinship-steps.js';
import { toPayment } from './lost-answer-steps.js';
import { checkScreen, kioskAt, LANGUAGE_BUTTON, LANGS, m, OFFICE_HOURS } from './support/kiosk-page.js';

/**
 * Availability on the touchscreen (electron/host/availability): a service whose devices do not work
 * is greyed out with the reason, in the resident's language; when nothing can be offered the kiosk
 * shows the out-of-service page in every language, and comes back by itself when the devices do.
 */

const CARD_SERVICES = ['renew-permanent', 'renew-nonpermanent', 'kinship-certificate', 'card-authenticity', 'chip-data-print'] as const;
const DEVICES = ['card-reader', 'fingerprint-scanner', 'camera', 'height-gauge', 'payment-terminal', 'receipt-printer'] as const;

test('the card reader unplugged greys out the card services, with the reason, in zh-Hant and en', async ({ page, kiosk }) => {
  await kiosk.control({ device: 'card-reader', action: 'disconnect' });
  await page.goto(kiosk.url);
  for (const lang of ['zh-Hant', 'en'] as const) {
    await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
    for (const service of CARD_SERVICES) {
      const tile = page.locator(`[data-service="${service}"]`);
      await expect(tile).toBeDisabled();
      await expect(tile).toContainText(m(lang, 'menu.deviceDown.card-reader'));
    }
    // What needs no card is still offered, with no reason shown.
    const queue = page.locator('[data-service="queue-ticket"]');
    await expect(queue).toBeEnabled();
    await expect(queue).toHaveText(m(lang, 'services.queue-ticket'));
    await checkScreen(page, lang, 'availability', 1, 'card-reader-unplugged');
    await page.getByRole('button', { name: m(lang, 'actions.cancel') }).click();
  }
  // Plugged back: the tiles come back without a reload.
  await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().click();
  await kiosk.control({ device: 'card-reader', action: 'reconnect' });
  await expect(page.locator('[data-service="renew-permanent"]')).toBeEnabled({ timeout: 15_000 });
  await expect(page.locator('[data-service="renew-permanent"]')).toHaveText(m('en', 'services.renew-permanent'));
});

test('everything unplugged shows the out-of-service page in the four languages; replugged, the kiosk is back by itself', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible();
  for (const device of DEVICES) await kiosk.control({ device, action: 'disconnect' });
  const page404 = page.getByTestId('out-of-service');
  await expect(page404).toBeVisible();
  for (const lang of LANGS) {
    await expect(page404.locator(`section[lang="${lang}"] h1`)).toHaveText(m(lang, 'outOfService.title'));
    await expect(page404.locator(`section[lang="${lang}"]`)).toContainText(m(lang, 'pickupPlaces.hq'));
  }
  // No language button: no visit can start from this page.
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true })).toHaveCount(0);
  await checkScreen(page, 'zh-Hant', 'availability', 2, 'out-of-service');

  for (const device of DEVICES) await kiosk.control({ device, action: 'reconnect' });
  // The DeviceHub reconnects with back-off; the attract screen returns with no touch and no reload.
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page404).toHaveCount(0);
  await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().click();
  await expect(page.locator('[data-service="renew-permanent"]')).toBeEnabled();
  await checkScreen(page, 'en', 'availability', 3, 'back-in-service');
});

test.describe('the printer before paying', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

  test('paper low, then out: the resident is told before paying; without paper the QR on screen is the receipt (en)', async ({ page, kiosk }) => {
    await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'near-end' });
    await identifiedAndVerified(page, kiosk, 'en', 'personal-data-certificate', CHAN);
    await page.locator('[data-item="nationality"]').click();
    await page.getByRole('button', { name: m('en', 'greeting.continue') }).click();
    await expect(page.getByRole('heading', { name: m('en', 'certificate.title') })).toBeVisible();
    await page.getByRole('button', { name: m('en', 'greeting.continue') }).click();
    await page.locator('[data-place="hq"]').click();
    await confirmSummary(page, 'en', /15[.,]00/);
    await expect(page.getByRole('heading', { name: m('en', 'payment.title') })).toBeVisible();
    await expect(page.getByTestId('receipt-notice')).toHaveText(m('en', 'payment.paperLow'));
    await checkScreen(page, 'en', 'availability', 4, 'payment-paper-low');

    await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'out' });
    await expect(page.getByTestId('receipt-notice')).toHaveText(m('en', 'payment.receiptOnScreen'));
    await checkScreen(page, 'en', 'availability', 5, 'payment-no-paper');
    await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
    await page.getByRole('button', { name: m('en', 'paymentMethods.macau-pass') }).click();
    await expect(page.getByTestId('receipt-on-screen')).toHaveText(m('en', 'receipt.onScreen'), { timeout: 20_000 });
    await expect(page.getByTestId('receipt-number')).toBeVisible();
    // Nothing was sent to a printer with no paper.
    expect(((await kiosk.state()) as { 'receipt-printer': { printedCount: number } })['receipt-printer'].printedCount).toBe(0);
    await checkScreen(page, 'en', 'availability', 6, 'receipt-on-screen');
  });

  test('the terminal goes offline at the payment screen: its methods are greyed with the reason, and come back with it (pt)', async ({ page, kiosk }) => {
    await toPayment(page, kiosk, 'pt');
    await expect(page.getByRole('button', { name: m('pt', 'paymentMethods.macau-pass') })).toBeEnabled();
    await kiosk.control({ device: 'payment-terminal', action: 'disconnect' });
    await expect(page.getByRole('button', { name: m('pt', 'paymentMethods.macau-pass') })).toBeDisabled();
    await expect(page.locator('[data-terminal-down]')).toHaveText(m('pt', 'payment.unavailable.terminal-offline'));
    await checkScreen(page, 'pt', 'availability', 7, 'payment-terminal-offline');
    await kiosk.control({ device: 'payment-terminal', action: 'reconnect' });
    await expect(page.getByRole('button', { name: m('pt', 'paymentMethods.macau-pass') })).toBeEnabled({ timeout: 15_000 });
    await expect(page.locator('[data-terminal-down]')).toHaveCount(0);
  });
});
