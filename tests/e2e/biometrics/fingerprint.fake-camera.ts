import { expect, screenshot, test } from '../fixtures/kiosk-host.js';
import { toFingerprintStep } from './steps.js';

test('three failed tries on a finger offer another finger or the PIN; the PIN verifies', async ({ page, kiosk }) => {
  await toFingerprintStep(page, kiosk);
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 30, matches: true });
  await expect(page.getByText('The fingerprint was not clear enough. 2 tries left with this finger.')).toBeVisible();
  await screenshot(page, 'en-05b-fingerprint-retry');
  for (const left of [1, 0]) {
    await page.getByRole('button', { name: 'Try again' }).click();
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: false });
    await expect(page.getByText(left === 1 ? 'The fingerprint did not match. 1 try left with this finger.' : 'The fingerprint did not match. No tries left with this finger.')).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Use the left thumb' })).toBeVisible();
  await screenshot(page, 'en-05c-fingerprint-alternatives');
  await page.getByRole('button', { name: 'Use my PIN instead' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your 6-digit PIN' })).toBeVisible();
  for (const digit of '123456') await page.getByRole('button', { name: digit, exact: true }).click();
  await screenshot(page, 'en-05d-pin');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Your identity has been verified.')).toBeVisible();
});
