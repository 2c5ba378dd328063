import type { Page } from '@playwright/test';
import { expect, test, screenshot } from './fixtures/kiosk-host.js';
import { kioskAt, type Lang, LANGUAGE_BUTTON, m, OFFICE_HOURS } from './support/kiosk-page.js';

/**
 * English and Portuguese put a Latin face first for the punctuation a CJK font draws full width
 * (quotes, apostrophes, dashes, ellipsis: "card’s" with a gap); Chinese keeps the CJK font first.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

/** The width of ten right single quotes over the width of ten 中, in the page's font. */
async function apostropheRatio(page: Page): Promise<number> {
  return page.evaluate(() => {
    const width = (text: string): number => {
      const span = document.createElement('span');
      span.textContent = text;
      span.style.whiteSpace = 'pre';
      document.body.append(span);
      const measured = span.getBoundingClientRect().width;
      span.remove();
      return measured;
    };
    return width('’’’’’’’’’’') / width('中中中中中中中中中中');
  });
}

const CASES: ReadonlyArray<{ lang: Lang; latin: boolean }> = [
  { lang: 'en', latin: true },
  { lang: 'pt', latin: true },
  { lang: 'zh-Hant', latin: false },
];

for (const { lang, latin } of CASES) {
  test(`the menu in ${lang}: ${latin ? 'a Latin font first, apostrophes narrow' : 'the CJK font first'}`, async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
    await expect(page.getByRole('heading', { name: m(lang, 'menu.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await screenshot(page, `${lang}-font-menu`);
    const first = await page.evaluate(() => getComputedStyle(document.body).fontFamily.split(',')[0]!.trim().replace(/['"]/g, ''));
    if (latin) {
      expect(await apostropheRatio(page)).toBeLessThan(0.5);
      expect(first).not.toMatch(/CJK/);
    } else {
      expect(first).toMatch(/CJK/);
    }
  });
}
