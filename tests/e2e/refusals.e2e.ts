import type { ControlCommandInput } from '../../simulators/control/commands.js';
import type { SeedCardId } from '../../simulators/backoffice/seed-cards.js';
import type { ProfileId } from '../../simulators/card-reader/profiles.js';
import type { Page } from '@playwright/test';
import type { ReasonCode } from '../../electron/shared/kiosk-api/schemas/reason-codes.js';
import { REFERRAL_OF } from '../../renderer/steps/common/referrals.js';
import { expect, type KioskHostFixture, test } from './fixtures/kiosk-host.js';
import { checkScreen, greetingName, type Lang, m, OFFICE_HOURS, kioskAt, openService, leaveKiosk } from './support/kiosk-page.js';

/**
 * Each refusal the host can give as soon as the resident is identified, on the touchscreen: the
 * localised line for every reason, what to do instead, and Finish back to the start. The cards are
 * the simulated reader's profiles and the back office's seed residents (`place-resident`); the
 * reasons that follow a choice (relatives, contact subject, marriage, tickets, pickup) are tested
 * in their own flows. Languages rotate so that all four are covered.
 */
interface Case {
  reason: string;
  service: string;
  card: ControlCommandInput;
  person: { nameZh: string; nameLatin: string };
  verdict: 'not-allowed' | 'counter-only';
  lang: Lang;
}

const profile = (p: ProfileId): ControlCommandInput => ({ device: 'card-reader', action: 'place', profile: p });
const resident = (r: SeedCardId): ControlCommandInput => ({
  device: 'card-reader',
  action: 'place-resident',
  resident: r,
});
const CHAN = { nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' };

const IN_OFFICE_HOURS: Case[] = [
  { reason: 'wrong-card-kind', service: 'renew-nonpermanent', card: profile('chan-tai-man'), person: CHAN, verdict: 'not-allowed', lang: 'zh-Hant' },
  { reason: 'renewal-window-not-open', service: 'renew-permanent', card: profile('chan-tai-man'), person: CHAN, verdict: 'not-allowed', lang: 'zh-Hans' },
  { reason: 'already-married', service: 'marital-status-married', card: profile('chan-tai-man'), person: CHAN, verdict: 'not-allowed', lang: 'pt' },
  { reason: 'age-under-18-on-issue-date', service: 'renew-permanent', card: profile('wong-siu-ming'), person: { nameZh: '黃小明', nameLatin: 'WONG SIU MENG' }, verdict: 'not-allowed', lang: 'en' },
  { reason: 'applicant-under-18', service: 'kinship-certificate', card: profile('wong-siu-ming'), person: { nameZh: '黃小明', nameLatin: 'WONG SIU MENG' }, verdict: 'counter-only', lang: 'zh-Hant' },
  { reason: 'card-expired', service: 'kinship-certificate', card: profile('expired'), person: { nameZh: '林美玲', nameLatin: 'LAM MEI LENG' }, verdict: 'counter-only', lang: 'zh-Hans' },
  { reason: 'card-valid-for-life', service: 'renew-permanent', card: profile('lifetime'), person: { nameZh: '何金華', nameLatin: 'HO KAM WA' }, verdict: 'not-allowed', lang: 'pt' },
  { reason: 'person-not-identified', service: 'renew-permanent', card: profile('tampered'), person: { nameZh: '張偉健', nameLatin: 'CHEONG WAI KIN' }, verdict: 'not-allowed', lang: 'en' },
  { reason: 'residence-certificate-expired', service: 'renew-nonpermanent', card: profile('nonpermanent-cert-expired'), person: { nameZh: '阮氏梅', nameLatin: 'NGUYEN THI MAI' }, verdict: 'not-allowed', lang: 'zh-Hant' },
  { reason: 'residence-certificate-missing', service: 'renew-nonpermanent', card: profile('nonpermanent-cert-missing'), person: { nameZh: '', nameLatin: 'JOHN PAUL REYES' }, verdict: 'not-allowed', lang: 'pt' },
  { reason: 'interdicted', service: 'renew-permanent', card: resident('interdicted'), person: { nameZh: '馮志強', nameLatin: 'FONG CHI KEONG' }, verdict: 'counter-only', lang: 'zh-Hans' },
];

const AT_NIGHT: Case[] = [
  { reason: 'age-under-25-outside-office-hours', service: 'renew-permanent', card: resident('young-adult'), person: { nameZh: '鄭家欣', nameLatin: 'CHEANG KA IAN' }, verdict: 'not-allowed', lang: 'en' },
];

async function refusalOf(c: Case, page: Page, kiosk: KioskHostFixture): Promise<void> {
  await openService(page, kiosk, c.lang, c.service);
  await kiosk.control(c.card);
  await expect(page.getByRole('heading', { name: m(c.lang, 'greeting.hello', { name: greetingName(c.lang, c.person) }) })).toBeVisible();
  await page.getByRole('button', { name: m(c.lang, 'greeting.continue') }).click();
  await expect(page.getByRole('heading', { name: m(c.lang, 'refusal.title') })).toBeVisible();
  await expect(page.locator(`[data-reason="${c.reason}"]`)).toHaveText(m(c.lang, `reasons.${c.reason}`));
  await expect(page.getByText(m(c.lang, c.verdict === 'counter-only' ? 'refusal.counterOnly' : 'refusal.notAllowed'))).toBeVisible();
  // Where to go instead: one line per place, e.g. the police's residence certificate through 一戶通.
  const referral = REFERRAL_OF[c.reason as ReasonCode];
  if (referral) await expect(page.locator(`[data-referral="${referral}"]`)).toHaveText(m(c.lang, `referrals.${referral}`));
  await checkScreen(page, c.lang, 'refusal', 0, c.reason);
  await page.getByRole('button', { name: m(c.lang, 'actions.finish') }).click();
  await leaveKiosk(page, kiosk, c.lang);
}

test.describe('in office hours on a working day', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });
  for (const c of IN_OFFICE_HOURS) {
    test(`${c.service}: ${c.reason} (${c.lang})`, async ({ page, kiosk }) => refusalOf(c, page, kiosk));
  }
});

test.describe('at night', () => {
  test.use({ hostConfig: kioskAt('2026-11-24T22:30:00+08:00') });
  for (const c of AT_NIGHT) {
    test(`${c.service}: ${c.reason} (${c.lang})`, async ({ page, kiosk }) => refusalOf(c, page, kiosk));
  }
});
