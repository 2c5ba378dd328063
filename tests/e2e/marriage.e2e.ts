import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/kiosk-host.js';
import { checkScreen, identify, kioskAt, type Lang, m, OFFICE_HOURS, openService } from './support/kiosk-page.js';
import { expectReceipt, typeOnKeyboard, verifyFingerprint } from './support/own-data.js';

/**
 * Marital status to "married" [001 ID Q16]: the registration date and the Civil Registry
 * authorisation, then the spouse's card on the reader (checked by the host); within 60 days of the
 * registration it is free and ends on the receipt, otherwise the host's refusal says why.
 * The kiosk's clock: 24 Nov 2026.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

const GROOM = { nameZh: '葉家樂', nameLatin: 'IP KA LOK' };
const SPOUSE: Record<Lang, string> = { 'zh-Hant': '盧少芳', 'zh-Hans': '盧少芳', pt: 'LOU SIO FONG', en: 'LOU SIO FONG' };

/** Types the date on the digit keypad, in the order the screen shows its fields (year first in Chinese). */
async function enterDate(page: Page, lang: Lang, date: { year: string; month: string; day: string }): Promise<void> {
  const order = lang.startsWith('zh') ? [date.year, date.month, date.day] : [date.day, date.month, date.year];
  await page.getByLabel(m(lang, lang.startsWith('zh') ? 'marriage.date.year' : 'marriage.date.day'), { exact: true }).click();
  // Each part moves on to the next once full.
  await typeOnKeyboard(page, lang, order.join(''));
}

async function toMarriageData(page: Page, kiosk: Parameters<typeof identify>[1], lang: Lang): Promise<void> {
  await openService(page, kiosk, lang, 'marital-status-married');
  await identify(page, kiosk, lang, 'ip-ka-lok', GROOM);
  await verifyFingerprint(page, kiosk, lang);
  await expect(page.getByRole('heading', { name: m(lang, 'marriage.title') })).toBeVisible();
}

for (const lang of ['en', 'zh-Hant'] as const satisfies readonly Lang[]) {
  test(`changes marital status to married with the spouse's card in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    const flow = 'marriage';
    await toMarriageData(page, kiosk, lang);

    // Continue before answering: each missing answer is named.
    await page.getByRole('button', { name: m(lang, 'marriage.next') }).click();
    await expect(page.getByRole('alert')).toHaveText(m(lang, 'marriage.errors.date'));
    await enterDate(page, lang, { year: '2026', month: '11', day: '02' });
    await expect(page.getByLabel(m(lang, 'marriage.date.day'), { exact: true })).toHaveValue('02');
    await page.getByRole('button', { name: m(lang, 'marriage.next') }).click();
    await expect(page.getByRole('alert')).toHaveText(m(lang, 'marriage.errors.authorised'));
    await page.getByRole('button', { name: m(lang, 'marriage.yes'), exact: true }).click();
    await expect(page.getByRole('button', { name: m(lang, 'marriage.yes'), exact: true })).toHaveAttribute('aria-pressed', 'true');
    await checkScreen(page, lang, flow, 1, 'details');
    await page.getByRole('button', { name: m(lang, 'marriage.next') }).click();

    await expect(page.getByRole('heading', { name: m(lang, 'marriage.spouseCard') })).toBeVisible();
    await checkScreen(page, lang, flow, 2, 'spouse-card');
    await kiosk.control({ device: 'card-reader', action: 'place', profile: 'lou-sio-fong' });

    await expect(page.getByRole('heading', { name: m(lang, 'marriage.confirmTitle') })).toBeVisible({ timeout: 15_000 });
    const summary = page.getByTestId('marriage-summary');
    await expect(summary).toContainText(SPOUSE[lang]);
    await expect(summary).toContainText(m(lang, 'marriage.cardValid'));
    await checkScreen(page, lang, flow, 3, 'confirm');
    await page.getByRole('button', { name: m(lang, 'marriage.confirm') }).click();

    await expectReceipt(page, kiosk, lang);
    await checkScreen(page, lang, flow, 4, 'receipt');
  });
}

test('a marriage registered more than 60 days ago is refused by the host (en)', async ({ page, kiosk }) => {
  const lang = 'en';
  await toMarriageData(page, kiosk, lang);
  await enterDate(page, lang, { year: '2026', month: '08', day: '01' });
  await page.getByRole('button', { name: m(lang, 'marriage.yes'), exact: true }).click();
  await page.getByRole('button', { name: m(lang, 'marriage.next') }).click();
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'lou-sio-fong' });
  await page.getByRole('button', { name: m(lang, 'marriage.confirm') }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'refusal.title') })).toBeVisible();
  await expect(page.locator('[data-reason="marriage-registered-over-60-days"]')).toHaveText(m(lang, 'reasons.marriage-registered-over-60-days'));
  await checkScreen(page, lang, 'marriage', 5, 'too-old');
});

test('a spouse card that has expired is not a valid smart card: the host refuses (zh-Hant)', async ({ page, kiosk }) => {
  const lang = 'zh-Hant';
  await toMarriageData(page, kiosk, lang);
  await enterDate(page, lang, { year: '2026', month: '11', day: '02' });
  await page.getByRole('button', { name: m(lang, 'marriage.yes'), exact: true }).click();
  await page.getByRole('button', { name: m(lang, 'marriage.next') }).click();
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'expired' });
  await expect(page.getByTestId('marriage-summary')).toContainText(m(lang, 'marriage.cardNotValid'));
  await page.getByRole('button', { name: m(lang, 'marriage.confirm') }).click();
  await expect(page.locator('[data-reason="spouse-card-not-valid"]')).toHaveText(m(lang, 'reasons.spouse-card-not-valid'));
  await checkScreen(page, lang, 'marriage', 6, 'spouse-card-not-valid');
});
