import type { Page } from '@playwright/test';
import type { Language } from '../../electron/shared/kiosk-api/contract.js';
import { countClip } from '../../renderer/speech/data-items.js';
import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { toggleSetting } from './support/accessibility.js';
import { kioskAt, LANGUAGE_BUTTON, m, OFFICE_HOURS, startFromOverview } from './support/kiosk-page.js';
import { holdCorner } from './support/maintenance-gesture.js';

/**
 * The messages only lazy code reads (renderer/i18n/lazy-sections.ts) are not in the first paint's
 * locale nor in the other languages' chunks: they come with the speaker and the maintenance screen,
 * in every language. Here in a language other than the default, after a switch: the technician's
 * screen switched to Portuguese, and read aloud in Portuguese then Chinese, whose "Step n of N" depends on
 * the speaker's own messages (an empty `speech.step.end` is not said in Portuguese).
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

async function stepSaid(page: Page, language: Language): Promise<string> {
  const indicator = page.getByTestId('step-indicator');
  const [n, total] = [Number(await indicator.getAttribute('data-step')), Number(await indicator.getAttribute('data-steps'))];
  const keys = ['speech.step.lead', countClip(n), 'speech.step.of', countClip(total), ...(language.startsWith('zh') ? ['speech.step.end'] : [])];
  return keys.map((key) => `${language}/${key}`).join(' ');
}

test('the maintenance screen in Portuguese, switched to from its language bar', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  // The gesture is on the attract screen, whose language is the kiosk's (zh-Hant).
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.pt, exact: true }).first()).toBeVisible();
  await holdCorner(page);
  await expect(page.getByText(m('zh-Hant', 'maintenance.placeCard'))).toBeVisible();
  await screenshot(page, 'zh-Hant-lazy-messages-01-maintenance');
  await page.locator('nav.language-bar').getByRole('button', { name: LANGUAGE_BUTTON.pt, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await expect(page.getByRole('heading', { name: m('pt', 'maintenance.title') })).toBeVisible();
  await expect(page.getByText(m('pt', 'maintenance.placeCard'))).toBeVisible();
  await screenshot(page, 'pt-lazy-messages-01-maintenance');
});

test('read aloud in Portuguese, then in Chinese, says the step with the speaker’s own words', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const output = page.locator('#speech-output');
  await page.getByRole('button', { name: LANGUAGE_BUTTON.pt, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: m('pt', 'menu.title') })).toBeVisible();
  await toggleSetting(page, 'pt', 'speech');
  await expect(output).toHaveAttribute('data-spoken', 'pt/a11y.speechOn pt/menu.title');
  await page.getByRole('button', { name: m('pt', 'services.renew-permanent'), exact: true }).click();
  await startFromOverview(page, 'pt');
  const ptStep = await stepSaid(page, 'pt');
  expect(ptStep).not.toContain('speech.step.end');
  await expect(output).toHaveAttribute('data-spoken', `pt/identify.title pt/identify.placeCard ${ptStep}`);
  await expect(output).toHaveAttribute('data-played', /^pt\//, { timeout: 15_000 });
  await screenshot(page, 'pt-lazy-messages-02-read-aloud');

  await page.getByRole('button', { name: LANGUAGE_BUTTON['zh-Hant'], exact: true }).click();
  await expect(page.getByRole('heading', { name: m('zh-Hant', 'identify.title') })).toBeVisible();
  await expect(output).toHaveAttribute('data-spoken', `zh-Hant/identify.title zh-Hant/identify.placeCard ${await stepSaid(page, 'zh-Hant')}`);
  await screenshot(page, 'zh-Hant-lazy-messages-02-read-aloud');
});
