import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture, screenshot, test } from './fixtures/kiosk-host.js';
import { expectAccessible, type Lang, m, photoLive, scanCardSurface, throughToHeight } from './renewal-steps.js';

/**
 * Back in a renewal, as a resident uses it: from the summary back through the pickup place, the
 * signature, the card scan and the height to the photo, each one tap on the same Back at the bottom
 * left; no Back where the host says going back is not safe (the photo, after the fingerprints; the
 * payment). The photo and the height gone back to are taken again (the host discarded them), and the
 * visit goes on to the payment with the new ones.
 */

const BACK = (lang: Lang) => m(lang, 'actions.back');

async function backTo(page: Page, lang: Lang, heading: string): Promise<void> {
  await page.getByRole('button', { name: BACK(lang) }).click();
  await expect(page.getByRole('heading', { name: m(lang, heading) })).toBeVisible();
}

/** Height (measured by itself once the resident stands on the gauge), card scan, signature: to the pickup screen. */
async function heightToPickup(page: Page, kiosk: KioskHostFixture, lang: Lang, heightMm: number): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'height.title') })).toBeVisible();
  await expect(page.locator('[data-prompt="step-on"]')).toHaveText(m(lang, 'height.prompt.step-on'));
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm });
  const cm = String(heightMm / 10);
  await expect(page.getByText(m(lang, 'height.result', { cm }))).toBeVisible({ timeout: 20_000 });
  await scanCardSurface(page, kiosk, lang);
  await expect(page.getByRole('heading', { name: m(lang, 'signature.title') })).toBeVisible();
  const pad = await page.getByRole('img', { name: m(lang, 'signature.pad') }).boundingBox();
  if (!pad) throw new Error('no signature pad');
  await page.mouse.move(pad.x + 60, pad.y + pad.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(pad.x + 60 + i * 25, pad.y + pad.height * (0.6 - 0.25 * Math.sin(i / 2)));
  await page.mouse.up();
  await page.getByRole('button', { name: m(lang, 'signature.confirm') }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
}

for (const lang of ['en', 'zh-Hant'] as const satisfies readonly Lang[]) {
  test(`back from the pickup place to the photo, retaken, and on to the payment in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(300_000);
    await throughToHeight(page, kiosk, lang);
    await heightToPickup(page, kiosk, lang, 1720);

    // Back sits at the same place on every screen it is on.
    const back = page.getByRole('button', { name: BACK(lang) });
    const places: Array<{ x: number; y: number }> = [];
    const note = async () => {
      const box = await back.boundingBox();
      if (!box) throw new Error('no Back');
      places.push({ x: Math.round(box.x), y: Math.round(box.y + box.height) });
    };
    // The summary comes after the pickup place: from the summary, Back returns to the pickup place.
    await page.locator('[data-place="hq"]').click();
    await expect(page.getByRole('heading', { name: m(lang, 'review.title') })).toBeVisible();
    await note();
    await backTo(page, lang, 'pickup.title');
    await note();
    await backTo(page, lang, 'signature.title');
    await note();
    await backTo(page, lang, 'cardScan.title');
    await note();
    // Nobody on the gauge now: back at the height screen it waits for the resident to step on.
    await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: null });
    await backTo(page, lang, 'height.title');
    await expect(page.locator('[data-prompt="step-on"]')).toBeVisible();
    await note();
    await expectAccessible(page);
    await screenshot(page, `${lang}-back-01-height-with-back`);
    await backTo(page, lang, 'photo.title');
    expect(new Set(places.map((p) => `${p.x},${p.y}`)).size, JSON.stringify(places)).toBe(1);
    // At the photo, after the fingerprints: the host offers no Back.
    await expect(back).toHaveCount(0);

    // The photo is taken again (the earlier one was discarded), then the height, measured anew.
    await photoLive(page, lang);
    await heightToPickup(page, kiosk, lang, 1685);
    await page.locator('[data-place="hq"]').click();
    await expect(page.getByText(m(lang, 'review.heightCm', { cm: '168.5' }))).toBeVisible();
    await page.getByRole('button', { name: m(lang, 'review.confirmAndPay') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'payment.title') })).toBeVisible();
    // The application exists: no going back from the payment.
    await expect(back).toHaveCount(0);
  });
}
