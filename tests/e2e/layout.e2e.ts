import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { CHAN } from './kinship-steps.js';
import { toggleSetting } from './support/accessibility.js';
import { expectAccessible, identify, kioskAt, type Lang, LANGUAGE_BUTTON, m, OFFICE_HOURS, startFromOverview } from './support/kiosk-page.js';

/**
 * The frame's layout on a portrait and a landscape screen, through a paid service (a personal-data
 * certificate: menu, place card, fingerprint, two choices, pickup, payment, receipt): the primary
 * action is at the same place on every screen that has one, large and inside the screen; the first
 * secondary action (Back, else Cancel) at the same place at the bottom left; the content in the
 * middle band, not under the header; the Portuguese language bar on one row, in large text too; axe
 * clean. Landscape screenshots are kept.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

const VIEWPORTS = { portrait: { width: 1080, height: 1920 }, landscape: { width: 1920, height: 1080 } } as const;
type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

/** The language buttons' boxes: one row when they all share a top and do not overlap. */
async function expectLanguageBarOneRow(page: Page): Promise<void> {
  const boxes = await Promise.all((await page.locator('nav.language-bar button').all()).map(box));
  expect(boxes.length).toBe(4);
  const tops = new Set(boxes.map((b) => Math.round(b.y)));
  expect(tops.size, `language buttons at ${[...tops].join(', ')}`).toBe(1);
  const viewport = page.viewportSize()!;
  for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
}

for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
  test(`the primary action keeps its place on every screen, ${orientation}`, async ({ page, kiosk }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    const lang: Lang = 'pt';
    const primaries: Array<[string, Box]> = [];
    const firstSecondaries: Array<[string, Box]> = [];
    const check = async (name: string) => {
      await expectAccessible(page);
      await expectLanguageBarOneRow(page);
      const footer = page.locator('footer.screen-actions');
      const primary = footer.locator('.button-primary');
      if ((await primary.count()) > 0) {
        const b = await box(primary.first());
        primaries.push([name, b]);
        // Inside the screen, large (≥ 96 px high), and right of every secondary action.
        expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
        expect(b.y + b.height).toBeLessThanOrEqual(viewport.height);
        expect(b.height).toBeGreaterThanOrEqual(96);
      }
      const secondary = footer.locator('.button-secondary');
      if ((await secondary.count()) > 0) firstSecondaries.push([name, await box(secondary.first())]);
      // The content's middle is below the top quarter of the body (not stuck under the header).
      const body = await box(page.locator('main.screen-body'));
      const content = await box(page.locator('.screen-content'));
      if (content.height < body.height * 0.5) expect(content.y - body.y).toBeGreaterThan(body.height * 0.1);
      await screenshot(page, `${lang}-layout-${orientation}-${name}`);
    };

    await page.goto(kiosk.url);
    await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
    await expect(page.getByRole('heading', { name: m(lang, 'menu.title') })).toBeVisible();
    await check('01-menu');
    await page.getByRole('button', { name: m(lang, 'services.personal-data-certificate'), exact: true }).click();
    await expect(page.locator('[data-testid="overview-time"]')).toBeVisible();
    await check('02-overview');
    await startFromOverview(page, lang);
    await expect(page.getByText(m(lang, 'identify.placeCard'))).toBeVisible();
    await check('03-place-card');
    await identify(page, kiosk, lang, CHAN.profile, CHAN);
    await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
    // The finger verified: the data items follow by themselves.
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });

    await expect(page.getByRole('heading', { name: m(lang, 'dataItems.title') })).toBeVisible({ timeout: 20_000 });
    await page.locator('[data-item="nationality"]').click();
    await check('04-items');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'certificate.title') })).toBeVisible();
    await expect(page.getByRole('button', { name: m(lang, 'actions.back') })).toBeVisible();
    await check('05-copies-with-back');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
    await check('06-pickup');
    await page.locator('[data-place="hq"]').click();
    await expect(page.getByRole('heading', { name: m(lang, 'review.summaryTitle') })).toBeVisible();
    await check('07-summary');
    await page.getByRole('button', { name: m(lang, 'review.confirmAndPay') }).click();
    await expect(page.getByRole('button', { name: m(lang, 'paymentMethods.macau-pass') })).toBeVisible();
    await check('08-payment');
    await page.getByRole('button', { name: m(lang, 'paymentMethods.macau-pass') }).click();
    await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
    await expect(page.getByRole('heading', { name: m(lang, 'receipt.title') })).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: m(lang, 'receipt.print') }).click();
    await expect(page.getByText(m(lang, 'receipt.printed'))).toBeVisible({ timeout: 20_000 });
    await check('09-receipt');

    // The primary's bottom-right corner is the same on every screen that has one; so is the first secondary's bottom-left.
    const corner = ([, b]: [string, Box]) => `${Math.round(b.x + b.width)},${Math.round(b.y + b.height)}`;
    expect(primaries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(primaries.map(corner)).size, JSON.stringify(primaries)).toBe(1);
    const left = ([, b]: [string, Box]) => `${Math.round(b.x)},${Math.round(b.y + b.height)}`;
    expect(firstSecondaries.length).toBeGreaterThanOrEqual(4);
    expect(new Set(firstSecondaries.map(left)).size, JSON.stringify(firstSecondaries)).toBe(1);
  });
}

test('the Portuguese language bar stays on one row in large text, portrait and landscape', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await toggleSetting(page, 'zh-Hant', 'largeText');
  await page.getByRole('button', { name: LANGUAGE_BUTTON.pt, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: m('pt', 'menu.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
  await expectLanguageBarOneRow(page);
  await screenshot(page, 'pt-layout-large-text-menu');
  await page.setViewportSize(VIEWPORTS.landscape);
  await expectLanguageBarOneRow(page);
  await expectAccessible(page);
  await screenshot(page, 'pt-layout-large-text-menu-landscape');
});
