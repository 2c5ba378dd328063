import { expect, screenshot, test } from './fixtures/kiosk-host.js';

/**
 * The idle timeout as a resident meets it: after the quiet period a warning counts down; one touch
 * keeps the visit; letting it run out wipes the session and returns to the attract screen.
 * (The shortest quiet period the configuration accepts is 10 s; the warning is never under 30 s.)
 */
test.use({ hostConfig: { simulators: { delayMs: 0, paymentDefault: 'wait' }, idle: { timeoutSeconds: 10, warningSeconds: 30 } } });
test.setTimeout(90_000);

test('warns after the quiet period; one touch keeps the visit; running out returns to the start', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  // A queue ticket starts without identifying anyone: straight to choosing the ticket.
  await page.getByRole('button', { name: 'Take a queue ticket', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Take a queue ticket' })).toBeVisible();

  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toContainText(/This service ends in \d+ seconds?\./);
  await screenshot(page, 'en-05-idle-warning');

  await warning.getByRole('button', { name: 'Continue' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Take a queue ticket' })).toBeVisible();

  // Leave it alone this time: 10 s quiet + 30 s warning.
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: '歡迎使用自助服務' })).toBeVisible({ timeout: 40_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
});
