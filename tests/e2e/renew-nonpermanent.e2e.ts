import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture, screenshot, test } from './fixtures/kiosk-host.js';
import { captureAllFingers } from './support/ten-print.js';
import { expectAccessible, identify, type Lang, m, OFFICE_HOURS, kioskAt, openService } from './support/kiosk-page.js';
import { photoByShareCode, verifyByFingerprint } from './renewal-steps.js';

/**
 * Non-permanent ID card renewal end to end on the touchscreen (maria-santos: a PSP residence
 * certificate valid until 2027-01-30). The review shows the certificate's expiry as the host
 * evaluated it, with a warning when the host says it is near (14 days, config/kiosk-rules.json).
 */
const MARIA = { nameZh: '', nameLatin: 'MARIA DA CONCEICAO SANTOS' };

async function throughToReview(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await openService(page, kiosk, lang, 'renew-nonpermanent');
  await identify(page, kiosk, lang, 'maria-santos', MARIA);
  await verifyByFingerprint(page, kiosk, lang);
  // The back office asks for ten prints at this renewal (seed maria-santos).
  await captureAllFingers(page, kiosk, lang, 10);

  await photoByShareCode(page, lang);

  await expect(page.getByRole('heading', { name: m(lang, 'height.title') })).toBeVisible();
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1650 });
  await expect(page.getByText(m(lang, 'height.result', { cm: '165' }))).toBeVisible({ timeout: 20_000 });

  // The pickup place, then the summary before paying.
  await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
  await page.locator('[data-place="hq"]').click();
  await expect(page.getByRole('heading', { name: m(lang, 'review.title') })).toBeVisible();
  await expect(page.getByRole('heading', { name: m(lang, 'residenceCertificate.heading') })).toBeVisible();
}

test.describe('in office hours, the certificate 67 days from expiry', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });
  test('renews a non-permanent ID card end to end, showing the certificate expiry (pt)', async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await throughToReview(page, kiosk, 'pt');
    const certificate = page.getByTestId('residence-certificate');
    await expect(certificate).toHaveAttribute('data-days-left', '67');
    await expect(certificate).toContainText('2027');
    await expect(certificate.getByRole('alert')).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'pt-nonpermanent-01-review');
    await page.getByRole('button', { name: m('pt', 'review.confirmAndPay') }).click();
    await expect(page.getByRole('heading', { name: m('pt', 'payment.title') })).toBeVisible();
    await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
    await page.getByRole('button', { name: m('pt', 'paymentMethods.macau-pass') }).click();
    await expect(page.getByRole('heading', { name: m('pt', 'receipt.title') })).toBeVisible({ timeout: 20_000 });
    // Nothing prints until the resident asks.
    await page.getByRole('button', { name: m('pt', 'receipt.print') }).click();
    await expect(page.getByText(m('pt', 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page);
    await screenshot(page, 'pt-nonpermanent-02-receipt');

    const held = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: Array<{ service: string; pickupPlace: string; heightMm: number }> };
    expect(held.applications).toEqual([expect.objectContaining({ service: 'renew-nonpermanent', pickupPlace: 'hq', heightMm: 1650 })]);
    const printer = (await kiosk.state()) as unknown as { 'receipt-printer': { lastText: string } };
    // The printer wraps long lines: compare without the line breaks.
    expect(printer['receipt-printer'].lastText.replace(/\s+/g, '')).toContain('身份證明局總部SededaDSI');
  });
});

test.describe('ten days before the certificate expires', () => {
  test.use({ hostConfig: kioskAt('2027-01-20T10:30:00+08:00') });
  test('warns that the residence certificate expires soon and by when to renew (en)', async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await throughToReview(page, kiosk, 'en');
    const certificate = page.getByTestId('residence-certificate');
    await expect(certificate).toHaveAttribute('data-days-left', '10');
    await expect(certificate.getByRole('alert')).toContainText('10 days');
    await expect(certificate.getByRole('alert')).toContainText('30 January 2027');
    await expectAccessible(page);
    await screenshot(page, 'en-nonpermanent-01-review-expiring');
  });
});


test.describe('refusals for the residence certificate', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });
  for (const [lang, profile, person, reason] of [
    ['en', 'nonpermanent-cert-expired', { nameZh: '阮氏梅', nameLatin: 'NGUYEN THI MAI' }, 'residence-certificate-expired'],
    ['pt', 'nonpermanent-cert-missing', { nameZh: '', nameLatin: 'JOHN PAUL REYES' }, 'residence-certificate-missing'],
  ] as const) {
    test(`refuses the renewal when the residence certificate is ${reason.split('-').at(-1)} (${lang})`, async ({ page, kiosk }) => {
      await openService(page, kiosk, lang, 'renew-nonpermanent');
      await identify(page, kiosk, lang, profile, person);
      await expect(page.getByRole('heading', { name: m(lang, 'refusal.title') })).toBeVisible();
      await expect(page.locator(`[data-reason="${reason}"]`)).toHaveText(m(lang, `reasons.${reason}`));
      await expectAccessible(page);
      await screenshot(page, `${lang}-nonpermanent-03-refused-${reason}`);
    });
  }
});
