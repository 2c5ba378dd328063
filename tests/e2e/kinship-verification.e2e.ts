import { expect, test } from './fixtures/kiosk-host.js';
import { CHANG, identifiedAndVerified } from './kinship-steps.js';
import { checkScreen, kioskAt, type Lang, m, OFFICE_HOURS } from './support/kiosk-page.js';

/**
 * Kinship verification end to end: the relation, the related person's ID number on the keypad (a
 * wrong check digit is refused in the resident's language and nothing typed is lost), then the
 * free application is sent and the receipt says when the result is due.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

for (const lang of ['zh-Hans', 'pt'] as const satisfies readonly Lang[]) {
  test(`kinship verification end to end in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(120_000); // the receipt is checked twice: the choice, then printed
    const flow = 'kinship-verification';
    await identifiedAndVerified(page, kiosk, lang, 'kinship-verification', CHANG);

    await expect(page.getByRole('heading', { name: m(lang, 'kinship.verifyTitle') })).toBeVisible();
    await checkScreen(page, lang, flow, 1, 'enter-id');
    await page.locator('[data-relation="parent"]').click();
    await expect(page.locator('[data-relation="parent"]')).toHaveAttribute('aria-pressed', 'true');
    // 1100001(6): the check digit of 1100001 is 5.
    for (const digit of '11000016') await page.getByRole('button', { name: digit, exact: true }).click();
    await expect(page.getByTestId('related-id')).toHaveText('1100001(6)');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
    await expect(page.getByRole('alert')).toHaveText(new RegExp(m(lang, 'kinship.invalidId')));
    await expect(page.getByTestId('related-id')).toHaveText('1100001(6)');
    await checkScreen(page, lang, flow, 2, 'invalid-id');

    // Correct only the last digit.
    await page.getByRole('button', { name: m(lang, 'pin.delete') }).click();
    await page.getByRole('button', { name: '5', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('related-id')).toHaveText('1100001(5)');
    await checkScreen(page, lang, flow, 3, 'valid-id');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();

    // Free: straight to the receipt, with the date the result is due (5 working days from the day after).
    await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
    // Applied Tuesday 24 November 2026: working days 25, 26, 27, 30 November and 1 December.
    await expect(page.getByTestId('result-due-by')).toContainText(lang === 'pt' ? '1 de dezembro de 2026' : '2026年12月1日');
    // Nothing prints until the resident asks: the QR to photograph, a print, or both.
    await expect(page.getByTestId('receipt-choice')).toHaveText(m(lang, 'receipt.choice'));
    expect(((await kiosk.state()) as { 'receipt-printer': { printedCount: number } })['receipt-printer'].printedCount).toBe(0);
    await checkScreen(page, lang, flow, 4, 'receipt-choice');
    await page.getByRole('button', { name: m(lang, 'receipt.print') }).click();
    await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
    await checkScreen(page, lang, flow, 4, 'receipt');
    const terminal = ((await kiosk.state()) as { 'payment-terminal': { transactions: unknown[] } })['payment-terminal'];
    expect(terminal.transactions).toEqual([]);
  });
}

test('a printer that fails while printing the receipt: the application is in, the QR on screen serves as the receipt; printed once it is back (en)', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await identifiedAndVerified(page, kiosk, 'en', 'kinship-verification', CHANG);
  await page.locator('[data-relation="parent"]').click();
  for (const digit of '11000015') await page.getByRole('button', { name: digit, exact: true }).click();
  // The printer works when the receipt starts (a printer known to be down beforehand gives the
  // on-screen receipt instead: availability.e2e.ts), then drops off the line while printing.
  await kiosk.control({ device: 'receipt-printer', action: 'set-latency', ms: 5000 });
  await page.getByRole('button', { name: m('en', 'greeting.continue') }).click();

  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: m('en', 'receipt.print') }).click();
  await expect(page.getByText(m('en', 'receipt.printing'))).toBeVisible();
  await kiosk.control({ device: 'receipt-printer', action: 'disconnect' });
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  // Free, so "submitted" without "and paid"; the QR with the number stays on screen.
  await expect(page.getByTestId('print-problem')).toHaveText('Your application has been submitted. The QR code on this screen serves as your receipt: please photograph it.');
  await expect(page.getByRole('img', { name: m('en', 'receipt.qrLabel') })).toBeVisible();
  await checkScreen(page, 'en', 'kinship-verification', 5, 'receipt-print-failed');

  await kiosk.control({ device: 'receipt-printer', action: 'reconnect' });
  await kiosk.control({ device: 'receipt-printer', action: 'set-latency', ms: 0 });
  // The host reopens the printer by itself once it is back on the line.
  await expect
    .poll(async () => ((await kiosk.state()) as { 'receipt-printer': { open: boolean } })['receipt-printer'].open, { timeout: 30_000 })
    .toBe(true);
  await page.getByRole('button', { name: m('en', 'receipt.printAgain') }).click();
  await expect(page.getByText(m('en', 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('print-problem')).toHaveCount(0);
  // What the resident takes away: the service by name in both languages, the masked applicant, the due date.
  const printer = ((await kiosk.state()) as { 'receipt-printer': { printedCount: number; lastText: string } })['receipt-printer'];
  expect(printer.printedCount).toBe(1);
  expect(printer.lastText).toContain('核實親屬關係');
  expect(printer.lastText).toContain('Confirmação de relação de parentesco');
  expect(printer.lastText).toContain('結果日期 Resultado até: 2026-12-01');
  expect(printer.lastText).toContain('2026-11-24 10:30');
  expect(printer.lastText).not.toContain('kinship-verification');
});
