import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { kioskAt, m, OFFICE_HOURS, openService } from './support/kiosk-page.js';

/**
 * The tester panel beyond the devices: the kiosk's clock moved while it runs, the back office's
 * faults, the receipts as printed (text and picture), and the staff-call list. The kiosk page runs in one tab and
 * the panel in another, as a tester uses them.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

test('the panel moves the clock, sets back-office faults, shows printed receipts and staff calls', async ({ page, kiosk, context }) => {
  // A queue ticket printed and a staff call made on the kiosk.
  await openService(page, kiosk, 'en', 'queue-ticket');
  await page.locator('[data-office="hq"]').click();
  await expect(page.getByText(m('en', 'slip.printed'))).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: m('en', 'staff.call') }).click();
  await page.getByRole('button', { name: m('en', 'staff.ok') }).click();

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 1280, height: 1600 });
  await panel.goto(kiosk.controlUrl);

  // Printed receipts, as the paper reads them.
  await expect(panel.locator('#printed pre.receipt')).toHaveCount(1);
  await expect(panel.locator('#printed pre.receipt')).toContainText('A001');
  // …and as the paper looks (a PNG drawn from the printed ESC/POS).
  await expect(panel.locator('#printed .paper img')).toHaveJSProperty('naturalWidth', 576, { timeout: 15_000 });
  // Staff calls, newest first.
  await expect(panel.locator('#staff-calls li')).toHaveCount(1);
  await expect(panel.locator('#staff-calls li')).not.toHaveText(/no staff call/);

  // The clock: 10:30 on Tuesday, then +1d → Wednesday, then a jump to the night.
  await expect(panel.locator('#clock .info')).toContainText('2026-11-24T02:3');
  await panel.locator('#clock').getByRole('button', { name: '+1d' }).click();
  await expect(panel.locator('#clock .info')).toContainText('2026-11-25T02:3');
  await panel.locator('#clock input[placeholder^="2026"]').fill('2026-11-25T22:30:00+08:00');
  await panel.locator('#clock').getByRole('button', { name: 'Jump' }).click();
  await expect(panel.locator('#clock .info')).toContainText('2026-11-25T14:30');
  const state = (await kiosk.state()) as { clock: { now: string } };
  expect(Math.abs(Date.parse(state.clock.now) - Date.parse('2026-11-25T14:30:00Z'))).toBeLessThan(5_000);

  // Back-office faults: down and slow, as the simulator holds them.
  await panel.locator('#bo-faults').getByRole('button', { name: 'Down', exact: true }).click();
  await panel.locator('#bo-faults').getByRole('button', { name: 'Slow 3 s' }).click();
  await expect(panel.locator('#bo-faults .info')).toHaveText(/down: true · slow: 3000 ms · refusing: false/);
  const faults = (await (await kiosk.backofficeControl('/v1/_control/faults')).json()) as Record<string, unknown>;
  expect(faults).toMatchObject({ down: true, latencyMs: 3000, refusing: false, submissions: 'ok' });
  await screenshot(panel, 'control-panel-tester');
  await panel.locator('#bo-faults').getByRole('button', { name: 'Up', exact: true }).click();
  await expect(panel.locator('#bo-faults .info')).toHaveText(/down: false · slow: 3000 ms/);
  // GovPay with nothing pending: said, not silently ignored.
  await panel.locator('#bo-faults').getByRole('button', { name: 'Pay the newest QR' }).click();
  await expect(panel.locator('#log')).toHaveText(/no GovPay QR is waiting/);
});
