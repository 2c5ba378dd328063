import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture, test } from './fixtures/kiosk-host.js';
import { checkScreen, type Lang, m, openService, leaveKiosk } from './support/kiosk-page.js';

/**
 * Checking a smart ID card's authenticity, from the menu without identifying anyone: the card to
 * check on the reader, the verdict in words and a symbol (never colour alone) with only the masked
 * card number, and the result printed with the date, time and kiosk id.
 */
interface PrinterState {
  'receipt-printer': { printedCount: number; lastText: string | null };
}
const printer = async (kiosk: KioskHostFixture) => ((await kiosk.state()) as unknown as PrinterState)['receipt-printer'];

async function checkCard(page: Page, kiosk: KioskHostFixture, lang: Lang, profile: 'chan-tai-man' | 'tampered' | 'copied' | 'expired' | 'not-an-id-card') {
  await openService(page, kiosk, lang, 'card-authenticity');
  await expect(page.getByRole('heading', { name: m(lang, 'authenticity.placeTitle') })).toBeVisible();
  await expect(page.getByText(m(lang, 'authenticity.place'))).toBeVisible();
  await kiosk.control({ device: 'card-reader', action: 'place', profile });
  await expect(page.getByRole('heading', { name: m(lang, 'authenticity.resultTitle') })).toBeVisible({ timeout: 20_000 });
}

for (const lang of ['zh-Hant', 'pt'] as const satisfies readonly Lang[]) {
  test(`a genuine card: verdict, masked number and the printed result (${lang})`, async ({ page, kiosk }) => {
    await openService(page, kiosk, lang, 'card-authenticity');
    await expect(page.getByRole('heading', { name: m(lang, 'authenticity.placeTitle') })).toBeVisible();
    await checkScreen(page, lang, 'authenticity', 1, 'place-card');
    await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
    await expect(page.getByRole('heading', { name: m(lang, 'authenticity.resultTitle') })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('[data-verdict="genuine"]')).toContainText(m(lang, 'authenticity.verdicts.genuine'));
    await expect(page.getByTestId('masked-card-number')).toHaveText('1234***(*)');
    await expect(page.getByText('1234567')).toHaveCount(0);
    await checkScreen(page, lang, 'authenticity', 2, 'genuine');

    await page.getByRole('button', { name: m(lang, 'authenticity.print') }).click();
    await expect(page.getByText(m(lang, 'slip.printed'))).toBeVisible({ timeout: 20_000 });
    const slip = await printer(kiosk);
    expect(slip.printedCount).toBe(1);
    expect(slip.lastText).toContain('1234***(*)');
    expect(slip.lastText).toContain('Documento autêntico');
    expect(slip.lastText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(slip.lastText).toContain('KIOSK-DEV-01');
    expect(slip.lastText).not.toContain('1234567');
    await checkScreen(page, lang, 'authenticity', 3, 'printed');

    await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
    await leaveKiosk(page, kiosk, lang);
  });
}

const BAD = [
  { profile: 'tampered', verdict: 'altered-data', masked: '1902***(*)', printed: 'Dados alterados' },
  { profile: 'copied', verdict: 'cloned-chip', masked: '1388***(*)', printed: 'Chip clonado' },
  { profile: 'expired', verdict: 'expired', masked: '1069***(*)', printed: 'Documento caducado' },
  { profile: 'not-an-id-card', verdict: 'not-an-id-card', masked: null, printed: 'Não é um bilhete de identidade' },
] as const;

for (const lang of ['zh-Hant', 'pt'] as const satisfies readonly Lang[]) {
  test(`altered, copied, expired and non-ID cards each get their own verdict (${lang})`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    let n = 4;
    for (const card of BAD) {
      await checkCard(page, kiosk, lang, card.profile);
      const verdict = page.locator(`[data-verdict="${card.verdict}"]`);
      await expect(verdict).toContainText(m(lang, `authenticity.verdicts.${card.verdict}`));
      await expect(verdict).toContainText(m(lang, `authenticity.explain.${card.verdict}`));
      // Not colour alone: a cross beside the words.
      await expect(verdict.locator('.verdict-symbol')).toHaveText('✗');
      if (card.masked) await expect(page.getByTestId('masked-card-number')).toHaveText(card.masked);
      else await expect(page.getByTestId('masked-card-number')).toHaveCount(0);
      await checkScreen(page, lang, 'authenticity', n++, card.verdict);
      await page.getByRole('button', { name: m(lang, 'authenticity.print') }).click();
      await expect(page.getByText(m(lang, 'slip.printed'))).toBeVisible({ timeout: 20_000 });
      expect((await printer(kiosk)).lastText).toContain(card.printed);
      await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
      await kiosk.control({ device: 'card-reader', action: 'remove' });
    }
  });
}

test('a printer out of paper says so and prints on retry once paper is back (pt)', async ({ page, kiosk }) => {
  await checkCard(page, kiosk, 'pt', 'chan-tai-man');
  await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'out' });
  await page.getByRole('button', { name: m('pt', 'authenticity.print') }).click();
  await expect(page.getByRole('alert')).toContainText(m('pt', 'slip.failed', { reason: m('pt', 'slip.paper.paper-out') }));
  await checkScreen(page, 'pt', 'authenticity', 8, 'printer-fault');
  expect((await printer(kiosk)).printedCount).toBe(0);
  await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'ok' });
  await page.getByRole('button', { name: m('pt', 'slip.printAgain') }).click();
  await expect(page.getByText(m('pt', 'slip.printed'))).toBeVisible({ timeout: 20_000 });
  expect((await printer(kiosk)).printedCount).toBe(1);
});
