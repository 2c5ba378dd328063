import type { Page } from '@playwright/test';
import type { ProfileId } from '../../simulators/card-reader/profiles.js';
import { expect, type KioskHostFixture } from './fixtures/kiosk-host.js';
import { checkScreen, identify, type Lang, m, openService, expectBriefSuccess } from './support/kiosk-page.js';

/** Shared steps of the kinship, personal-data and guardian end-to-end tests. */
export const CHAN = { profile: 'chan-tai-man', nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' } as const;
export const CHANG = { profile: 'chang-weng-si', nameZh: '曾詠詩', nameLatin: 'CHANG WENG SI' } as const;

/** Menu → own card → greeting → fingerprint verified → the service's first own step. */
export async function identifiedAndVerified(
  page: Page,
  kiosk: KioskHostFixture,
  lang: Lang,
  service: string,
  person: { profile: ProfileId; nameZh: string; nameLatin: string },
): Promise<void> {
  await openService(page, kiosk, lang, service);
  await identify(page, kiosk, lang, person.profile, person);
  await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'fingerprint.verified'));
}

/** The summary before paying a certificate: the fee as priced, then "Confirm and pay". */
export async function confirmSummary(page: Page, lang: Lang, fee: RegExp, shot?: { flow: string; n: number }): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'review.summaryTitle') })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(m(lang, 'review.fee')) })).toContainText(fee);
  if (shot) await checkScreen(page, lang, shot.flow, shot.n, 'summary');
  await page.getByRole('button', { name: m(lang, 'review.confirmAndPay') }).click();
}

/** Lifts whatever card is on the reader and places `profile`. */
export async function swapCard(kiosk: KioskHostFixture, profile: ProfileId): Promise<void> {
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  await kiosk.control({ device: 'card-reader', action: 'place', profile });
}

/** Chooses a relation and reads `profile`'s card as that relative; waits for the list to show it. */
export async function addRelative(page: Page, kiosk: KioskHostFixture, lang: Lang, relation: string, profile: ProfileId, expectedCount: number): Promise<void> {
  await page.locator(`[data-relation="${relation}"]`).click();
  await expect(page.getByText(m(lang, 'kinship.placeCard', { relation: m(lang, `kinship.relations.${relation}`) }))).toBeVisible();
  await swapCard(kiosk, profile);
  await expect(page.locator('[data-relative]')).toHaveCount(expectedCount);
}

/** Pays with Macau Pass on the simulated terminal and waits for the printed receipt. */
export async function payByMacauPassToReceipt(page: Page, kiosk: KioskHostFixture, lang: Lang, flow: string, n: number, fee: RegExp): Promise<void> {
  await expect(page.getByRole('button', { name: m(lang, 'paymentMethods.macau-pass') })).toBeVisible();
  // The host priced the application from the choices made: the fee shown is the one charged.
  await expect(page.getByText(fee)).toBeVisible();
  await checkScreen(page, lang, flow, n, 'payment');
  await page.getByRole('button', { name: m(lang, 'paymentMethods.macau-pass') }).click();
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
  await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
  // Nothing prints until the resident asks.
  await page.getByRole('button', { name: m(lang, 'receipt.print') }).click();
  await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
  await checkScreen(page, lang, flow, n + 1, 'receipt');
}
