import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture, test } from './fixtures/kiosk-host.js';
import { toggleSetting } from './support/accessibility.js';
import { checkScreen, identify, type Lang, kioskAt, m, OFFICE_HOURS, openService, startFromOverview, expectBriefSuccess } from './support/kiosk-page.js';
import { typeOnKeyboard, verifyFingerprint } from './support/own-data.js';
import { photoByShareCode } from './renewal-steps.js';

/**
 * The resident's experience inside the screens: guidance pictures at each device (where it is on
 * this kiosk's front, from the operator's enclosure layout; the action; live feedback), the ten-print
 * tiles in high contrast and large text, Portuguese decimals, the data read aloud, and a Chinese
 * address typed by pinyin on the on-screen keyboard. Screenshots in pt, zh-Hant and en.
 */
const MARIA = { nameZh: '', nameLatin: 'MARIA DA CONCEICAO SANTOS' };
const CHAN = { nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' };
const LAM = { nameZh: '林美玲', nameLatin: 'LAM MEI LENG' };
/** This kiosk's card reader is beside the screen on the left (the reference cabinet has it on the desk, right). */
const ENCLOSURE = { devices: { 'card-reader': { side: 'left', level: 'screen' } } };
test.use({ hostConfig: { ...kioskAt(OFFICE_HOURS), enclosure: ENCLOSURE } });

const guidance = (page: Page) => page.getByTestId('device-guidance');
const where = (lang: Lang, device: string, level: string, side: string) =>
  m(lang, 'guidance.where', { device: m(lang, `guidance.device.${device}`), level: m(lang, `guidance.level.${level}`), side: m(lang, `guidance.side.${side}`) });

test('the card reader and fingerprint guidance show this kiosk’s layout, the finger and the activity (pt)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lang = 'pt';
  await openService(page, kiosk, lang, 'renew-permanent');
  await expect(page.getByText(m(lang, 'identify.placeCard'))).toBeVisible();
  await expect(guidance(page)).toHaveAttribute('data-device', 'card-reader');
  await expect(guidance(page)).toHaveAttribute('data-activity', 'ready');
  await expect(guidance(page).locator('svg.guidance-map')).toHaveAttribute('data-side', 'left');
  await expect(guidance(page).locator('svg.guidance-map')).toHaveAttribute('data-level', 'screen');
  await expect(guidance(page).locator('figcaption')).toHaveText(where(lang, 'card-reader', 'screen', 'left'));
  await checkScreen(page, lang, 'guidance', 1, 'place-card');

  await identify(page, kiosk, lang, 'expired', LAM);
  await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
  const fingerPicture = guidance(page).locator('svg[data-guided-finger]');
  const finger = await fingerPicture.getAttribute('data-guided-finger');
  expect(finger).toMatch(/^(left|right)-(thumb|index|middle|ring|little)$/);
  await expect(guidance(page)).toHaveAttribute('data-activity', 'working');
  await expect(fingerPicture.locator('[data-chosen]')).toHaveCount(1);
  // The reference cabinet's fingerprint sensor: on the desk, left (nothing configured for it).
  await expect(guidance(page).locator('figcaption')).toHaveText(where(lang, 'fingerprint-scanner', 'desk', 'left'));
  await expect(page.getByTestId('finger-place')).toHaveText(m(lang, 'fingerprint.place', { finger: m(lang, `fingers.${finger}`) }));
  await checkScreen(page, lang, 'guidance', 2, 'fingerprint');
});

test('ten prints in high contrast and large text: readable tiles, whole words; height with a decimal comma, read aloud (pt)', async ({ page, kiosk }) => {
  test.setTimeout(150_000);
  const lang = 'pt';
  await page.goto(kiosk.url);
  await toggleSetting(page, 'zh-Hant', 'highContrast');
  await toggleSetting(page, 'zh-Hant', 'largeText');
  await page.getByRole('button', { name: 'Português', exact: true }).first().click();
  await page.getByRole('button', { name: m(lang, 'services.renew-nonpermanent'), exact: true }).click();
  await startFromOverview(page, lang);
  await identify(page, kiosk, lang, 'maria-santos', MARIA);
  await verifyFingerprint(page, kiosk, lang);
  await expect(page.getByRole('heading', { name: m(lang, 'tenPrint.title') })).toBeVisible();
  await expect(guidance(page).locator('svg[data-guided-finger="right-thumb"]')).toBeVisible();

  // White ink on black tiles (not white on white), and every label on one line: no "Mínim/o".
  const tiles = await page.locator('.finger').evaluateAll((elements) =>
    elements.map((element) => {
      const style = getComputedStyle(element);
      const lines = [...element.querySelectorAll('.finger-name, .finger-state')].map((label) => {
        const range = document.createRange();
        range.selectNodeContents(label);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      return { background: style.backgroundColor, color: style.color, lines };
    }),
  );
  expect(tiles).toHaveLength(10);
  for (const tile of tiles) {
    expect(tile.background).toBe('rgb(0, 0, 0)');
    expect(tile.color).toBe('rgb(255, 255, 255)');
    expect(tile.lines.every((n) => n === 1)).toBe(true);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await checkScreen(page, lang, 'guidance-hc-large', 3, 'tenprint');
  // The screenshots in three languages can outlast the scanner's wait for a finger: then try again.
  const again = page.getByRole('button', { name: m(lang, 'fingerprint.tryAgain') });
  if (await again.isVisible()) await again.click();

  for (let i = 0; i < 10; i++) await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'tenPrint.complete'));
  await photoByShareCode(page, lang);

  await expect(page.getByRole('heading', { name: m(lang, 'height.title') })).toBeVisible();
  await expect(guidance(page)).toHaveAttribute('data-device', 'height-gauge');
  await expect(guidance(page).locator('figcaption')).toHaveText(where(lang, 'height-gauge', 'floor', 'centre'));
  // A resident who fidgets on the gauge: its live prompt asks them to stand straight and still.
  await kiosk.control({ device: 'height-gauge', action: 'set-unstable', unstable: true });
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1588 });
  await expect(page.getByRole('status')).toHaveText(m(lang, 'height.prompt.stand-straight'), { timeout: 20_000 });
  await checkScreen(page, lang, 'guidance-hc-large', 4, 'height');
  await toggleSetting(page, lang, 'speech');
  // Standing still, the gauge measures by itself; the height shows, is read aloud, and the step moves on.
  await kiosk.control({ device: 'height-gauge', action: 'set-unstable', unstable: false });
  await expect(page.getByText(m(lang, 'height.result', { cm: '158,8' }))).toBeVisible({ timeout: 20_000 });
  // Read aloud says the measured height, digit by digit with the decimal word, from the pt clips.
  await expect(page.locator('#speech-output')).toHaveAttribute(
    'data-spoken',
    /pt\/speech\.data\.height pt\/speech\.digit\.1 pt\/speech\.digit\.5 pt\/speech\.digit\.8 pt\/speech\.data\.point pt\/speech\.digit\.8 pt\/speech\.data\.centimetres/,
  );
  // The pickup place, then the summary with the height.
  await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
  await toggleSetting(page, lang, 'speech');
  await page.locator('[data-place="hq"]').click();
  await expect(page.getByRole('heading', { name: m(lang, 'review.title') })).toBeVisible();
  await expect(page.getByText(m(lang, 'review.heightCm', { cm: '158,8' }))).toBeVisible();
});

