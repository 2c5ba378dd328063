import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/kiosk-host.js';
import { checkScreen, identify, type Lang, m, openService, leaveKiosk } from './support/kiosk-page.js';
import type { PrinterState } from './support/own-data.js';

/**
 * Printing the data in the chip after the general PIN [001 Other Q4]: a wrong PIN says the tries
 * left, a blocked PIN sends the resident to a counter, the printer's fault can be retried, and the
 * chip's data reaches the paper only: never this public screen.
 */
const CHAN = { nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' };
const TWO_TRIES_LEFT: Record<'pt' | 'zh-Hant', string> = { pt: 'PIN errado. Restam 2 tentativas.', 'zh-Hant': '密碼錯誤，尚餘 2 次嘗試。' };
const PRIVATE = ['陳志明', 'CHAN CHI MENG', '李美玲', 'LEI MEI LENG'];

async function typePin(page: Page, lang: Lang, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: m(lang, 'pin.confirm') }).click();
}

async function expectNothingPrivateOnScreen(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const secret of PRIVATE) expect(text).not.toContain(secret);
}

for (const lang of ['pt', 'zh-Hant'] as const satisfies readonly Lang[]) {
  test(`prints the chip's data after the PIN, a wrong PIN first, in ${lang}`, async ({ page, kiosk }) => {
    const flow = 'chip-data';
    await openService(page, kiosk, lang, 'chip-data-print');
    await identify(page, kiosk, lang, 'chan-tai-man', CHAN);

    await expect(page.getByRole('heading', { name: m(lang, 'pin.title') })).toBeVisible();
    await expect(page.getByText(m(lang, 'chipData.privacy'))).toBeVisible();
    await checkScreen(page, lang, flow, 1, 'pin');
    await typePin(page, lang, '000000');
    // The card counts the tries: 3, so 2 are left.
    await expect(page.getByRole('alert')).toHaveText(TWO_TRIES_LEFT[lang]);
    await checkScreen(page, lang, flow, 2, 'wrong-pin');
    await typePin(page, lang, '123456');

    await expect(page.getByRole('heading', { name: m(lang, 'chipData.printTitle') })).toBeVisible();
    await expect(page.getByText(m(lang, 'chipData.printed'))).toBeVisible({ timeout: 20_000 });
    await expectNothingPrivateOnScreen(page);
    await checkScreen(page, lang, flow, 3, 'printed');

    const paper = ((await kiosk.state()) as unknown as PrinterState)['receipt-printer'];
    expect(paper.printedCount).toBe(1);
    expect(paper.lastText).toContain('父親姓名 Nome do pai: 陳志明 CHAN CHI MENG');
    expect(paper.lastText).toContain('母親姓名 Nome da mãe: 李美玲 LEI MEI LENG');
    expect(paper.lastText).toContain('婚姻狀況 Estado civil: 已婚 Casado(a)');
    expect(paper.lastText).toContain('1234567(');

    await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
    await leaveKiosk(page, kiosk, lang);
  });
}

test('a blocked PIN sends the resident to a counter (en)', async ({ page, kiosk }) => {
  await openService(page, kiosk, 'en', 'chip-data-print');
  await identify(page, kiosk, 'en', 'pin-blocked', { nameZh: '梁家榮', nameLatin: 'LEONG KA WENG' });
  await typePin(page, 'en', '123456');
  await expect(page.getByRole('heading', { name: m('en', 'chipData.blockedTitle') })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(m('en', 'pin.blocked'));
  await expect(page.getByRole('button', { name: m('en', 'pin.confirm') })).toHaveCount(0);
  await checkScreen(page, 'en', 'chip-data', 4, 'blocked');
  const paper = ((await kiosk.state()) as unknown as PrinterState)['receipt-printer'];
  expect(paper.printedCount).toBe(0);
});

test('three wrong PINs block the PIN on the card (en)', async ({ page, kiosk }) => {
  await openService(page, kiosk, 'en', 'chip-data-print');
  await identify(page, kiosk, 'en', 'chan-tai-man', CHAN);
  await typePin(page, 'en', '000000');
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN. 2 tries left.');
  await typePin(page, 'en', '111111');
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN. 1 try left.');
  await typePin(page, 'en', '222222');
  await expect(page.getByRole('heading', { name: m('en', 'chipData.blockedTitle') })).toBeVisible();
});

test('out of paper: the fault is said, and printing again after refilling works (en)', async ({ page, kiosk }) => {
  await openService(page, kiosk, 'en', 'chip-data-print');
  await identify(page, kiosk, 'en', 'chan-tai-man', CHAN);
  await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'out' });
  await typePin(page, 'en', '123456');
  await expect(page.getByRole('alert')).toContainText(m('en', 'chipData.printFailed', { reason: '' }).trim());
  await expectNothingPrivateOnScreen(page);
  await checkScreen(page, 'en', 'chip-data', 5, 'paper-out');
  await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'ok' });
  await page.getByRole('button', { name: m('en', 'chipData.printAgain') }).click();
  await expect(page.getByText(m('en', 'chipData.printed'))).toBeVisible({ timeout: 20_000 });
  const paper = ((await kiosk.state()) as unknown as PrinterState)['receipt-printer'];
  expect(paper.printedCount).toBe(1);
  expect(paper.lastText).toContain('CHAN CHI MENG');
});
