import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { m, throughToPayment } from './renewal-steps.js';
import { startFromOverview } from './support/kiosk-page.js';

/**
 * The idle timeout as a resident meets it: after the quiet period a warning counts down; one touch
 * keeps the visit; letting it run out wipes the session, asks for the card left on the reader, and
 * returns to the attract screen once it is taken.
 * (The shortest quiet period the configuration accepts is 10 s; the warning is never under 30 s.)
 */
test.use({ hostConfig: { simulators: { delayMs: 0, paymentDefault: 'wait' }, idle: { timeoutSeconds: 10, warningSeconds: 30 } } });
test.setTimeout(90_000);

test('warns after the quiet period; one touch keeps the visit; running out returns to the start', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  await page.getByRole('button', { name: 'Change contact details', exact: true }).click();
  await startFromOverview(page, 'en');
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
  await expect(page.getByRole('heading', { name: 'Hello, CHAN TAI MAN!' })).toBeVisible();

  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toContainText(/This service ends in \d+ seconds?\./);
  await screenshot(page, 'en-05-idle-warning');

  await warning.getByRole('button', { name: 'Continue' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Hello, CHAN TAI MAN!' })).toBeVisible();

  // Leave it alone this time: 10 s quiet + 30 s warning. The card is still on the reader: the kiosk asks for it.
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Please take your ID card' })).toBeVisible({ timeout: 40_000 });
  await screenshot(page, 'en-06-idle-take-card');
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  await expect(page.getByRole('heading', { name: '歡迎使用自助服務' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
});

test('the idle timeout never abandons a payment in flight: the sale completes and the receipt shows', async ({ page, kiosk }) => {
  test.setTimeout(150_000);
  await throughToPayment(page, kiosk, 'en', { shots: false });
  await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
  await expect(page.locator('[data-application-state="paying"]')).toBeVisible();
  // Longer than the quiet period and the whole warning: the host holds the session while money moves.
  await page.waitForTimeout(45_000);
  await expect(page.locator('[data-application-state="paying"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: '歡迎使用自助服務' })).toBeHidden();
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 20_000 });
});
