import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture } from '../fixtures/kiosk-host.js';
import { type Lang, m, expectBriefSuccess } from './kiosk-page.js';

/** The tester's view of the receipt printer (`kiosk.state()`). */
export interface PrinterState {
  'receipt-printer': { printedCount: number; lastText: string | null };
}

/** Fingerprint verification on the existing screen: one matching finger, then Continue. */
export async function verifyFingerprint(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'fingerprint.verified'));
}

/** Types on the on-screen keyboard, key by key (a space is the "Space" key). */
export async function typeOnKeyboard(page: Page, lang: Lang, text: string): Promise<void> {
  const keyboard = page.getByRole('group', { name: m(lang, 'keyboard.label') });
  for (const char of text) {
    const name = char === ' ' ? m(lang, 'keyboard.space') : char === '+' ? m(lang, 'keyboard.plus') : char;
    await keyboard.getByRole('button', { name, exact: true }).click();
  }
}

/** The receipt after a free application: its number on screen, as QR, and on paper. */
export async function expectReceipt(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<string> {
  await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
  // Nothing prints until the resident asks.
  await page.getByRole('button', { name: m(lang, 'receipt.print') }).click();
  await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
  const number = await page.getByTestId('receipt-number').innerText();
  const receiptNumber = number.slice(m(lang, 'receipt.number', { number: '' }).length).trim();
  expect(receiptNumber).toMatch(/^R\d{10}$/);
  const state = (await kiosk.state()) as unknown as PrinterState;
  expect(state['receipt-printer'].lastText).toContain(receiptNumber);
  return receiptNumber;
}
