import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { startFromOverview } from './support/kiosk-page.js';

/**
 * The walking skeleton through every layer: attract screen → language → service menu → "place
 * your ID card" → the simulated reader reports a card → the host reads it → the greeting in the
 * chosen language → finish ends the session and returns to the attract screen.
 */
const cases = [
  {
    language: 'zh-Hant',
    button: '繁體中文',
    menu: '請選擇服務',
    service: '永久性居民身份證續期',
    placeCard: '請將您的澳門居民身份證放在讀卡器上。',
    greeting: '陳大文，您好！',
    finish: '完成',
    takeCard: '請取回您的身份證',
  },
  {
    language: 'en',
    button: 'English',
    menu: 'Choose a service',
    service: 'Renew permanent resident ID card',
    placeCard: 'Place your Macao resident ID card on the reader.',
    greeting: 'Hello, CHAN TAI MAN!',
    finish: 'Finish',
    takeCard: 'Please take your ID card',
  },
] as const;

for (const c of cases) {
  test(`walks the skeleton in ${c.language}`, async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    // The token leaves the address bar as soon as the page has it.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await expect(page.getByRole('heading', { name: '歡迎使用自助服務' })).toBeVisible();
    await screenshot(page, `${c.language}-01-attract`);

    await page.getByRole('button', { name: c.button, exact: true }).first().click();
    await expect(page.getByRole('heading', { name: c.menu })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', c.language);
    await screenshot(page, `${c.language}-02-menu`);

    await page.getByRole('button', { name: c.service, exact: true }).click();
    await startFromOverview(page, c.language);
    await expect(page.getByText(c.placeCard)).toBeVisible();
    await screenshot(page, `${c.language}-03-place-card`);

    await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
    await expect(page.getByRole('heading', { name: c.greeting })).toBeVisible();
    await screenshot(page, `${c.language}-04-greeting`);

    await page.getByRole('button', { name: c.finish }).click();
    // The card is still on the reader: the kiosk asks for it, in the resident's language, before anyone else can start.
    await expect(page.getByRole('heading', { name: c.takeCard })).toBeVisible();
    await screenshot(page, `${c.language}-05-take-card`);
    await kiosk.control({ device: 'card-reader', action: 'remove' });
    // The next resident starts from the attract screen in the default language.
    await expect(page.getByRole('heading', { name: '歡迎使用自助服務' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  });
}

test('a card taken away mid-read is asked for again, and the read then succeeds', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  await page.getByRole('button', { name: 'Change contact details' }).click();
  await startFromOverview(page, 'en');
  await kiosk.control({ device: 'card-reader', action: 'remove-during-next-read' });
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
  await expect(page.getByRole('alert')).toContainText('Put it back on the reader and keep it still');
  await screenshot(page, 'en-03b-card-removed');
  // Back on the reader: read again by itself, no tap.
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
  await expect(page.getByRole('heading', { name: 'Hello, CHAN TAI MAN!' })).toBeVisible();
});

test('switching language mid-visit keeps the progress', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: '繁體中文', exact: true }).first().click();
  await page.getByRole('button', { name: '更改聯絡資料' }).click();
  await startFromOverview(page, 'zh-Hant');
  await expect(page.getByText('請將您的澳門居民身份證放在讀卡器上。')).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Português' }).click();
  await expect(page.getByText('Coloque o seu Bilhete de Identidade de Residente de Macau no leitor.')).toBeVisible();
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
  await expect(page.getByRole('heading', { name: 'Olá, CHAN TAI MAN!' })).toBeVisible();
  await screenshot(page, 'pt-04-greeting');
});

test('a page opened without the launch token cannot reach the host, and says so', async ({ page, kiosk }) => {
  await page.goto(kiosk.origin + '/');
  await expect(page.getByText('此頁面缺少啟動憑證')).toBeVisible();
  await screenshot(page, 'zh-Hant-00-no-token');
});
