import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/kiosk-host.js';
import { markReady, submitRenewal } from './support/backoffice.js';
import { checkScreen, kioskAt, type Lang, m, OFFICE_HOURS, openService, leaveKiosk } from './support/kiosk-page.js';

/**
 * Collection by receipt, typed on the keypad (the camera path is in tests/e2e/collection-camera/):
 * the host asks the back office and answers with the masked name and where to go.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

async function typeReceipt(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
}

for (const lang of ['zh-Hant', 'en'] as const satisfies readonly Lang[]) {
  test(`a ready document: the typed receipt number gives the masked name and counter C12 (${lang})`, async ({ page, kiosk }) => {
    const receiptNumber = await submitRenewal(kiosk);
    await markReady(kiosk, receiptNumber);
    await openService(page, kiosk, lang, 'document-pickup');
    await expect(page.getByRole('heading', { name: m(lang, 'collection.title') })).toBeVisible();
    await checkScreen(page, lang, 'collection', 1, 'enter');

    await typeReceipt(page, receiptNumber.slice(1));
    await expect(page.getByTestId('typed-receipt-number')).toHaveText(receiptNumber);
    await page.getByRole('button', { name: m(lang, 'collection.lookUp') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'collection.answerTitle') })).toBeVisible();
    await expect(page.getByText(m(lang, 'collection.goToCounter', { counter: 'C12' }))).toBeVisible();
    await expect(page.getByTestId('masked-name')).toHaveText(lang === 'en' ? 'CHAN T. M.' : '陳*文');
    await expect(page.getByText('CHAN TAI MAN')).toHaveCount(0);
    await expect(page.getByText('陳大文')).toHaveCount(0);
    await checkScreen(page, lang, 'collection', 2, 'ready');

    await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
    await leaveKiosk(page, kiosk, lang);
  });
}

test('an unknown number says so and keeps what was typed; corrected, it shows a document still processing (en)', async ({ page, kiosk }) => {
  const receiptNumber = await submitRenewal(kiosk); // R0000000001
  await openService(page, kiosk, 'en', 'document-pickup');
  await typeReceipt(page, '0000000009');
  await page.getByRole('button', { name: m('en', 'collection.lookUp') }).click();
  await expect(page.getByRole('alert')).toHaveText(new RegExp(m('en', 'errors.receipt-not-found')));
  // Nothing lost: the number is still there to correct.
  await expect(page.getByTestId('typed-receipt-number')).toHaveText('R0000000009');
  await checkScreen(page, 'en', 'collection', 3, 'not-found');

  await page.getByRole('button', { name: m('en', 'pin.delete') }).click();
  await typeReceipt(page, receiptNumber.slice(-1));
  await page.getByRole('button', { name: m('en', 'collection.lookUp') }).click();
  await expect(page.locator('[data-status="processing"]')).toContainText(/Still being processed\. Expected to be ready from .*2026/);
  await checkScreen(page, 'en', 'collection', 4, 'processing');

  // Another receipt starts afresh.
  await page.getByRole('button', { name: m('en', 'collection.another') }).click();
  await expect(page.getByTestId('typed-receipt-number')).toHaveText('R');
});
