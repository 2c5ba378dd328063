import { expect, test } from './fixtures/kiosk-host.js';
import { swapCard } from './kinship-steps.js';
import { checkScreen, identify, kioskAt, type Lang, m, OFFICE_HOURS, openService, expectBriefSuccess } from './support/kiosk-page.js';

/**
 * A minor renewing a non-permanent ID card with a parent [000]: after the minor's own verification,
 * the minor's card is asked off the reader; a card not on the minor's file and the minor's card placed
 * again are refused; the mother on file
 * is then verified against her own card (finger, or her card's PIN after three misses).
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });
const MINOR = { profile: 'ip-ka-man', nameZh: '葉家敏', nameLatin: 'IP KA MAN' } as const;

for (const lang of ['zh-Hant', 'en'] as const satisfies readonly Lang[]) {
  test(`a minor's guardian is checked against the file and verified in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    const flow = 'guardian';
    await openService(page, kiosk, lang, 'renew-nonpermanent');
    await identify(page, kiosk, lang, MINOR.profile, MINOR);
    await expect(page.getByRole('heading', { name: m(lang, 'fingerprint.title') })).toBeVisible();
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
    // No Continue: the success shows for a moment, then the next step comes by itself.
    await expectBriefSuccess(page, m(lang, 'fingerprint.verified'));

    // The minor's card is still on the reader: the kiosk asks for it first, and never reads it again.
    await expect(page.getByRole('heading', { name: m(lang, 'guardian.title') })).toBeVisible();
    await expect(page.getByTestId('guardian-prompt')).toHaveText(m(lang, 'guardian.liftMinor'));
    await expect(page.getByRole('alert')).toHaveCount(0);
    await checkScreen(page, lang, flow, 1, 'lift-minor-card');
    await kiosk.control({ device: 'card-reader', action: 'remove' });
    await expect(page.getByTestId('guardian-prompt')).toContainText(m(lang, `guardian.relations.mother`));
    // An adult who is not on the minor's file.
    await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
    await expect(page.getByRole('alert')).toHaveText(new RegExp(m(lang, 'guardian.refused.not-on-file')));
    await checkScreen(page, lang, flow, 2, 'not-on-file');
    // The minor's own card placed again: refused.
    await swapCard(kiosk, MINOR.profile);
    await expect(page.getByRole('alert')).toHaveText(new RegExp(m(lang, 'guardian.refused.own-card')));
    // The mother on file.
    await swapCard(kiosk, 'ip-mother');
    await expect(page.getByRole('heading', { name: m(lang, 'guardian.fingerprintTitle') })).toBeVisible();
    // The prompt speaks to the adult at the scanner, not to the minor ("your finger").
    const toTheAdult = m(lang, 'guardian.placeFinger', { finger: '\u0000' }).split('\u0000')[0] ?? '';
    await expect(page.getByTestId('finger-place')).toContainText(toTheAdult);
    await checkScreen(page, lang, flow, 3, 'guardian-finger');

    if (lang === 'en') {
      // Three misses, then the PIN of the mother's own card.
      for (let i = 0; i < 3; i++) {
        await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: false });
        await expect(page.getByRole('alert')).toContainText(m(lang, 'fingerprint.outcome.no-match'));
        if (i < 2) await page.getByRole('button', { name: m(lang, 'fingerprint.tryAgain') }).click();
      }
      await page.getByRole('button', { name: m(lang, 'fingerprint.usePin') }).click();
      await checkScreen(page, lang, flow, 4, 'guardian-pin');
      for (const digit of '123456') await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: m(lang, 'pin.confirm') }).click();
    } else {
      await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
    }
    // No Continue: the success shows for a moment, then the next step comes by itself.
    await expectBriefSuccess(page, m(lang, 'fingerprint.verified'));
    // On to the minor's own capture: the new card's prints come next.
    await expect(page.getByRole('heading', { name: m(lang, 'tenPrint.title') })).toBeVisible();
  });
}
