import { expect, type KioskHostFixture, test } from './fixtures/kiosk-host.js';
import { checkScreen, kioskAt, type Lang, m, OFFICE_HOURS, openService, leaveKiosk } from './support/kiosk-page.js';

/**
 * Queue tickets from the menu, without identifying anyone: the kind and the office (each with the
 * host's open or closed status), then the ticket number on screen and on paper. Outside office
 * hours the host refuses a same-day ticket and says when the office opens.
 */
interface PrinterState {
  'receipt-printer': { printedCount: number; lastText: string | null };
}
const printer = async (kiosk: KioskHostFixture) => ((await kiosk.state()) as unknown as PrinterState)['receipt-printer'];

test.describe('in office hours', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

  for (const lang of ['en', 'pt'] as const satisfies readonly Lang[]) {
    test(`takes a same-day ticket at HQ and prints it (${lang})`, async ({ page, kiosk }) => {
      await openService(page, kiosk, lang, 'queue-ticket');
      await expect(page.getByRole('heading', { name: m(lang, 'queue.chooseTitle') })).toBeVisible();
      // Every office is open on a Tuesday morning; the chosen kind is marked by a check, not colour alone.
      for (const office of ['hq', 'government-services-building', 'islands-centre']) {
        await expect(page.locator(`[data-office="${office}"]`)).toContainText(m(lang, 'queue.openNow'));
      }
      await expect(page.locator('[data-kind="same-day"]')).toHaveAttribute('aria-pressed', 'true');
      await checkScreen(page, lang, 'queue', 1, 'choose');

      await page.locator('[data-office="hq"]').click();
      await expect(page.getByRole('heading', { name: m(lang, 'queue.ticketTitle') })).toBeVisible();
      await expect(page.getByTestId('ticket-number')).toHaveText('A001');
      await expect(page.getByText(m(lang, 'slip.printed'))).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText(m(lang, 'queue.hint.same-day'))).toBeVisible();
      await checkScreen(page, lang, 'queue', 2, 'ticket');
      const slip = await printer(kiosk);
      expect(slip.printedCount).toBe(1);
      expect(slip.lastText).toContain('A001');
      expect(slip.lastText).toContain('Sede da DSI');
      expect(slip.lastText).toContain('2026-11-24 10:30');

      await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
      await leaveKiosk(page, kiosk, lang);
    });
  }

  test('a printer out of paper keeps the number on screen; printing again gives the same ticket (en)', async ({ page, kiosk }) => {
    // The paper runs out once the service is chosen: a kiosk already out of paper does not offer queue tickets (tests/e2e/availability.e2e.ts).
    await openService(page, kiosk, 'en', 'queue-ticket');
    // Chosen means the host has started the visit and its screen shows: paper gone before that is a
    // kiosk that no longer offers the service (the menu greys it out and the host refuses it).
    await expect(page.locator('[data-office="islands-centre"]')).toBeVisible();
    await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'out' });
    await page.locator('[data-office="islands-centre"]').click();
    await expect(page.getByTestId('ticket-number')).toHaveText('A001');
    await expect(page.getByRole('alert')).toContainText(m('en', 'slip.failed', { reason: m('en', 'slip.paper.paper-out') }));
    await checkScreen(page, 'en', 'queue', 6, 'printer-fault');
    expect((await printer(kiosk)).printedCount).toBe(0);
    await kiosk.control({ device: 'receipt-printer', action: 'set-paper', paper: 'ok' });
    await page.getByRole('button', { name: m('en', 'slip.printAgain') }).click();
    await expect(page.getByText(m('en', 'slip.printed'))).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('ticket-number')).toHaveText('A001');
    const slip = await printer(kiosk);
    expect(slip.printedCount).toBe(1);
    expect(slip.lastText).toContain('A001');
    expect(slip.lastText).toContain('Centro de Serviços das Ilhas');
  });

  test('a booking elsewhere than HQ is refused by the host with its reason (en)', async ({ page, kiosk }) => {
    await openService(page, kiosk, 'en', 'queue-ticket');
    await page.locator('[data-kind="booking"]').click();
    await expect(page.locator('[data-kind="booking"]')).toHaveAttribute('aria-pressed', 'true');
    await page.locator('[data-office="islands-centre"]').click();
    await expect(page.getByRole('heading', { name: m('en', 'refusal.title') })).toBeVisible();
    await expect(page.locator('[data-reason="booking-hq-only"]')).toHaveText(m('en', 'reasons.booking-hq-only'));
    expect((await printer(kiosk)).printedCount).toBe(0);
  });
});

test.describe('on a Saturday', () => {
  test.use({ hostConfig: kioskAt('2026-11-28T11:00:00+08:00') });

  test('offices show closed with their next opening; a same-day ticket is refused until Monday, a booking at HQ is taken (pt)', async ({ page, kiosk }) => {
    await openService(page, kiosk, 'pt', 'queue-ticket');
    await expect(page.locator('[data-office="hq"]')).toContainText(/Fechado/);
    await expect(page.locator('[data-office="hq"]')).toContainText(/30 de novembro/);
    await checkScreen(page, 'pt', 'queue', 3, 'choose-closed');

    await page.locator('[data-office="hq"]').click();
    await expect(page.getByRole('heading', { name: m('pt', 'refusal.title') })).toBeVisible();
    await expect(page.locator('[data-reason="office-closed-now"]')).toHaveText(m('pt', 'reasons.office-closed-now'));
    await expect(page.getByText(/30 de novembro de 2026/)).toBeVisible();
    await checkScreen(page, 'pt', 'queue', 4, 'refused-closed');
    expect((await printer(kiosk)).printedCount).toBe(0);
    await page.getByRole('button', { name: m('pt', 'actions.finish') }).click();

    await openService(page, kiosk, 'pt', 'queue-ticket');
    await page.locator('[data-kind="booking"]').click();
    await page.locator('[data-office="hq"]').click();
    await expect(page.getByTestId('ticket-number')).toHaveText('B001');
    await expect(page.getByText(m('pt', 'queue.hint.booking'))).toBeVisible();
    await expect(page.getByText(m('pt', 'slip.printed'))).toBeVisible({ timeout: 20_000 });
    await checkScreen(page, 'pt', 'queue', 5, 'booking');
    expect((await printer(kiosk)).lastText).toContain('B001');
  });
});
