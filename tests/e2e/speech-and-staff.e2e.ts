import type { Page } from '@playwright/test';
import type { Language } from '../../electron/shared/kiosk-api/contract.js';
import { countClip } from '../../renderer/speech/data-items.js';
import { expect, test } from './fixtures/kiosk-host.js';
import { expectModeHolds, toggleSetting } from './support/accessibility.js';
import { checkScreen, greetingName, kioskAt, LANGUAGE_BUTTON, m, OFFICE_HOURS, startFromOverview } from './support/kiosk-page.js';

/**
 * Read-aloud and Call staff as a resident meets them. The speech module writes what it said on the
 * hidden `#speech-output` (`data-spoken`: this utterance's `lang/key` items; `data-played`: the
 * last clip that actually started playing). This Chromium has no platform voice, so the kiosk plays
 * its pre-rendered clips (assets/audio), served by the host.
 */
const CHAN = { nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' };

/**
 * How "Step n of N" is said after a screen's prompt, for the count the screen shows: the counts as
 * whole numbers (ten is `speech.count.10`, not "one zero"); Chinese ends on 步, English and
 * Portuguese on the number.
 */
async function stepSaid(page: Page, language: Language): Promise<string> {
  const indicator = page.getByTestId('step-indicator');
  const [n, total] = [Number(await indicator.getAttribute('data-step')), Number(await indicator.getAttribute('data-steps'))];
  const keys = ['speech.step.lead', countClip(n), 'speech.step.of', countClip(total), ...(language.startsWith('zh') ? ['speech.step.end'] : [])];
  return keys.map((key) => `${language}/${key}`).join(' ');
}

test.describe('read aloud', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

  test('is off until asked; then every new screen and error is spoken in the current language, from its clip', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    const output = page.locator('#speech-output');
    await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().click();
    await expect(page.getByRole('heading', { name: m('en', 'menu.title') })).toBeVisible();
    await page.waitForTimeout(300);
    await expect(output).not.toHaveAttribute('data-spoken', /.*/);

    await toggleSetting(page, 'en', 'speech');
    await expect(output).toHaveAttribute('data-spoken', 'en/a11y.speechOn en/menu.title');
    await expect(output).toHaveAttribute('data-engine', 'audio');
    await expect(output).toHaveAttribute('data-played', 'en/menu.title', { timeout: 15_000 });

    await page.getByRole('button', { name: m('en', 'services.renew-permanent'), exact: true }).click();
    await startFromOverview(page, 'en');
    // The title, the prompt, then where the resident is in the visit.
    const enStep = await stepSaid(page, 'en');
    expect(enStep).toMatch(/^en\/speech\.step\.lead en\/speech\.digit\.1 en\/speech\.step\.of en\/speech\.(digit|count)\.\d+$/);
    await expect(output).toHaveAttribute('data-spoken', `en/identify.title en/identify.placeCard ${enStep}`);
    await expect(output).toHaveAttribute('data-played', /^en\/identify\./, { timeout: 15_000 });

    // An error is spoken when it appears.
    await kiosk.control({ device: 'card-reader', action: 'place', profile: 'not-an-id-card' });
    await expect(page.getByRole('alert')).toContainText(m('en', 'errors.card-unreadable'));
    await expect(output).toHaveAttribute('data-spoken', `en/identify.title en/identify.placeCard ${enStep} en/errors.card-unreadable`);
    await expect(output).toHaveAttribute('data-played', 'en/errors.card-unreadable', { timeout: 15_000 });

    // Another language: the same screen again, in that language's voice.
    await page.getByRole('button', { name: LANGUAGE_BUTTON['zh-Hant'], exact: true }).click();
    await expect(page.getByRole('heading', { name: m('zh-Hant', 'identify.title') })).toBeVisible();
    // The screen first, then the error it still shows.
    await expect(output).toHaveAttribute('data-spoken', `zh-Hant/identify.title zh-Hant/identify.placeCard ${await stepSaid(page, 'zh-Hant')} zh-Hant/errors.card-unreadable`);
    await expect(output).toHaveAttribute('data-played', 'zh-Hant/errors.card-unreadable', { timeout: 15_000 });

    // A title with a name (the greeting) says its argument-free line instead.
    await kiosk.control({ device: 'card-reader', action: 'remove' });
    await page.getByRole('button', { name: m('zh-Hant', 'actions.retry') }).click();
    await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
    await expect(page.getByRole('heading', { name: m('zh-Hant', 'greeting.hello', { name: greetingName('zh-Hant', CHAN) }) })).toBeVisible();
    await expect(output).toHaveAttribute('data-spoken', `zh-Hant/greeting.cardRead ${await stepSaid(page, 'zh-Hant')}`);
    await expect(output).toHaveAttribute('data-played', 'zh-Hant/greeting.cardRead', { timeout: 15_000 });

    // The clips are served by the host like the rest of the renderer.
    const clip = await page.request.get(`${kiosk.origin}/audio/zh-Hans/errors.timeout.ogg`);
    expect(clip.status()).toBe(200);
    expect(clip.headers()['content-type']).toBe('audio/ogg');
  });
});

