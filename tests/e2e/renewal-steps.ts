import type { Page } from '@playwright/test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { expect, type KioskHostFixture, screenshot } from './fixtures/kiosk-host.js';

import { expectAccessible, LANGUAGE_BUTTON, type Lang, m, pickupAddress, startFromOverview, expectBriefSuccess } from './support/kiosk-page.js';
import { captureAllFingers } from './support/ten-print.js';

export { expectAccessible, type Lang, m };

/** The simulated card whose renewal the host allows today: expired 2025-01-15, aged 35 on its issue date. */
export const RENEWABLE = { profile: 'expired', nameZh: '林美玲', nameLatin: 'LAM MEI LENG', cardNumber: '1069042' } as const;

async function shot(page: Page, lang: Lang, n: number, name: string): Promise<void> {
  await screenshot(page, `${lang}-renew-${String(n).padStart(2, '0')}-${name}`);
}

export async function toGreeting(page: Page, kiosk: KioskHostFixture, lang: Lang, profile: 'expired' | 'chan-tai-man' | 'wong-siu-ming', name: string): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
  await page.getByRole('button', { name: m(lang, 'services.renew-permanent'), exact: true }).click();
  await startFromOverview(page, lang);
  await kiosk.control({ device: 'card-reader', action: 'place', profile });
  await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name }) })).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
}

/** From the attract screen to the payment screen of an allowed renewal, screenshotting each new screen. */
/** The applicant's finger matches the card on the first try; then Continue. */
export async function verifyByFingerprint(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'fingerprint.verified'));
}

/** The photo step of a non-permanent renewal: the resident chooses the 一戶通 ID photo by share code (the host's simulated source). */
export async function photoByShareCode(page: Page, lang: Lang): Promise<void> {
  // The photo screen's code loads when first used: on a loaded machine it can take a few seconds.
  await expect(page.getByRole('heading', { name: m(lang, 'photo.title') })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: m(lang, 'photo.useMyPhoto') }).click();
  for (const digit of '246810') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: m(lang, 'pin.confirm') }).click();
  await expect(page.getByText(m(lang, 'photo.shareCode.found'))).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'photo.accept') }).click();
}

/** The photo taken live: Chromium's fake camera plays a face; guidance passes and the photo is taken by itself. */
export async function photoLive(page: Page, lang: Lang): Promise<void> {
  // The photo screen's code loads when first used: on a loaded machine it can take a few seconds.
  await expect(page.getByRole('heading', { name: m(lang, 'photo.title') })).toBeVisible({ timeout: 20_000 });
  // The rules accept only the live photo for a permanent renewal: no 一戶通 button.
  await expect(page.getByRole('button', { name: m(lang, 'photo.useMyPhoto') })).toHaveCount(0);
  // The camera opens at once; a scanned print is offered beside it, not as a choice first.
  await expect(page.getByRole('heading', { name: m(lang, 'photo.choose.title') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: m(lang, 'photo.scan.offer') })).toBeVisible();
  await expect(page.getByText(m(lang, 'photo.captured'))).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: m(lang, 'photo.accept') }).click();
}

/** From the attract screen to the height screen of an allowed renewal (verified, prints and photo taken). */
export async function throughToHeight(page: Page, kiosk: KioskHostFixture, lang: Lang, photo: PhotoStep = photoLive): Promise<void> {
  await toGreeting(page, kiosk, lang, RENEWABLE.profile, lang === 'en' || lang === 'pt' ? RENEWABLE.nameLatin : RENEWABLE.nameZh);

  // Fingerprint verification (existing screen).
  await verifyByFingerprint(page, kiosk, lang);

  // Fingerprints for the new card: the two standard fingers (config/kiosk-rules.json).
  await captureAllFingers(page, kiosk, lang, 2);

  // Photo: taken live (the fake camera plays a face), unless the test brings its own photo step.
  await photo(page, lang);
  await expect(page.getByRole('heading', { name: m(lang, 'height.title') })).toBeVisible();
}

