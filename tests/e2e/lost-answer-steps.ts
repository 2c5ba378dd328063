import { expect, type Page } from '@playwright/test';
import type { KioskHostFixture } from './fixtures/kiosk-host.js';
import { CHAN, confirmSummary, identifiedAndVerified } from './kinship-steps.js';
import { type Lang, m } from './support/kiosk-page.js';

/** Steps to a payment whose answer the terminal loses (tests/e2e/lost-payment-answer.e2e.ts, maintenance.e2e.ts). */

type TerminalState = { 'payment-terminal': { transactions: Array<{ reference: string; state: string }> } };

/** A personal-data certificate (one paper copy, HQ) up to its payment screen. */
export async function toPayment(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await identifiedAndVerified(page, kiosk, lang, 'personal-data-certificate', CHAN);
  await page.locator('[data-item="nationality"]').click();
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'certificate.title') })).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
  await page.locator('[data-place="hq"]').click();
  await confirmSummary(page, lang, /15[.,]00/);
  await expect(page.getByRole('heading', { name: m(lang, 'payment.title') })).toBeVisible();
}

/** Pays; the terminal charges and loses its answer, and is unplugged before anyone can ask it. */
export async function payAndLoseTheAnswer(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: m(lang, 'paymentMethods.macau-pass') }).click();
  await expect(page.locator('[data-application-state="paying"]')).toBeVisible();
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'lose-response' });
  // Unplugged once the terminal has charged the card, before its (lost) answer: nobody can ask it now.
  await expect.poll(async () => ((await kiosk.state()) as unknown as TerminalState)['payment-terminal'].transactions.filter((t) => t.state === 'approved').length, { intervals: [10] }).toBe(1);
  await kiosk.control({ device: 'payment-terminal', action: 'disconnect' });
  await expect(page.getByText(m(lang, 'payment.checking'))).toBeVisible({ timeout: 15_000 });
}
