import type { Page } from '@playwright/test';
import { expect, type KioskHostFixture, screenshot, test } from './fixtures/kiosk-host.js';
import { expectAccessible, identify, type Lang, m, OFFICE_HOURS, kioskAt, openService, leaveKiosk, expectBriefSuccess } from './support/kiosk-page.js';

/**
 * Ten-print capture on the touchscreen (maria-santos: the back office asks for ten prints at her
 * renewal). The hand diagram shows each finger's state in symbol and words; a poor print says its
 * quality against the host's floor and offers a retry; a finger can be recorded as missing or
 * injured; a finger that fails all its tries sends the resident to a counter.
 */
const MARIA = { nameZh: '', nameLatin: 'MARIA DA CONCEICAO SANTOS' };
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

async function toTenPrint(page: Page, kiosk: KioskHostFixture, lang: Lang): Promise<void> {
  await openService(page, kiosk, lang, 'renew-nonpermanent');
  await identify(page, kiosk, lang, 'maria-santos', MARIA);
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
  // No Continue: the success shows for a moment, then the next step comes by itself.
  await expectBriefSuccess(page, m(lang, 'fingerprint.verified'));
  await expect(page.getByRole('heading', { name: m(lang, 'tenPrint.title') })).toBeVisible();
}

const finger = (page: Page, name: string) => page.locator(`[data-finger="${name}"]`);

for (const lang of ['en', 'zh-Hant'] as const satisfies readonly Lang[]) {
  test(`captures ten prints with a retry and an injured finger (${lang})`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await toTenPrint(page, kiosk, lang);
    const diagram = page.getByTestId('hand-diagram');
    await expect(diagram.locator('[data-finger]')).toHaveCount(10);
    await expect(diagram.locator('[data-status="pending"]')).toHaveCount(10);
    // The first finger the host asks for is outlined and named in the prompt.
    const first = await page.locator('[data-current-finger]').getAttribute('data-current-finger');
    expect(first).toBe('right-thumb');
    await expect(finger(page, 'right-thumb')).toHaveAttribute('aria-current', 'step');
    await expectAccessible(page);
    await screenshot(page, `${lang}-tenprint-01-start`);

    // A faint print: what to do about it in words (no raw quality figure), tries left, and a retry.
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 25, matches: true });
    await expect(page.locator('[data-outcome="poor-quality"]')).toContainText(m(lang, 'tenPrint.poorQuality'));
    await expect(page.locator('[data-outcome="poor-quality"]')).not.toContainText('25');
    await expectAccessible(page);
    await screenshot(page, `${lang}-tenprint-02-poor-quality`);
    await page.getByRole('button', { name: m(lang, 'fingerprint.tryAgain') }).click();
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 80, matches: true });
    await expect(finger(page, 'right-thumb')).toHaveAttribute('data-status', 'captured');
    await expect(finger(page, 'right-thumb')).toContainText(m(lang, 'tenPrint.state.captured'));

    // The right index finger is injured: recorded as such, not captured.
    await expect(page.locator('[data-current-finger]')).toHaveAttribute('data-current-finger', 'right-index');
    await page.getByRole('button', { name: m(lang, 'tenPrint.markInjured', { finger: m(lang, 'fingers.right-index') }) }).click();
    await expect(finger(page, 'right-index')).toHaveAttribute('data-status', 'injured');
    await expect(finger(page, 'right-index')).toContainText(m(lang, 'tenPrint.state.injured'));

    for (let i = 0; i < 7; i++) await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
    // The completed hands show only for a moment (the flow moves on by itself): the count is checked before the last finger.
    await expect(page.getByTestId('hand-diagram').locator('[data-status="captured"]')).toHaveCount(8, { timeout: 30_000 });
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true });
    // No Continue: the success shows for a moment, then the photo comes by itself.
    await expectBriefSuccess(page, m(lang, 'tenPrint.complete'), 90_000);
    await expect(page.getByRole('heading', { name: m(lang, 'photo.title') })).toBeVisible({ timeout: 20_000 });
  });
}

test('a finger that fails all its tries sends the resident to a counter (en)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await toTenPrint(page, kiosk, 'en');
  for (let i = 0; i < 3; i++) {
    await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 10, matches: true });
    if (i < 2) {
      await expect(page.getByRole('button', { name: m('en', 'fingerprint.tryAgain') })).toBeVisible();
      await page.getByRole('button', { name: m('en', 'fingerprint.tryAgain') }).click();
    }
  }
  await expect(page.getByTestId('tenprint-referral')).toHaveText(m('en', 'tenPrint.referral'));
  await expect(finger(page, 'right-thumb')).toHaveAttribute('data-status', 'failed');
  await expect(finger(page, 'right-thumb')).toContainText(m('en', 'tenPrint.state.failed'));
  await expectAccessible(page);
  await screenshot(page, 'en-tenprint-04-referral');
  await page.getByRole('button', { name: m('en', 'actions.finish') }).click();
  await leaveKiosk(page, kiosk, 'en');
});
