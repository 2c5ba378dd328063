import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture, screenshot, test } from './fixtures/kiosk-host.js';
import { checkScreen, expectAccessible, identify, kioskAt, type Lang, LANGUAGE_BUTTON, m, OFFICE_HOURS, openService } from './support/kiosk-page.js';
import { RENEWABLE, verifyByFingerprint } from './renewal-steps.js';
import { toggleSetting } from './support/accessibility.js';

/**
 * The device screens' guidance: the photo source chosen up front where the rules offer more than
 * one, the 3-2-1 countdown before the live photo and its retake, the height gauge's live prompts
 * with the automatic measurement, and a card lifted mid-read read again without a tap.
 */
const MARIA = { nameZh: '', nameLatin: 'MARIA DA CONCEICAO SANTOS' };

/**
 * The ten-print step, one finger at a time: a finger presented before the screen has started the
 * scanner's capture is not seen, so each is presented again until the screen counts it.
 */
async function captureFingers(page: Page, kiosk: KioskHostFixture, lang: Lang, count: number): Promise<void> {
  await expect(page.getByRole('heading', { name: m(lang, 'tenPrint.title') })).toBeVisible();
  const captured = page.getByTestId('hand-diagram').locator('[data-status="captured"]');
  for (let done = 0; done < count; ) {
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
    await expect.poll(() => captured.count(), { timeout: 5_000 }).toBeGreaterThan(done).catch(() => undefined);
    done = await captured.count();
  }
  await expect(page.getByText(m(lang, 'tenPrint.complete'))).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
}

/** Screenshots of a short-lived screen in pt, zh-Hant and en, switching with the language bar. */
async function shotsInThreeLanguages(page: Page, lang: Lang, name: string): Promise<void> {
  const bar = page.locator('nav.language-bar');
  await screenshot(page, `${lang}-devices-${name}`);
  for (const other of (['zh-Hant', 'en', 'pt'] as const).filter((l) => l !== lang)) {
    await bar.getByRole('button', { name: LANGUAGE_BUTTON[other], exact: true }).click();
    await screenshot(page, `${other}-devices-${name}`);
  }
  await bar.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.describe('in office hours', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });
  for (const lang of ['pt', 'zh-Hant'] as const) {
    test(`the non-permanent renewal asks for the photo's source first; My Photo up front, then the gauge measures by itself (${lang})`, async ({ page, kiosk }) => {
      test.setTimeout(150_000);
      await openService(page, kiosk, lang, 'renew-nonpermanent');
      await identify(page, kiosk, lang, 'maria-santos', MARIA);
      await verifyByFingerprint(page, kiosk, lang);
      await captureFingers(page, kiosk, lang, 10);

      // The choice, before any camera: the sources the host offers, each with its explanation.
      await expect(page.getByRole('heading', { name: m(lang, 'photo.choose.title') })).toBeVisible();
      const live = page.getByRole('button', { name: m(lang, 'photo.choose.live'), exact: true });
      const myPhoto = page.getByRole('button', { name: m(lang, 'photo.useMyPhoto'), exact: true });
      await expect(live).toHaveAccessibleDescription(m(lang, 'photo.choose.liveDetail'));
      await expect(myPhoto).toHaveAccessibleDescription(m(lang, 'photo.choose.myPhotoDetail'));
      // The non-permanent renewal takes no scanned print: not offered.
      await expect(page.getByRole('button', { name: m(lang, 'photo.scan.offer') })).toHaveCount(0);
      await expect(page.locator('[data-guidance]')).toHaveCount(0); // no camera until the resident chooses it
      if (lang === 'pt') await checkScreen(page, lang, 'devices', 1, 'photo-choice');
      else await expectAccessible(page);

      await myPhoto.click();
      await expect(page.getByRole('heading', { name: m(lang, 'photo.shareCode.title') })).toBeVisible();
      for (const digit of '246810') await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: m(lang, 'pin.confirm') }).click();
      await expect(page.getByText(m(lang, 'photo.shareCode.found'))).toBeVisible();
      await page.getByRole('button', { name: m(lang, 'photo.accept') }).click();

      // The height: nobody on the gauge yet, so it asks the resident to step on; no Measure button.
      await expect(page.getByRole('heading', { name: m(lang, 'height.title') })).toBeVisible();
      await expect(page.locator('[data-prompt="step-on"]')).toHaveText(m(lang, 'height.prompt.step-on'));
      await expect(page.getByRole('button', { name: m(lang, 'height.measure'), exact: true })).toHaveCount(0);
      if (lang === 'pt') await checkScreen(page, lang, 'devices', 2, 'height-step-on');
      // Read aloud turned on here: the gauge's live prompt is said with the screen, from its clip…
      const output = page.locator('#speech-output');
      await toggleSetting(page, lang, 'speech');
      await expect(output).toHaveAttribute('data-spoken', new RegExp(`^${lang}/a11y\\.speechOn ${lang}/height\\.title .*${lang}/height\\.prompt\\.step-on$`));
      await expect(output).toHaveAttribute('data-played', `${lang}/height.prompt.step-on`, { timeout: 20_000 });
      // A fidgeting resident is asked to stand straight and still…
      await kiosk.control({ device: 'height-gauge', action: 'set-unstable', unstable: true });
      await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1650 });
      await expect(page.locator('[data-prompt="stand-straight"]')).toHaveText(m(lang, 'height.prompt.stand-straight'));
      // …and each new prompt as it appears.
      await expect(output).toHaveAttribute('data-spoken', new RegExp(`${lang}/height\\.prompt\\.stand-straight$`));
      await expect(output).toHaveAttribute('data-played', `${lang}/height.prompt.stand-straight`, { timeout: 20_000 });
      if (lang === 'pt') await checkScreen(page, lang, 'devices', 3, 'height-stand-still');
      // …and measured once still: the height shows, then the step moves on by itself.
      await kiosk.control({ device: 'height-gauge', action: 'set-unstable', unstable: false });
      await expect(page.getByRole('status')).toHaveText(m(lang, 'height.result', { cm: '165' }), { timeout: 20_000 });
      // The pickup place comes next, then the summary before paying.
      await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
    });
  }
});

