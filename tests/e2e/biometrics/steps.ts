import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture } from '../fixtures/kiosk-host.js';
import { captureAllFingers } from '../support/ten-print.js';
import { startFromOverview } from '../support/kiosk-page.js';

/** From the attract screen to the fingerprint step of a permanent renewal, in English. */
export async function toFingerprintStep(page: Page, kiosk: KioskHostFixture): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  await page.getByRole('button', { name: 'Renew permanent resident ID card', exact: true }).click();
  await startFromOverview(page, 'en');
  // The host allows this card's renewal today (chan-tai-man's card is not yet in its renewal window).
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'expired' });
  await expect(page.getByRole('heading', { name: 'Hello, LAM MEI LENG!' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Verify your fingerprint' })).toBeVisible();
}

/** Verifies with a good finger and moves on to the photo. */
export async function throughFingerprint(page: Page, kiosk: KioskHostFixture): Promise<void> {
  await toFingerprintStep(page, kiosk);
  await expect(page.getByText('Place your right thumb on the scanner.')).toBeVisible();
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // Verified: the prints follow by themselves.
  // Fingerprints for the new card (the two standard fingers), then the photo.
  await captureAllFingers(page, kiosk, 'en', 2);
  await expect(page.getByRole('heading', { name: 'Your photo' })).toBeVisible();
  // The camera opens at once (a scanned print is offered beside it).
}

/** The host's steps put the height between the photo and the signature. */
export async function throughHeight(page: Page, kiosk: KioskHostFixture): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Measure your height' })).toBeVisible();
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1720 });
  await expect(page.getByText('Your height: 172 cm')).toBeVisible({ timeout: 20_000 });
}

/** The permanent renewal scans the ID card's surface (front, back) between the height and the signature. */
export async function throughCardScan(page: Page, kiosk: KioskHostFixture): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Scan your ID card' })).toBeVisible();
  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'id-card' });
  for (const side of ['Front', 'Back']) {
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await expect(page.getByRole('img', { name: `${side} of the card` })).toBeVisible({ timeout: 20_000 });
  }
  // Both sides scanned: the signature follows by itself.
}
