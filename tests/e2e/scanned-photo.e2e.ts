import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './fixtures/kiosk-host.js';
import { expectAccessible, type Lang, m, shot, throughToPayment } from './renewal-steps.js';
import type { KioskHostFixture } from './fixtures/kiosk-host.js';

/**
 * A permanent renewal whose photo is the resident's own print on the scanner [001 Q31]: an empty
 * bed and a crooked print are refused with the reason and the ways forward; a square print is
 * cropped by the host, passes the renderer's face checks and goes to the back office as the
 * application's `scanned-photo`, with the card's surface scanned front and back.
 */
interface HeldApplication {
  applicationId: string;
  service: string;
  captured: { photo: { source: string; bytes: number } | null } | null;
}

async function scanOwnPhoto(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'photo.title') })).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'photo.scan.offer') }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'photo.scan.title') })).toBeVisible();
  await expectAccessible(page);
  await shot(page, lang, 7, 'scan-place');

  // Nothing on the bed: refused, with what to do next.
  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'empty' });
  await page.getByRole('button', { name: m(lang, 'photo.scan.scan'), exact: true }).click();
  const refusal = page.locator('[data-refusal]');
  await expect(refusal).toHaveAttribute('data-refusal', 'empty-bed');
  await expect(refusal).toContainText(m(lang, 'photo.scan.refused.empty-bed'));
  await expect(refusal).toContainText(m(lang, 'photo.scan.waysForward'));
  await shot(page, lang, 7, 'scan-empty');

  // A crooked print: refused; then laid square, it is taken.
  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'crooked-photo' });
  await page.getByRole('button', { name: m(lang, 'photo.scan.again'), exact: true }).click();
  await expect(page.locator('[data-refusal="crooked"]')).toContainText(m(lang, 'photo.scan.refused.crooked'));
  await expectAccessible(page);
  await shot(page, lang, 7, 'scan-crooked');

  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'photo-print' });
  await page.getByRole('button', { name: m(lang, 'photo.scan.again'), exact: true }).click();
  await expect(page.getByText(m(lang, 'photo.scan.found'))).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await shot(page, lang, 7, 'scan-found');
  await page.getByRole('button', { name: m(lang, 'photo.accept') }).click();
}

for (const lang of ['zh-Hant', 'en'] as const satisfies readonly Lang[]) {
  test(`renews a permanent ID card with a scanned own photo in ${lang}; the back office holds the cropped print`, async ({ page, kiosk }) => {
    test.setTimeout(150_000);
    await throughToPayment(page, kiosk, lang, { shots: false, photo: (p, l) => scanOwnPhoto(p, kiosk, l) });
    await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
    await page.getByRole('button', { name: m(lang, 'paymentMethods.unionpay-quickpass') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });

    const { applications } = (await (await kiosk.backofficeControl('/v1/_control/applications')).json()) as { applications: HeldApplication[] };
    const held = applications.at(-1);
    expect(held?.service).toBe('renew-permanent');
    expect(held?.captured?.photo?.source).toBe('scanned-photo');
    const photo = await kiosk.backofficeControl(`/v1/_control/applications/${held?.applicationId ?? ''}/photo`);
    expect(photo.status).toBe(200);
    const meta = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 413, 531]);
    // The card's surface, both sides, went with the application.
    for (const side of ['front', 'back']) {
      const scan = await kiosk.backofficeControl(`/v1/_control/applications/${held?.applicationId ?? ''}/card-scan/${side}`);
      expect(scan.status).toBe(200);
      expect(await sharp(Buffer.from(await scan.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 1011, height: 638 });
    }
  });
}
