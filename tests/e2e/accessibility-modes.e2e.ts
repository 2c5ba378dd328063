import { expect, test } from './fixtures/kiosk-host.js';
import { expectModeHolds, MODE_ATTRIBUTE, MODES, toggleSetting } from './support/accessibility.js';
import { checkScreen, greetingName, type Lang, LANGUAGE_BUTTON, m, OFFICE_HOURS, kioskAt, startFromOverview } from './support/kiosk-page.js';

/**
 * Each accessibility mode on the screens every resident passes (attract, menu, place card, a card
 * error, greeting, the accessibility panel, the staff confirmation): touch targets ≥ 60×60 px, no
 * horizontal scrolling, axe WCAG 2.2 AA clean, and in the wheelchair layout every control in the
 * lower half. Screenshots of every screen in each mode, in Traditional Chinese and English.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

const CHAN = { nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' };

for (const lang of ['zh-Hant', 'en'] as const satisfies readonly Lang[]) {
  for (const mode of MODES) {
    test(`${mode} in ${lang}: targets, overflow, reach and axe on every screen of an identification`, async ({ page, kiosk }) => {
      const flow = `a11y-${mode}`;
      const check = async (n: number, name: string) => {
        await expectModeHolds(page, mode);
        await checkScreen(page, lang, flow, n, name);
      };
      await page.goto(kiosk.url);
      await expect(page.getByRole('heading', { name: m('zh-Hant', 'attract.welcome') })).toBeVisible();
      // The resident sets the mode on the attract screen, before choosing a language (labels in the default language).
      if (mode !== 'normal') {
        await toggleSetting(page, 'zh-Hant', mode);
        const [name, value] = MODE_ATTRIBUTE[mode];
        await expect(page.locator('html')).toHaveAttribute(name, value);
      }
      await check(1, 'attract');

      await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
      await expect(page.getByRole('heading', { name: m(lang, 'menu.title') })).toBeVisible();
      await check(2, 'menu');

      await page.getByRole('button', { name: m(lang, 'a11y.open') }).click();
      await expect(page.getByRole('dialog', { name: m(lang, 'a11y.title') })).toBeVisible();
      await check(3, 'accessibility-panel');
      await page.getByRole('button', { name: m(lang, 'a11y.close') }).click();

      await page.getByRole('button', { name: m(lang, 'services.renew-permanent'), exact: true }).click();
      await startFromOverview(page, lang);
      await expect(page.getByText(m(lang, 'identify.placeCard'))).toBeVisible();
      await check(4, 'place-card');

      await kiosk.control({ device: 'card-reader', action: 'place', profile: 'not-an-id-card' });
      await expect(page.getByRole('alert')).toContainText(m(lang, 'errors.card-unreadable'));
      await check(5, 'card-error');

      await kiosk.control({ device: 'card-reader', action: 'remove' });
      await page.getByRole('button', { name: m(lang, 'actions.retry') }).click();
      await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
      await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name: greetingName(lang, CHAN) }) })).toBeVisible();
      await check(6, 'greeting');

      await page.getByRole('button', { name: m(lang, 'staff.call') }).click();
      await expect(page.getByRole('dialog', { name: m(lang, 'staff.calledTitle') })).toBeVisible();
      await check(7, 'staff-called');
    });
  }
}

test('the settings last through the visit and a language change, and reset for the next resident', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await toggleSetting(page, 'zh-Hant', 'largeText');
  await toggleSetting(page, 'zh-Hant', 'highContrast');
  await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: m('en', 'menu.title') })).toBeVisible();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-text', 'large');
  await expect(html).toHaveAttribute('data-contrast', 'high');

  // The panel says which are on, in words, not by colour.
  await page.getByRole('button', { name: m('en', 'a11y.open') }).click();
  const largeText = page.locator('[data-setting="largeText"]');
  await expect(largeText).toHaveAttribute('aria-pressed', 'true');
  await expect(largeText).toContainText(m('en', 'a11y.on'));
  await expect(page.locator('[data-setting="wheelchair"]')).toContainText(m('en', 'a11y.off'));
  await page.getByRole('button', { name: m('en', 'a11y.close') }).click();

  await page.getByRole('button', { name: LANGUAGE_BUTTON.pt, exact: true }).click();
  await expect(page.getByRole('heading', { name: m('pt', 'menu.title') })).toBeVisible();
  await expect(html).toHaveAttribute('data-text', 'large');
  await expect(html).toHaveAttribute('data-contrast', 'high');
  // The root font is ×1.5 (24 px → 36 px), and the title with it.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('36px');

  await page.getByRole('button', { name: m('pt', 'actions.cancel') }).click();
  await expect(page.getByRole('heading', { name: m('zh-Hant', 'attract.welcome') })).toBeVisible();
  await expect(html).not.toHaveAttribute('data-text', /.*/);
  await expect(html).not.toHaveAttribute('data-contrast', /.*/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
});

/** The fingerprint screen after three misses, then the PIN keypad: the densest controls a resident meets. */
for (const lang of ['zh-Hant', 'en'] as const satisfies readonly Lang[]) {
  for (const mode of MODES) {
    test(`${mode} in ${lang}: the fingerprint fallback and the PIN keypad`, async ({ page, kiosk }) => {
      const flow = `a11y-${mode}`;
      await page.goto(kiosk.url);
      if (mode !== 'normal') await toggleSetting(page, 'zh-Hant', mode);
      await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
      await page.getByRole('button', { name: m(lang, 'services.renew-permanent'), exact: true }).click();
      await startFromOverview(page, lang);
      await kiosk.control({ device: 'card-reader', action: 'place', profile: 'expired' });
      await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name: lang === 'en' ? 'LAM MEI LENG' : '林美玲' }) })).toBeVisible();
      await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
      await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
      for (let miss = 1; miss <= 3; miss++) {
        await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: false });
        if (miss < 3) await page.getByRole('button', { name: m(lang, 'fingerprint.tryAgain') }).click();
      }
      await expect(page.getByRole('button', { name: m(lang, 'fingerprint.usePin') })).toBeVisible();
      await expectModeHolds(page, mode);
      await checkScreen(page, lang, flow, 8, 'fingerprint-choose');

      await page.getByRole('button', { name: m(lang, 'fingerprint.usePin') }).click();
      await expect(page.getByRole('heading', { name: m(lang, 'pin.title') })).toBeVisible();
      await expectModeHolds(page, mode);
      await checkScreen(page, lang, flow, 9, 'pin');
    });
  }
}
