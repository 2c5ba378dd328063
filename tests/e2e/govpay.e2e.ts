import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { decodeQrOnScreen, expectAccessible, type Lang, m, throughToPayment } from './renewal-steps.js';
import { toPayment } from './lost-answer-steps.js';

/**
 * GovPay (政付通) on the payment screen: the QR the host got from GovPay, instructions and a
 * countdown; paid in the "app" (the back-office simulator's pay endpoint) → receipt; expired →
 * nothing charged, choose again. The shipped fees offer GovPay for the kinship certificate only, so
 * this kiosk's operator data (a copy of config/) offers it for the renewal too: same host code path.
 */
const rulesDir = mkdtempSync(join(tmpdir(), 'kiosk-rules-govpay-'));
cpSync(join(process.cwd().endsWith('e2e') ? '../..' : '.', 'config'), rulesDir, { recursive: true });
const fees = JSON.parse(readFileSync(join(rulesDir, 'fees.json'), 'utf8')) as { kioskPaymentMethods: Record<string, string[]> };
fees.kioskPaymentMethods['renew-permanent'] = ['govpay', 'unionpay-quickpass', 'macau-pass'];
fees.kioskPaymentMethods['personal-data-certificate'] = ['govpay', 'unionpay-quickpass', 'macau-pass'];
writeFileSync(join(rulesDir, 'fees.json'), JSON.stringify(fees));

test.use({ hostConfig: { simulators: { delayMs: 150, paymentDefault: 'wait' }, rulesDir } });

async function showQr(page: Page, lang: Lang): Promise<string> {
  await page.getByRole('button', { name: m(lang, 'paymentMethods.govpay') }).click();
  await expect(page.getByTestId('govpay')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(m(lang, 'govPay.step1'))).toBeVisible();
  const text = await decodeQrOnScreen(page, m(lang, 'govPay.qrLabel'));
  const reference = new URL(text ?? 'http://x.invalid/').searchParams.get('ref');
  if (!reference) throw new Error(`no GovPay reference in the on-screen QR: ${text}`);
  return reference;
}

for (const lang of ['en', 'zh-Hans'] as const satisfies readonly Lang[]) {
  test(`pays by GovPay QR on screen, with a countdown, and gets the receipt (${lang})`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await throughToPayment(page, kiosk, lang, { shots: false });
    const reference = await showQr(page, lang);
    // Five minutes, counted down from the host's figure.
    const countdown = page.locator('[data-seconds-left]');
    const first = Number(await countdown.getAttribute('data-seconds-left'));
    expect(first).toBeGreaterThan(280);
    expect(first).toBeLessThanOrEqual(300);
    await expect(countdown).not.toHaveAttribute('data-seconds-left', String(first), { timeout: 5_000 });
    await expect(page.getByRole('button', { name: m(lang, 'actions.cancel') })).toBeDisabled();
    await expectAccessible(page);
    await screenshot(page, `${lang}-money-03-govpay-qr`);

    // The resident pays in the app.
    const paid = await fetch(`${kiosk.backofficeUrl}/v1/govpay/payments/${encodeURIComponent(reference)}/pay`, { method: 'POST' });
    expect(paid.status).toBe(200);
    await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
    const held = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: Array<{ paymentReference: string }> };
    expect(held.applications.map((a) => a.paymentReference)).toEqual([reference]);
  });
}

test('an expired GovPay QR charges nothing and offers every method again (en)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await throughToPayment(page, kiosk, 'en', { shots: false });
  const reference = await showQr(page, 'en');
  await kiosk.backofficeControl(`/v1/_control/govpay/${encodeURIComponent(reference)}/expire`, { method: 'POST' });
  await expect(page.getByRole('alert')).toHaveText(m('en', 'govPay.expired'), { timeout: 20_000 });
  await expect(page.getByRole('button', { name: m('en', 'paymentMethods.govpay') })).toBeVisible();
  await expect(page.getByRole('button', { name: m('en', 'paymentMethods.macau-pass') })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'en-money-04-govpay-expired');
  const govpay = (await (await kiosk.backofficeControl(`/v1/_control/govpay`)).json()) as { payments: Array<{ reference: string; status: string }> };
  expect(govpay.payments).toEqual([expect.objectContaining({ reference, status: 'expired' })]);
});

test('paid by GovPay, then cancelled on the receipt screen: the back office shows it withdrawn and the GovPay payment refunded (en)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await throughToPayment(page, kiosk, 'en', { shots: false });
  const reference = await showQr(page, 'en');
  await fetch(`${kiosk.backofficeUrl}/v1/govpay/payments/${encodeURIComponent(reference)}/pay`, { method: 'POST' });
  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: m('en', 'withdrawal.cancelApplication') }).click();
  await page.getByRole('button', { name: m('en', 'withdrawal.confirm') }).click();
  const outcome = page.locator('[data-application-state="refunded"]');
  await expect(outcome).toContainText('GovPay', { timeout: 20_000 });
  await expectAccessible(page);
  await screenshot(page, 'en-money-05-govpay-refunded');
  const govpay = (await (await kiosk.backofficeControl(`/v1/_control/govpay`)).json()) as { payments: Array<{ reference: string; status: string }> };
  expect(govpay.payments).toEqual([expect.objectContaining({ reference, status: 'refunded' })]);
  const held = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: Array<{ withdrawal: { refund: { reference: string } | null } | null }> };
  expect(held.applications[0]?.withdrawal?.refund?.reference).toBe(reference);
});

test('stopping a card payment the terminal is waiting for: a calm note, not an error; nothing charged; every method offered again (en)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await throughToPayment(page, kiosk, 'en', { shots: false });
  await page.getByRole('button', { name: m('en', 'paymentMethods.macau-pass') }).click();
  await expect(page.getByText(m('en', 'payment.paying'))).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: m('en', 'payment.stop') }).click();
  await expect(page.locator('[data-decline="cancelled"]')).toHaveText(m('en', 'payment.stopped'), { timeout: 20_000 });
  // The resident's own choice: no red alert, however it was reported.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: m('en', 'paymentMethods.govpay') })).toBeVisible();
  await expect(page.getByRole('button', { name: m('en', 'paymentMethods.macau-pass') })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'en-money-05-payment-stopped');
  const terminal = ((await kiosk.state()) as { 'payment-terminal': { transactions: Array<{ status: string }> } })['payment-terminal'];
  expect(terminal.transactions.filter((t) => t.status === 'approved')).toEqual([]);
});

for (const lang of ['zh-Hant', 'pt', 'en'] as const satisfies readonly Lang[]) {
  test(`the terminal offline at the payment screen: the card methods are greyed with the host's reason, GovPay can still be chosen (${lang})`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await toPayment(page, kiosk, lang);
    await kiosk.control({ device: 'payment-terminal', action: 'disconnect' });
    for (const method of ['unionpay-quickpass', 'macau-pass'] as const) {
      await expect(page.getByRole('button', { name: m(lang, `paymentMethods.${method}`) })).toBeDisabled({ timeout: 15_000 });
    }
    await expect(page.locator('[data-unavailable="terminal-offline"]')).toHaveText(m(lang, 'payment.unavailable.terminal-offline'));
    await expect(page.getByRole('button', { name: m(lang, 'paymentMethods.govpay') })).toBeEnabled();
    await expectAccessible(page);
    await screenshot(page, `${lang}-money-06-terminal-offline`);
    await showQr(page, lang);
    await kiosk.control({ device: 'payment-terminal', action: 'reconnect' });
  });
}
