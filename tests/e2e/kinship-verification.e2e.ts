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
    test.setTimeout(90_000);
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
    await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
    await checkScreen(page, lang, flow, 4, 'receipt');
    const terminal = ((await kiosk.state()) as { 'payment-terminal': { transactions: unknown[] } })['payment-terminal'];
    expect(terminal.transactions).toEqual([]);
  });
}
