import { expect, test } from './fixtures/kiosk-host.js';
import { checkScreen, type Lang, LANGUAGE_BUTTON, m } from './support/kiosk-page.js';

/**
 * The overview between the menu and the first step: the host's steps in words ("if needed" where
 * they depend on the person), the time estimate, the fee and what to have ready; "Back to services"
 * returns to the menu with nothing started, Start begins the visit, and every step screen then
 * says "Step n of N" from the host's plan.
 */
for (const lang of ['zh-Hant', 'pt', 'en'] as const satisfies readonly Lang[]) {
  test(`the renewal's overview, then Step 1 of N at the card (${lang})`, async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: LANGUAGE_BUTTON[lang], exact: true }).first().click();
    await page.getByRole('button', { name: m(lang, 'services.renew-permanent'), exact: true }).click();

    await expect(page.getByRole('heading', { name: m(lang, 'services.renew-permanent') })).toBeVisible();
    const steps = page.locator('.overview-steps li');
    await expect(steps.first()).toHaveText(m(lang, 'overview.steps.read-card'));
    await expect(page.locator('[data-step="height"]')).toContainText(m(lang, 'overview.ifNeeded'));
    await expect(page.locator('[data-step="scan-card"]')).not.toContainText(m(lang, 'overview.ifNeeded'));
    // Pickup, then the summary, then payment: the order the host's plan follows.
    const kinds = await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-step')));
    expect(kinds.slice(-4)).toEqual(['choose-pickup', 'review', 'payment', 'receipt']);
    // The estimate from the host's config (kiosk-rules.json visitMinutes), in the resident's language.
    await expect(page.getByTestId('overview-time')).toContainText('4');
    await expect(page.getByTestId('overview-fee')).toContainText('90');
    await expect(page.locator('[data-bring]')).toHaveText([m(lang, 'overview.bring.own-card'), m(lang, 'overview.bring.payment')]);
    // Nothing started yet: no step count.
    await expect(page.getByTestId('step-indicator')).toHaveCount(0);
    await checkScreen(page, lang, 'overview', 1, 'renew-permanent');

    await page.getByRole('button', { name: m(lang, 'overview.back'), exact: true }).click();
    await expect(page.getByRole('heading', { name: m(lang, 'menu.title') })).toBeVisible();
    await page.getByRole('button', { name: m(lang, 'services.renew-permanent'), exact: true }).click();
    await page.getByRole('button', { name: m(lang, 'overview.start'), exact: true }).click();

    await expect(page.getByText(m(lang, 'identify.placeCard'))).toBeVisible();
    const indicator = page.getByTestId('step-indicator');
    await expect(indicator).toHaveAttribute('data-step', '1');
    const total = Number(await indicator.getAttribute('data-steps'));
    // The host's plan for a resident not yet known, without the receipt: read card … payment.
    expect(total).toBeGreaterThanOrEqual(8);
    await expect(indicator).toHaveText(m(lang, 'stepIndicator', { n: '1', total: String(total) }));
    await checkScreen(page, lang, 'overview', 2, 'step-1');
  });
}