test('a card lifted mid-read is read again without a tap; the live photo counts down 3-2-1 and can be retaken (pt)', async ({ page, kiosk }) => {
  test.setTimeout(240_000);
  const lang = 'pt';
  await openService(page, kiosk, lang, 'renew-permanent');
  await kiosk.control({ device: 'card-reader', action: 'remove-during-next-read' });
  await kiosk.control({ device: 'card-reader', action: 'place', profile: RENEWABLE.profile });
  await expect(page.getByTestId('keep-card-still')).toHaveText(m(lang, 'identify.keepStill'));
  await expect(page.getByRole('button', { name: m(lang, 'actions.retry') })).toHaveCount(0);
  await checkScreen(page, lang, 'devices', 4, 'card-keep-still');
  // The card back on the reader: read at once, no tap.
  await kiosk.control({ device: 'card-reader', action: 'place', profile: RENEWABLE.profile });
  await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name: RENEWABLE.nameLatin }) })).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
  await verifyByFingerprint(page, kiosk, lang);
  // The page's clock, so that the countdown can be held still for its screenshots (time flows as
  // usual until then). Installed before the camera opens by itself after the prints.
  await page.clock.install();
  await captureFingers(page, kiosk, lang, 2);

  // The permanent renewal opens the camera at once, a scanned print offered beside it (no 一戶通 photo).
  await expect(page.getByRole('heading', { name: m(lang, 'photo.title') })).toBeVisible();
  await expect(page.getByRole('heading', { name: m(lang, 'photo.choose.title') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: m(lang, 'photo.scan.offer') })).toBeVisible();
  await expect(page.getByRole('button', { name: m(lang, 'photo.useMyPhoto') })).toHaveCount(0);
  // The camera opened by itself: the face passes its checks, 3-2-1, and the photo is taken.
  await expect(page.getByText(m(lang, 'photo.captured'))).toBeVisible({ timeout: 120_000 });
  await checkScreen(page, lang, 'devices', 6, 'photo-review');
  // Retake: the camera again, a new countdown (held still for its screenshots), a new photo.
  const countdown = page.locator('[data-countdown]');
  await page.getByRole('button', { name: m(lang, 'photo.retake') }).click();
  await expect(page.getByText(m(lang, 'photo.captured'))).toHaveCount(0);
  await expect(countdown).toHaveAttribute('data-countdown', '3', { timeout: 120_000 });
  // Paused a moment ahead (the page's time moves on while this call travels): the number then shown stays.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 300));
  const shown = (await countdown.getAttribute('data-countdown')) ?? '';
  expect(['3', '2']).toContain(shown);
  await expect(countdown).toHaveText(m(lang, 'photo.countdown', { count: shown }));
  // (axe needs the page's timers: it checks the review above, not the held countdown.)
  await shotsInThreeLanguages(page, lang, '05-photo-countdown');
  await page.clock.resume();
  await expect(page.getByText(m(lang, 'photo.captured'))).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: m(lang, 'photo.accept') }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'height.title') })).toBeVisible();
});
