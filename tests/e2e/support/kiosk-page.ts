import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ProfileId } from '../../../simulators/card-reader/profiles.js';
import { expect, type KioskHostFixture, screenshot } from '../fixtures/kiosk-host.js';
import { statusShown } from './status-record.js';

/** What every end-to-end flow does on the touchscreen: labels from the locale files, axe, screenshots. */
export type Lang = 'zh-Hant' | 'zh-Hans' | 'pt' | 'en';
export const LANGS: readonly Lang[] = ['zh-Hant', 'zh-Hans', 'pt', 'en'];

const root = process.cwd().endsWith('e2e') ? join(process.cwd(), '../..') : process.cwd();
const locales = Object.fromEntries(LANGS.map((lang) => [lang, JSON.parse(readFileSync(join(root, `locales/${lang}.json`), 'utf8')) as unknown])) as Record<Lang, unknown>;

/** A simple message (no plural) from the locale, with `{name}` arguments filled in. */
export function m(lang: Lang, key: string, args: Record<string, string> = {}): string {
  let node: unknown = locales[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no message ${key} in ${lang}`);
  return node.replace(/\{(\w+)\}/g, (_all, name: string) => args[name] ?? `{${name}}`);
}

const pickupAddresses = (JSON.parse(readFileSync(join(root, 'config/pickup.json'), 'utf8')) as { addresses: Record<string, Record<Lang, string>> }).addresses;

/** A pickup place's address as the host's pickup table (config/pickup.json) gives it: the screens show no other copy. */
export function pickupAddress(lang: Lang, place: string): string {
  const address = pickupAddresses[place]?.[lang];
  if (!address) throw new Error(`no address for ${place} in ${lang}`);
  return address;
}

export const LANGUAGE_BUTTON: Record<Lang, string> = { 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文', pt: 'Português', en: 'English' };

/** Chinese-script languages greet by the Chinese name (if any); others by the Latin one. */
export function greetingName(lang: Lang, person: { nameZh: string; nameLatin: string }): string {
  return (lang === 'zh-Hant' || lang === 'zh-Hans') && person.nameZh ? person.nameZh : person.nameLatin;
}

/** Every screen must pass axe's WCAG 2.2 AA rules. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * axe, then a screenshot named `<lang>-<flow>-<nn>-<screen>.png` under tests/artifacts/screenshots,
 * and the same screen in zh-Hant and en when the test runs in another language (see below).
 */
export async function checkScreen(page: Page, lang: Lang, flow: string, n: number, name: string): Promise<void> {
  await expectAccessible(page);
  const shot = `${flow}-${String(n).padStart(2, '0')}-${name}`;
  await screenshot(page, `${lang}-${shot}`);
  await alsoInChineseAndEnglish(page, lang, shot);
}

/**
 * Every screen is kept as an artefact in zh-Hant and en, whichever language the flow runs in:
 * switch with the language bar (which keeps the progress), screenshot, switch back. Best effort:
 * skipped where the bar is not there or a dialog (the idle warning, the accessibility panel) is open,
 * or while read-aloud is on (switching would speak). If the switch back fails the test fails.
 */
async function alsoInChineseAndEnglish(page: Page, lang: Lang, shot: string): Promise<void> {
  const others = (['zh-Hant', 'en'] as const).filter((other) => other !== lang);
  const bar = page.locator('nav.language-bar');
  if ((await page.locator('[role="dialog"], [role="alertdialog"], html[data-speech="on"]').count()) > 0) return;
  if ((await bar.count()) !== 1 || !(await bar.isVisible())) return;
  const html = page.locator('html');
  try {
    for (const other of others) {
      await bar.getByRole('button', { name: LANGUAGE_BUTTON[other], exact: true }).click({ timeout: 1500 });
      await expect(html).toHaveAttribute('lang', other, { timeout: 2000 });
      await screenshot(page, `${other}-${shot}`);
    }
  } catch {
    // An artefact only: a screen whose bar is busy (e.g. while money moves) keeps its one language.
  }
  if ((await html.getAttribute('lang')) !== lang) {
    await bar.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).click({ timeout: 5000 });
    await expect(html).toHaveAttribute('lang', lang);
  }
}

/** Attract screen → language → the service's tile. */
export async function openService(page: Page, kiosk: KioskHostFixture, lang: Lang, service: string): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
  await page.getByRole('button', { name: m(lang, `services.${service}`), exact: true }).click();
  if (!STARTS_WITHOUT_OVERVIEW.has(service)) await startFromOverview(page, lang);
}

/**
 * The services whose first step shows straight after the menu, with no overview and no Start: a
 * one-step free service with nothing to bring (renderer/flows/overview-needed.ts decides from the
 * host's overview). Walks of these services make no tap on Start, so they fail if the overview comes back.
 */
export const STARTS_WITHOUT_OVERVIEW: ReadonlySet<string> = new Set(['queue-ticket']);

/** A success the flow shows for a moment before moving on by itself: shown (recorded in the page), then gone. */
export async function expectBriefSuccess(page: Page, text: string, timeout = 90_000): Promise<void> {
  await expect.poll(() => statusShown(page, text), { timeout, message: `"${text}" shown` }).toBe(true);
  // Gone from view (a screen whose code is still loading keeps the previous one mounted, hidden).
  await expect(page.getByText(text).filter({ visible: true })).toHaveCount(0, { timeout: 20_000 });
}

/** The service overview after the menu: its steps, time, fee and what to bring; Start begins the visit. */
export async function startFromOverview(page: Page, lang: Lang): Promise<void> {
  await expect(page.locator('[data-testid="overview-time"]')).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'overview.start'), exact: true }).click();
}

/** Places the resident's own card and waits for the greeting, then presses Continue. */
export async function identify(page: Page, kiosk: KioskHostFixture, lang: Lang, profile: ProfileId, person: { nameZh: string; nameLatin: string }): Promise<void> {
  await kiosk.control({ device: 'card-reader', action: 'place', profile });
  await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name: greetingName(lang, person) }) })).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();
}

/** A working day (Tuesday) in office hours, for tests whose answer depends on the time of day. */
export const OFFICE_HOURS = '2026-11-24T10:30:00+08:00';
/** The host config of a test kiosk whose clock starts at `startsAt`. */
export function kioskAt(startsAt: string): Record<string, unknown> {
  return { simulators: { delayMs: 150, paymentDefault: 'wait', clockStartsAt: startsAt } };
}

/**
 * The end of a visit (after Finish, Cancel, a timeout): with a card still on the simulated reader the
 * kiosk asks for it, in the resident's language, before anyone else can start; taking it brings back
 * the attract screen in the default language. Without a card, the attract screen comes at once.
 */
export async function leaveKiosk(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  const state = (await kiosk.state()) as { 'card-reader'?: { card: unknown } };
  if (state['card-reader']?.card) {
    await expect(page.getByRole('heading', { name: m(lang, 'takeCard.title') })).toBeVisible();
    await expect(page.getByText(m(lang, 'takeCard.prompt'))).toBeVisible();
    await kiosk.control({ device: 'card-reader', action: 'remove' });
  }
  await expect(page.getByRole('heading', { name: m('zh-Hant', 'attract.welcome') })).toBeVisible();
}
