import { expect, test } from './fixtures/kiosk-host.js';
import { expectAccessible, type Lang, m, throughToPayment } from './renewal-steps.js';
import { screenshot } from './fixtures/kiosk-host.js';
import { leaveKiosk } from './support/kiosk-page.js';

/**
 * "Cancel at every step (refund if already paid)": the resident pays, then on the receipt screen
 * changes their mind. The host withdraws the application at the back office (its control endpoint
 * shows the withdrawal and the refund) and voids the sale on the terminal (the simulator's state).
 */
interface TerminalState {
  'payment-terminal': { transactions: Array<{ reference: string; state: string; amountAvos: number }> };
}
interface HeldApplication {
  applicationId: string;
  paymentReference: string | null;
  withdrawal: { reason: string; refund: { reference: string; amountAvos: number } | null } | null;
}

for (const lang of ['en', 'zh-Hant'] as const satisfies readonly Lang[]) {
  test(`cancelling on the receipt screen after paying withdraws the application and refunds the card (${lang})`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await throughToPayment(page, kiosk, lang, { shots: false });
    await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
    await page.getByRole('button', { name: m(lang, 'paymentMethods.unionpay-quickpass') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
    // Nothing prints until the resident asks.
    await page.getByRole('button', { name: m(lang, 'receipt.print') }).click();
    await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });

    const before = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: HeldApplication[] };
    expect(before.applications).toHaveLength(1);
    expect(before.applications[0]!.withdrawal).toBeNull();

    // Cancel asks first; "No" keeps the application.
    await page.getByRole('button', { name: m(lang, 'withdrawal.cancelApplication') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'withdrawal.confirmTitle') })).toBeVisible();
    await expect(page.getByText(m(lang, 'withdrawal.confirmNote'))).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, `${lang}-money-01-cancel-confirm`);
    await page.getByRole('button', { name: m(lang, 'withdrawal.keep') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible();

    await page.getByRole('button', { name: m(lang, 'withdrawal.cancelApplication') }).click();
    await page.getByRole('button', { name: m(lang, 'withdrawal.confirm') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'withdrawal.title') })).toBeVisible();
    const outcome = page.locator('[data-application-state="refunded"]');
    await expect(outcome).toBeVisible({ timeout: 20_000 });
    await expect(outcome).toContainText('90');
    await expectAccessible(page);
    await screenshot(page, `${lang}-money-02-cancelled-refunded`);

    // The back office holds it as withdrawn, with the refund of the payment it was sent with.
    const after = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: HeldApplication[] };
    const held = after.applications[0]!;
    expect(held.withdrawal).toEqual({ withdrawnAt: expect.any(String), reason: 'cancelled-by-resident', refund: { reference: held.paymentReference, amountAvos: 9000 } });
    // The terminal voided that very sale.
    const terminal = (await kiosk.state()) as unknown as TerminalState;
    const sale = terminal['payment-terminal'].transactions.find((t) => t.reference === held.paymentReference);
    expect(sale).toMatchObject({ state: 'voided', amountAvos: 9000 });

    await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
    await leaveKiosk(page, kiosk, lang);
  });
}

test('a paid application kept for later (back office not taking applications) is dropped from the outbox and refunded (en)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await throughToPayment(page, kiosk, 'en', { shots: false });
  const faults = (body: object) =>
    kiosk.backofficeControl(`/v1/_control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await faults({ submissions: 'unavailable' });
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
  await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
  await expect(page.getByText(m('en', 'receipt.keptForLater'))).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: m('en', 'withdrawal.cancelApplication') }).click();
  await page.getByRole('button', { name: m('en', 'withdrawal.confirm') }).click();
  await expect(page.locator('[data-application-state="refunded"]')).toBeVisible({ timeout: 20_000 });
  await faults({ submissions: 'ok' });

  // Never sent (the outbox dropped it), and the sale is voided.
  const held = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: HeldApplication[] };
  expect(held.applications).toEqual([]);
  const terminal = (await kiosk.state()) as unknown as TerminalState;
  expect(terminal['payment-terminal'].transactions.map((t) => t.state)).toEqual(['voided']);
});
