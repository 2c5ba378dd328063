import { expect, test } from '../fixtures/kiosk-host.js';
import { m, throughToHeight, throughToPayment } from '../renewal-steps.js';

/**
 * Device faults on the hardware loop, each through the real driver and transport: a sale whose
 * answer is lost on the serial line (the host asks the terminal; never a second charge), and a
 * height gauge unplugged mid-measurement (its pty pair goes away; plugged back, the DeviceHub
 * reopens it and the measurement succeeds). Decline, paper out and a card lifted mid-read run in
 * the shared specs (renewal, authenticity, walking skeleton) on this project.
 */
interface TerminalState {
  /** `powered` and `link` exist only on the serial peer: this is the far end of a real line. */
  'payment-terminal': { transactions: Array<{ reference: string; state: string }>; powered: boolean; link: { framesReceived?: number } };
}

test('loop: a sale whose answer is lost is asked about, not charged again, and the renewal completes', async ({ page, kiosk }) => {
  await throughToPayment(page, kiosk, 'en', { shots: false });
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'lose-response' });
  await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 40_000 });
  const { transactions, powered, link } = ((await kiosk.state()) as unknown as TerminalState)['payment-terminal'];
  expect(powered).toBe(true);
  expect(link).toBeDefined();
  expect(transactions.map((t) => t.state)).toEqual(['approved']);
  // The reference the terminal took fits its 32 characters (the defect the loop found).
  expect(transactions[0]!.reference.length).toBeLessThanOrEqual(32);
});

test('loop: a height gauge unplugged mid-measurement says so, and measures once plugged back', async ({ page, kiosk }) => {
  await throughToHeight(page, kiosk, 'en');
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: null }); // nobody yet: it keeps measuring
  // The screen starts the gauge by itself; its stream says nobody is there yet.
  await expect(page.getByRole('status')).toHaveText(m('en', 'height.prompt.step-on'));
  await kiosk.control({ device: 'height-gauge', action: 'disconnect' });
  await expect(page.getByRole('alert')).toHaveText(m('en', 'errors.device-not-connected'));
  await kiosk.control({ device: 'height-gauge', action: 'reconnect' });
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1650 });
  await expect(async () => {
    await page.getByRole('button', { name: m('en', 'height.again'), exact: true }).click();
    await expect(page.getByText(m('en', 'height.result', { cm: '165' }))).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
});
