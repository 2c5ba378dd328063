import { expect, test } from './fixtures/kiosk-host.js';
import { checkScreen, m, openService, expectBriefSuccess } from './support/kiosk-page.js';

/**
 * The resident lifts the ID card after the greeting, before the fingerprint step has read its
 * references: the screen says so and asks for the card again; with the card back, Try again
 * continues where the visit was, and nothing is lost.
 */
test('a card taken away mid-flow is asked for again, and the renewal goes on (zh-Hans)', async ({ page, kiosk }) => {
  const lang = 'zh-Hans';
  await openService(page, kiosk, lang, 'renew-permanent');
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'expired' });
  await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name: '林美玲' }) })).toBeVisible();
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();

  await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(m(lang, 'fingerprint.cardAgain'));
  await checkScreen(page, lang, 'card-removed', 1, 'fingerprint-needs-card');

  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'expired' });
  await page.getByRole('button', { name: m(lang, 'actions.retry') }).click();
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'fingerprint.verified'));
  // The visit goes on where it was: the new card's prints are next.
  await expect(page.getByRole('heading', { name: m(lang, 'tenPrint.title') })).toBeVisible();
});
