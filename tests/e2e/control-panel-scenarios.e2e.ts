import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { kioskAt, m, OFFICE_HOURS, openService } from './support/kiosk-page.js';

/**
 * The panel's scenario launcher and its serial-line fault buttons, on an in-process kiosk. The
 * launcher runs a library file against this very kiosk (the runner as a child process, with its own
 * page), and the panel shows the live step, each step's mark and the verdict; a failed check shows
 * what was expected and what the kiosk did.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

test('the panel runs a scenario against this kiosk, live, and shows its verdict; line faults are disabled in-process with the reason', async ({ page, kiosk, context }) => {
  test.setTimeout(150_000);
  const panel = page;
  await panel.setViewportSize({ width: 1280, height: 1800 });
  await panel.goto(kiosk.controlUrl);

  // In-process devices have no serial line: the buttons are there, disabled, with the API's reason.
  const terminalLine = panel.locator('.line-faults[data-device="payment-terminal"]');
  for (const name of ['Line garbage', 'Corrupt 3 frames', 'Power cycle 2 s']) await expect(terminalLine.getByRole('button', { name })).toBeDisabled();
  await expect(terminalLine).toContainText('line faults need the device on a serial line (the hardware loop: npm start -- --loop)');
  await expect(panel.locator('.line-faults[data-device="height-gauge"]').getByRole('button', { name: 'Line garbage' })).toBeDisabled();
  await expect(panel.locator('.line-faults[data-device="receipt-printer"]').getByRole('button', { name: 'Line garbage' })).toBeDisabled();

  // The library's files, by name.
  const file = panel.getByRole('combobox', { name: 'Scenario file' });
  await expect(file.locator('option[value="scenarios/queue-ticket-same-day.yaml"]')).toHaveText(/Queue ticket, same day at HQ, printed/);
  await file.selectOption('scenarios/queue-ticket-same-day.yaml');
  await panel.getByRole('button', { name: 'Run against this kiosk' }).click();

  // Live: a step is shown running, then the verdict.
  const run = panel.locator('#scenario-run');
  await expect(run).toContainText(/RUNNING · step \d+\/7/, { timeout: 60_000 });
  await expect(panel.getByRole('button', { name: 'Run against this kiosk' })).toBeDisabled();
  await expect(run).toHaveAttribute('data-state', 'passed', { timeout: 60_000 });
  await expect(panel.locator('#scenario-steps li[data-status="passed"]')).toHaveCount(7);
  await expect(run).toContainText('7/7 steps passed');
  // It drove this kiosk: its printer printed the ticket.
  expect(((await kiosk.state()) as { 'receipt-printer': { printedCount: number } })['receipt-printer'].printedCount).toBe(1);
  await screenshot(panel, 'control-panel-scenario-passed');

  // The same file again: this kiosk's next ticket is A002, so the check for A001 fails, readably.
  await panel.getByRole('button', { name: 'Run against this kiosk' }).click();
  await expect(run).toHaveAttribute('data-state', 'failed', { timeout: 90_000 });
  const failed = panel.locator('#scenario-steps li[data-status="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('expected: 1 receipt(s) printed containing "A001"');
  await expect(failed).toContainText('A002');
  await expect(panel.locator('#scenario-steps li[data-status="skipped"]')).toHaveCount(2);
  await screenshot(panel, 'control-panel-scenario-failed');

  // With a kiosk page connected the run cannot have its own: refused, with what to do.
  const kioskPage = await context.newPage();
  await openService(kioskPage, kiosk, 'en', 'queue-ticket');
  await expect(kioskPage.getByRole('heading', { name: m('en', 'queue.chooseTitle') })).toBeVisible();
  await panel.getByRole('button', { name: 'Run against this kiosk' }).click();
  await expect(panel.locator('#log')).toContainText('a kiosk page is connected: close it first', { timeout: 15_000 });
  await expect(run).toHaveAttribute('data-state', 'failed');
});
