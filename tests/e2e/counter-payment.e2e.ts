import { expect, test } from './fixtures/kiosk-host.js';
import { throughToPayment } from './renewal-steps.js';
import { checkScreen, kioskAt, leaveKiosk, m, OFFICE_HOURS } from './support/kiosk-page.js';

/**
 * Paying at a counter [001 ID Q31]: in office hours the renewal's payment screen offers "Pay at a
 * counter" beside the kiosk's methods, with the rule (any DSI counter, by the close of office hours
 * today). The choice charges nothing; the receipt says the fee is still due, where and by when, with
 * the receipt number and its QR, on screen and on paper. (Outside office hours the choice is absent:
 * tests/integration/visit/raw-api-counter-payment.test.ts refuses the raw call.)
 */
interface PrinterState {
  'receipt-printer': { printedCount: number; lastText: string | null };
  'payment-terminal': unknown;
}

test.describe('in office hours on a working day', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

  for (const lang of ['zh-Hant', 'pt'] as const) {
    test(`a renewal paid at a counter ends on a receipt that says so (${lang})`, async ({ page, kiosk }) => {
      test.setTimeout(240_000);
      await throughToPayment(page, kiosk, lang, { shots: false });
      const counter = page.locator('[data-method="counter"]');
      await expect(counter).toHaveText(m(lang, 'payment.atCounter'));
      await expect(page.locator('#counter-hint')).toContainText('90');
      await expect(page.locator('#counter-hint')).toContainText(m(lang, 'payment.atCounterHint').split('{amount}')[0]!.trim());
      // The kiosk's own methods are still all there beside it.
      for (const method of ['unionpay-quickpass', 'macau-pass']) await expect(page.locator(`[data-method="${method}"]`)).toBeVisible();
      await checkScreen(page, lang, 'counter-payment', 1, 'payment');

      await counter.click();
      await expect(page.getByRole('heading', { name: m(lang, 'receipt.counterTitle') })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('counter-due')).toContainText('90');
      await expect(page.getByTestId('counter-due')).toContainText(lang === 'pt' ? '18:00' : '下午6:00'); // the host's deadline, in the language's own clock
      await checkScreen(page, lang, 'counter-payment', 2, 'receipt');

      await page.getByRole('button', { name: m(lang, 'receipt.print') }).click();
      await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
      const printer = ((await kiosk.state()) as unknown as PrinterState)['receipt-printer'];
      const paper = (printer.lastText ?? '').replace(/\s+/g, '');
      expect(paper).toContain('未繳費NÃOPAGO');
      expect(paper).toContain('請到身份證明局櫃檯繳付MOP90.00');
      expect(paper).toContain('繳費期限Pagaraté:2026-11-2418:00');
      await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
      await leaveKiosk(page, kiosk, lang);
    });
  }
});
