import { expect, test } from './fixtures/kiosk-host.js';
import { CHAN, confirmSummary, identifiedAndVerified, payByMacauPassToReceipt } from './kinship-steps.js';
import { checkScreen, kioskAt, type Lang, m, OFFICE_HOURS } from './support/kiosk-page.js';

/** The personal-data certificate end to end: items (at least one), copies with the live fee, pickup, payment, receipt. */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

for (const lang of ['en', 'zh-Hant'] as const satisfies readonly Lang[]) {
  test(`a personal-data certificate end to end in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    const flow = 'personal-data-certificate';
    await identifiedAndVerified(page, kiosk, lang, 'personal-data-certificate', CHAN);

    await expect(page.getByRole('heading', { name: m(lang, 'dataItems.title') })).toBeVisible();
    await expect(page.locator('[data-item]')).toHaveCount(6);
    await expect(page.locator('[data-item="former-names"]')).toHaveCount(0);
    await checkScreen(page, lang, flow, 1, 'items');
    // Nothing chosen: said, and the resident stays.
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
    await expect(page.getByRole('alert')).toHaveText(new RegExp(m(lang, 'dataItems.none')));
    await checkScreen(page, lang, flow, 2, 'items-none');
    await page.locator('[data-item="nationality"]').click();
    await page.locator('[data-item="parents-names"]').click();
    await expect(page.locator('[data-item="nationality"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await checkScreen(page, lang, flow, 3, 'items-chosen');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();

    // Paper only: no format choice, copies with the host's fee.
    await expect(page.getByRole('heading', { name: m(lang, 'certificate.title') })).toBeVisible();
    await expect(page.locator('[data-format]')).toHaveCount(0);
    const fee = page.getByTestId('live-fee');
    await expect(fee).toHaveText(/15[.,]00/);
    await page.getByRole('button', { name: m(lang, 'certificate.more') }).click();
    await expect(fee).toHaveText(/30[.,]00/);
    await checkScreen(page, lang, flow, 4, 'copies');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();

    await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
    await checkScreen(page, lang, flow, 5, 'pickup');
    await page.locator('[data-place="hq"]').click();
    await expect(page.getByRole('row', { name: new RegExp(m(lang, 'review.certificate')) })).toContainText('2');
    await confirmSummary(page, lang, /30[.,]00/, { flow, n: 5 });
    await payByMacauPassToReceipt(page, kiosk, lang, flow, 6, /30[.,]00/);
  });
}