/** The card-surface step: the ID card laid on the simulated scanner, both sides scanned. */
export async function scanCardSurface(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'cardScan.title') })).toBeVisible();
  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'id-card' });
  for (const side of ['front', 'back'] as const) {
    await expect(page.locator(`[data-side="${side}"]`)).toHaveText(m(lang, `cardScan.place.${side}`));
    await page.getByRole('button', { name: m(lang, 'photo.scan.scan'), exact: true }).click();
    await expect(page.getByRole('img', { name: m(lang, `cardScan.side.${side}`) })).toBeVisible({ timeout: 20_000 });
  }
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'cardScan.done'));
}

/** The renewal's summary before paying, with the height measured at 172 cm. */
export async function expectRenewalSummary(page: Page, lang: Lang, heightCm: string | undefined = '172'): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'review.title') })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(RENEWABLE.cardNumber.replace(/[()]/g, '\\$&')) })).toBeVisible();
  if (heightCm) await expect(page.getByText(m(lang, 'review.heightCm', { cm: heightCm }))).toBeVisible();
  await expect(page.getByTestId('review-photo')).toHaveJSProperty('complete', true);
  await expect(page.getByTestId('review-signature')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(m(lang, 'pickupPlaces.hq')) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(pickupAddress(lang, 'hq').replace(/[().]/g, '\\$&')) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${m(lang, 'review.fee')}.*90`) })).toBeVisible();
}

/** How a test passes the photo step (live by default; a scanned own print in scanned-photo.e2e.ts). */
export type PhotoStep = (page: Page, lang: Lang) => Promise<void>;

export async function throughToPayment(page: Page, kiosk: KioskHostFixture, lang: Lang, options: { shots: boolean; photo?: PhotoStep }): Promise<void> {
  const snap = async (n: number, name: string) => {
    if (!options.shots) return;
    await expectAccessible(page);
    await shot(page, lang, n, name);
  };
  await throughToHeight(page, kiosk, lang, options.photo);

  // Height, measured on the simulated gauge: it asks the resident to step on, measures by itself
  // once they stand still, shows the height and moves on (no tap).
  await expect(page.locator('[data-prompt="step-on"]')).toHaveText(m(lang, 'height.prompt.step-on'));
  await snap(5, 'height');
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1720 });
  await expect(page.getByText(m(lang, 'height.result', { cm: '172' }))).toBeVisible({ timeout: 20_000 });

  // The ID card's surface on the scanner, front then back. [001 ID Q31]
  // Both sides scanned: the success shows for a moment and the signature follows by itself.
  await scanCardSurface(page, kiosk, lang);

  // Signature (existing screen).
  await expect(page.getByRole('heading', { name: m(lang, 'signature.title') })).toBeVisible();
  const pad = await page.getByRole('img', { name: m(lang, 'signature.pad') }).boundingBox();
  if (!pad) throw new Error('no signature pad');
  await page.mouse.move(pad.x + 60, pad.y + pad.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(pad.x + 60 + i * 25, pad.y + pad.height * (0.6 - 0.25 * Math.sin(i / 2)));
  await page.mouse.up();
  await page.getByRole('button', { name: m(lang, 'signature.confirm') }).click();

  // Pickup place with the ready time the host computed.
  await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
  await expect(page.locator('[data-place="hq"]')).toContainText(m(lang, 'pickupPlaces.hq'));
  await snap(8, 'pickup');
  await page.locator('[data-place="hq"]').click();

  // The summary before paying: the data to be printed on the card, the photo and signature the host
  // holds, the pickup place with its address, and the fee.
  await expectRenewalSummary(page, lang);
  await snap(9, 'review');
  await page.getByRole('button', { name: m(lang, 'review.confirmAndPay') }).click();

  await expect(page.getByRole('heading', { name: m(lang, 'payment.title') })).toBeVisible();
  await expect(page.locator('[data-fee-avos="9000"]')).toBeVisible();
  await snap(10, 'payment');
}

// jsqr is CommonJS with a default export: NodeNext sees the module object, the runtime may give either.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

/** The QR on screen, decoded from a screenshot of it. */
export async function decodeQrOnScreen(page: Page, label: string): Promise<string | undefined> {
  const qr = page.getByRole('img', { name: label });
  await expect(qr).toHaveAttribute('src', /^data:image\/png/);
  const png = PNG.sync.read(await qr.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

export { shot };
