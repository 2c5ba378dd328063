import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture } from '../fixtures/kiosk-host.js';
import { type Lang, m, expectBriefSuccess } from './kiosk-page.js';

/** The ten-print step (capture-fingerprints): presents `count` good fingers on the simulated scanner and continues. */
export async function captureAllFingers(page: Page, kiosk: KioskHostFixture, lang: Lang, count: number): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'tenPrint.title') })).toBeVisible();
  for (let i = 0; i < count; i++) await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'tenPrint.complete'));
}
