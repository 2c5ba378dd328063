import { expect, test } from './fixtures/kiosk-host.js';
import { payAndLoseTheAnswer, toPayment } from './lost-answer-steps.js';
import { checkScreen, type Lang, m, OFFICE_HOURS } from './support/kiosk-page.js';

/**
 * The terminal charges the card but its answer is lost, and the terminal cannot be asked at once
 * (unplugged in the middle). The resident is never left on a dead screen: the kiosk says it is
 * checking with the terminal, keeps asking while the resident waits, and shows the receipt once the
 * terminal confirms the charge — charged exactly once. If the answer never comes within the set time,
 * staff are called and the resident leaves with a "payment being confirmed" slip.
 */
test.use({
  hostConfig: {
    simulators: { delayMs: 150, paymentDefault: 'wait', clockStartsAt: OFFICE_HOURS },
    payments: { confirmWithinSeconds: 8, firstEnquiryPauseMs: 300, maxEnquiryPauseSeconds: 1 },
  },
});

test.describe('confirmed while the resident waits', () => {
  // The window outlasts this test's own checks (axe and a screenshot of the checking screen take
  // 10–15 s on a loaded machine): the terminal is back long before it closes, whatever the machine.
  test.use({
    hostConfig: {
      simulators: { delayMs: 150, paymentDefault: 'wait', clockStartsAt: OFFICE_HOURS },
      payments: { confirmWithinSeconds: 60, firstEnquiryPauseMs: 300, maxEnquiryPauseSeconds: 1 },
    },
  });

  for (const lang of ['en', 'zh-Hant'] as const satisfies readonly Lang[]) {
    test(`a lost answer is confirmed by enquiry within the visit: the receipt, charged once (${lang})`, async ({ page, kiosk }) => {
      test.setTimeout(90_000);
      await toPayment(page, kiosk, lang);
      await payAndLoseTheAnswer(page, kiosk, lang);
      await checkScreen(page, lang, 'lost-answer', 1, 'checking');
      // Cancel stays off while the money's fate is unknown.
      await expect(page.getByRole('button', { name: m(lang, 'actions.cancel') })).toBeDisabled();
      await kiosk.control({ device: 'payment-terminal', action: 'reconnect' });
      await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('receipt-number')).toContainText(/R\d{10}/);
      await checkScreen(page, lang, 'lost-answer', 2, 'receipt');
      const terminal = (await kiosk.state()) as unknown as { 'payment-terminal': { transactions: Array<{ reference: string; state: string }> } };
      expect(terminal['payment-terminal'].transactions.filter((t) => t.state === 'approved')).toHaveLength(1);
      const held = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: Array<{ replays: number }> };
      expect(held.applications).toMatchObject([{ replays: 0 }]);
    });
  }
});

test('still unknown after the set time: staff are called and the slip says the payment is being confirmed (en)', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  const lang = 'en';
  await toPayment(page, kiosk, lang);
  await payAndLoseTheAnswer(page, kiosk, lang);
  await expect(page.locator('[data-application-state="payment-overdue"]')).toHaveText(m(lang, 'payment.overdue'), { timeout: 30_000 });
  await checkScreen(page, lang, 'lost-answer', 3, 'overdue');
  const state = (await kiosk.state()) as unknown as { 'staff-calls': { recent: Array<{ screen: string }> } };
  expect(state['staff-calls'].recent.map((call) => call.screen)).toContain('payment-unconfirmed');
  await page.getByRole('button', { name: m(lang, 'payment.printSlip') }).click();
  await expect(page.getByText(m(lang, 'payment.slipPrinted'))).toBeVisible();
  const printer = (await kiosk.state()) as unknown as { 'receipt-printer': { lastText: string } };
  const slip = printer['receipt-printer'].lastText;
  for (const line of ['付款確認中', 'Pagamento em confirmação', '費用 Taxa: MOP 15.00', '已通知職員 O pessoal foi chamado', 'Após confirmação: recibo ou reembolso']) expect(slip).toContain(line);
});