test.describe('idle warning', () => {
  test.use({ hostConfig: { simulators: { delayMs: 0, paymentDefault: 'wait' }, idle: { timeoutSeconds: 10, warningSeconds: 30 } } });
  test.setTimeout(60_000);

  test('is spoken even with read-aloud off, in the current language', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: LANGUAGE_BUTTON.pt, exact: true }).first().click();
    await expect(page.getByRole('heading', { name: m('pt', 'menu.title') })).toBeVisible();
    const output = page.locator('#speech-output');
    await expect(page.getByRole('alertdialog', { name: m('pt', 'idle.title') })).toBeVisible({ timeout: 15_000 });
    await expect(output).toHaveAttribute('data-spoken', 'pt/speech.idleWarning');
    await expect(output).toHaveAttribute('data-played', 'pt/speech.idleWarning', { timeout: 15_000 });
    await checkScreen(page, 'pt', 'speech', 1, 'idle-warning');
  });

  for (const mode of ['largeText', 'highContrast', 'wheelchair'] as const) {
    test(`its one-touch Continue keeps targets, contrast and reach in ${mode}`, async ({ page, kiosk }) => {
      await page.goto(kiosk.url);
      await toggleSetting(page, 'zh-Hant', mode);
      await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().click();
      const warning = page.getByRole('alertdialog', { name: m('en', 'idle.title') });
      await expect(warning).toBeVisible({ timeout: 15_000 });
      await expectModeHolds(page, mode);
      await checkScreen(page, 'en', `a11y-${mode}`, 10, 'idle-warning');
      await warning.getByRole('button', { name: m('en', 'idle.continue') }).click();
      await expect(warning).toBeHidden();
      await expect(page.getByRole('heading', { name: m('en', 'menu.title') })).toBeVisible();
    });
  }
});

test.describe('call staff', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

  test('records the call with the screen, confirms it, and keeps the resident where they were', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    // From the attract screen, before any visit.
    await page.getByRole('button', { name: m('zh-Hant', 'staff.call') }).click();
    await expect(page.getByRole('dialog', { name: m('zh-Hant', 'staff.calledTitle') })).toContainText(m('zh-Hant', 'staff.calledWait'));
    await page.getByRole('button', { name: m('zh-Hant', 'staff.ok') }).click();

    await page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first().click();
    await page.getByRole('button', { name: m('en', 'services.renew-permanent'), exact: true }).click();
    await startFromOverview(page, 'en');
    await expect(page.getByText(m('en', 'identify.placeCard'))).toBeVisible();
    await page.getByRole('button', { name: m('en', 'staff.call') }).click();
    const dialog = page.getByRole('dialog', { name: m('en', 'staff.calledTitle') });
    await expect(dialog).toContainText(m('en', 'staff.calledWait'));
    const callId = await dialog.locator('[data-call-id]').getAttribute('data-call-id');
    await checkScreen(page, 'en', 'staff', 1, 'called');

    const state = (await kiosk.state()) as { 'staff-calls': { count: number; recent: { callId: string; kioskId: string; screen: string; calledAt: string }[] } };
    expect(state['staff-calls'].count).toBe(2);
    expect(state['staff-calls'].recent.map((call) => call.screen)).toEqual(['attract', 'place-card']);
    expect(state['staff-calls'].recent[1]?.callId).toBe(callId);
    expect(JSON.stringify(state['staff-calls'])).not.toMatch(/CHAN|陳/);

    // The visit goes on where it was.
    await page.getByRole('button', { name: m('en', 'staff.ok') }).click();
    await expect(dialog).toBeHidden();
    await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
    await expect(page.getByRole('heading', { name: m('en', 'greeting.hello', { name: 'CHAN TAI MAN' }) })).toBeVisible();
  });
});