async function toAddress(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await openService(page, kiosk, lang, 'contact-change');
  await identify(page, kiosk, lang, 'chan-tai-man', CHAN);
  await verifyFingerprint(page, kiosk, lang);
  await page.getByRole('button', { name: new RegExp(`^${m(lang, 'contact.subjects.self')}\\s`) }).click();
  await page.getByRole('button', { name: m(lang, 'contact.groups.address'), exact: true }).click();
  await page.getByLabel(m(lang, 'contact.fields.address'), { exact: true }).click();
}

/** Spells `pinyin` on the keyboard, then touches `pick` among the candidates. */
async function pinyin(page: Page, lang: Lang, spelled: string, pick: string): Promise<void> {
  await typeOnKeyboard(page, lang, spelled);
  await expect(page.locator('[data-typed]')).toHaveAttribute('data-typed', spelled);
  await page.getByRole('group', { name: m(lang, 'keyboard.candidates') }).getByRole('button', { name: pick, exact: true }).click();
}

test('a Chinese address typed by pinyin, in Traditional characters, loaded only when asked (zh-Hant)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lang = 'zh-Hant';
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await toAddress(page, kiosk, lang);
  await expect(page.getByText(m(lang, 'contact.hints.address'))).toBeVisible();
  const before = scripts.length;

  await page.getByRole('button', { name: m(lang, 'keyboard.chinese'), exact: true }).click();
  await expect(page.getByRole('button', { name: m(lang, 'keyboard.chinese'), exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-typed]')).toHaveText(m(lang, 'keyboard.pinyin', { typed: '…' }), { timeout: 20_000 });
  // The dictionary came now, as a script of its own.
  expect(scripts.length).toBeGreaterThan(before);

  await typeOnKeyboard(page, lang, 'aomen');
  const candidates = page.getByRole('group', { name: m(lang, 'keyboard.candidates') }).getByRole('button');
  // 澳門 first (a Macao word), never the simplified 澳门.
  await expect(candidates.nth(1)).toHaveText('澳門');
  await expect(page.getByRole('button', { name: '澳门', exact: true })).toHaveCount(0);
  await checkScreen(page, lang, 'pinyin', 1, 'candidates');
  // 澳 alone takes "ao" and leaves "men" to spell on; then 門.
  await page.getByRole('group', { name: m(lang, 'keyboard.candidates') }).getByRole('button', { name: '澳', exact: true }).click();
  await expect(page.locator('[data-typed]')).toHaveAttribute('data-typed', 'men');
  await page.getByRole('group', { name: m(lang, 'keyboard.candidates') }).getByRole('button', { name: '門', exact: true }).click();
  await pinyin(page, lang, 'malu', '馬路');
  await typeOnKeyboard(page, lang, '12');
  await pinyin(page, lang, 'hao', '號');
  // A letter too many: 樓 takes "lou", the "v" left makes no pinyin and says so; Delete takes it back.
  await typeOnKeyboard(page, lang, 'louv');
  await page.getByRole('group', { name: m(lang, 'keyboard.candidates') }).getByRole('button', { name: '樓', exact: true }).click();
  await expect(page.locator('[data-typed]')).toHaveAttribute('data-typed', 'v');
  await expect(page.getByText(m(lang, 'keyboard.noCandidates'))).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'keyboard.delete') }).click();
  await expect(page.locator('[data-typed]')).toHaveAttribute('data-typed', '');
  const field = page.getByLabel(m(lang, 'contact.fields.address'), { exact: true });
  await expect(field).toHaveValue('澳門馬路12號樓');
  await checkScreen(page, lang, 'pinyin', 2, 'typed');

  await page.getByRole('button', { name: m(lang, 'contact.next') }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'contact.confirmTitle') })).toBeVisible();
  await expect(page.getByTestId('contact-summary')).toContainText('澳門馬路12號樓');
  await checkScreen(page, lang, 'pinyin', 3, 'confirm');
});
