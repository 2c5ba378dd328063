import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture } from '../fixtures/kiosk-host.js';

/** From the attract screen to the fingerprint step of a permanent renewal, in English. */
export async function toFingerprintStep(page: Page, kiosk: KioskHostFixture): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  await page.getByRole('button', { name: 'Renew permanent resident ID card', exact: true }).click();
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
  await expect(page.getByRole('heading', { name: 'Hello, CHAN TAI MAN!' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Verify your fingerprint' })).toBeVisible();
}

/** Verifies with a good finger and moves on to the photo. */
export async function throughFingerprint(page: Page, kiosk: KioskHostFixture): Promise<void> {
  await toFingerprintStep(page, kiosk);
  await expect(page.getByText('Place your right thumb on the scanner.')).toBeVisible();
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  await expect(page.getByText('Your identity has been verified.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your photo' })).toBeVisible();
}
