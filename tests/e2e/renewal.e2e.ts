import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { decodeQrOnScreen, expectAccessible, type Lang, m, RENEWABLE, shot, throughToPayment, toGreeting } from './renewal-steps.js';
import { leaveKiosk } from './support/kiosk-page.js';

/**
 * The permanent ID card renewal end to end, following the steps of the host's evaluation:
 * fingerprint → photo (share code: no camera here) → height → signature → review → pickup →
 * payment → receipt with the receipt number as QR on screen and on paper.
 */
interface PrinterState {
  'receipt-printer': { printedCount: number; lastText: string | null };
}

for (const lang of ['zh-Hant', 'en'] as const satisfies readonly Lang[]) {
  test(`renews a permanent ID card end to end in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(240_000);
    await throughToPayment(page, kiosk, lang, { shots: true });

    await page.getByRole('button', { name: m(lang, 'paymentMethods.unionpay-quickpass') }).click();
    // The terminal waits for the card: the host reports the payment in progress, and cancel is disabled.
    await expect(page.locator('[data-application-state="paying"]')).toHaveText(m(lang, 'payment.paying'));
    await expect(page.getByRole('button', { name: m(lang, 'actions.cancel') })).toBeDisabled();
    await expectAccessible(page);
    await shot(page, lang, 11, 'paying');
    await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });

    await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
    // Nothing prints until the resident asks: the QR to photograph, or a print, or both.
    await expect(page.getByTestId('receipt-choice')).toHaveText(m(lang, 'receipt.choice'));
    expect(((await kiosk.state()) as unknown as PrinterState)['receipt-printer'].printedCount).toBe(0);
    await expectAccessible(page);
    await shot(page, lang, 12, 'receipt-choice');
    await page.getByRole('button', { name: m(lang, 'receipt.print') }).click();
    await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
    const number = await page.getByTestId('receipt-number').innerText();
    const receiptNumber = number.slice(m(lang, 'receipt.number', { number: '' }).length).trim();
    expect(receiptNumber.length).toBeGreaterThan(3);
    expect(await decodeQrOnScreen(page, m(lang, 'receipt.qrLabel'))).toBe(receiptNumber);
    await expectAccessible(page);
    await shot(page, lang, 12, 'receipt');

    const state = (await kiosk.state()) as unknown as PrinterState;
    expect(state['receipt-printer'].printedCount).toBe(1);
    expect(state['receipt-printer'].lastText).toContain(receiptNumber);

    await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
    await leaveKiosk(page, kiosk, lang);
  });
}

test('a card whose renewal the host refuses shows each reason and where to go', async ({ page, kiosk }) => {
  await toGreeting(page, kiosk, 'en', 'wong-siu-ming', 'WONG SIU MENG');
  await expect(page.getByRole('heading', { name: m('en', 'refusal.title') })).toBeVisible();
  const reasons = page.getByTestId('refusal-reasons');
  await expect(reasons.locator('[data-reason="renewal-window-not-open"]')).toHaveText(m('en', 'reasons.renewal-window-not-open'));
  await expect(reasons.locator('[data-reason="age-under-18-on-issue-date"]')).toHaveText(m('en', 'reasons.age-under-18-on-issue-date'));
  await expect(page.getByText(m('en', 'refusal.notAllowed'))).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'en', 4, 'refusal');
  await page.getByRole('button', { name: m('en', 'actions.finish') }).click();
  await leaveKiosk(page, kiosk, 'en');
});

test('chan-tai-man cannot renew yet: the refusal names the date the renewal window opens (zh-Hant)', async ({ page, kiosk }) => {
  await toGreeting(page, kiosk, 'zh-Hant', 'chan-tai-man', '陳大文');
  await expect(page.getByRole('heading', { name: m('zh-Hant', 'refusal.title') })).toBeVisible();
  await expect(page.locator('[data-reason="renewal-window-not-open"]')).toHaveText(m('zh-Hant', 'reasons.renewal-window-not-open'));
  await expect(page.getByText(/2032/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'zh-Hant', 4, 'refusal');
});

test('a declined payment says why, and the resident then pays another way', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await throughToPayment(page, kiosk, 'en', { shots: false });
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'decline', reason: 'insufficient-funds' });
  await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
  await expect(page.getByRole('alert')).toHaveText(m('en', 'payment.declined', { reason: m('en', 'declines.insufficient-funds') }));
  await expect(page.getByRole('button', { name: m('en', 'actions.cancel') })).toBeEnabled();
  await expectAccessible(page);
  await shot(page, 'en', 11, 'declined');

  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
  await page.getByRole('button', { name: m('en', 'paymentMethods.macau-pass') }).click();
  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 20_000 });
  // Nothing prints until the resident asks.
  await page.getByRole('button', { name: m('en', 'receipt.print') }).click();
  await expect(page.getByText(m('en', 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
  const state = (await kiosk.state()) as unknown as PrinterState;
  expect(state['receipt-printer'].printedCount).toBe(1);
});

test('cancelling on the payment screen cancels the unpaid application and ends the visit', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await throughToPayment(page, kiosk, 'en', { shots: false });
  await page.getByRole('button', { name: m('en', 'actions.cancel') }).click();
  // Asked first; keeping on changes nothing.
  const dialog = page.getByRole('alertdialog', { name: m('en', 'cancelConfirm.title') });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'en-money-06-cancel-confirm');
  await dialog.getByRole('button', { name: m('en', 'cancelConfirm.keep') }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: m('en', 'payment.title') })).toBeVisible();
  await page.getByRole('button', { name: m('en', 'actions.cancel') }).click();
  await dialog.getByRole('button', { name: m('en', 'cancelConfirm.cancel') }).click();
  await leaveKiosk(page, kiosk, 'en');
  const state = (await kiosk.state()) as unknown as { 'payment-terminal': { queue: unknown[] } };
  expect(state['payment-terminal'].queue).toEqual([]);
});

test('Cancel on a step asks first: "continue" keeps the step, "yes, cancel" ends the visit (zh-Hant)', async ({ page, kiosk }) => {
  await toGreeting(page, kiosk, 'zh-Hant', RENEWABLE.profile, RENEWABLE.nameZh);
  await expect(page.getByRole('heading', { name: m('zh-Hant', 'fingerprint.title') })).toBeVisible();
  await page.getByRole('button', { name: m('zh-Hant', 'actions.cancel') }).click();
  const dialog = page.getByRole('alertdialog', { name: m('zh-Hant', 'cancelConfirm.title') });
  await expect(dialog).toContainText(m('zh-Hant', 'cancelConfirm.text'));
  await expectAccessible(page);
  await screenshot(page, 'zh-Hant-renew-cancel-confirm');
  await dialog.getByRole('button', { name: m('zh-Hant', 'cancelConfirm.keep') }).click();
  await expect(page.getByRole('heading', { name: m('zh-Hant', 'fingerprint.title') })).toBeVisible();
  await page.getByRole('button', { name: m('zh-Hant', 'actions.cancel') }).click();
  await dialog.getByRole('button', { name: m('zh-Hant', 'cancelConfirm.cancel') }).click();
  await leaveKiosk(page, kiosk, 'zh-Hant');
});
