import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/kiosk-host.js';
import { payAndLoseTheAnswer, toPayment } from './lost-answer-steps.js';
import { checkScreen, LANGUAGE_BUTTON, type Lang, m, OFFICE_HOURS } from './support/kiosk-page.js';
import { holdCorner } from './support/maintenance-gesture.js';

/**
 * A technician enters maintenance mode with the hidden gesture, the simulator's technician card and
 * the PIN (a wrong one first), runs every self-test (one device unplugged fails its own), tests each
 * device (a card, a finger, the gauge on a reference rod, then calibrates it; the terminal's day; a
 * test slip), restarts a device, reads the counters and the log, exports the diagnostics bundle, and
 * leaves. A second visit leaves a payment whose answer was lost; the technician resolves it by hand,
 * with a reason, and the application goes on to the back office.
 */
test.use({
  hostConfig: {
    simulators: { delayMs: 150, paymentDefault: 'wait', clockStartsAt: OFFICE_HOURS },
    payments: { confirmWithinSeconds: 5, firstEnquiryPauseMs: 300, maxEnquiryPauseSeconds: 1 },
  },
});

async function typePin(page: Page, lang: Lang, pin: string): Promise<void> {
  for (const digit of pin) await page.locator('.pin-key', { hasText: digit }).click();
  await page.getByRole('button', { name: m(lang, 'maintenance.enter') }).click();
}

async function section(page: Page, lang: Lang, name: 'devices' | 'counters' | 'pending' | 'calls' | 'log' | 'bundle'): Promise<void> {
  await page.getByRole('button', { name: m(lang, `maintenance.sections.${name}`), exact: true }).click();
}

async function testDevice(page: Page, lang: Lang, device: string): Promise<void> {
  await page.locator(`tr[data-device="${device}"]`).getByRole('button', { name: m(lang, 'maintenance.test'), exact: true }).click();
}

test('a technician enters with the staff card and PIN, self-tests and tests every device, calibrates the gauge, exports the bundle, and leaves (zh-Hant)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lang = 'zh-Hant';
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible();
  await holdCorner(page);
  await expect(page.getByText(m(lang, 'maintenance.placeCard'))).toBeVisible();
  await checkScreen(page, lang, 'maintenance', 1, 'place-staff-card');

  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'technician' });
  await expect(page.getByRole('heading', { name: m(lang, 'maintenance.pinTitle') })).toBeVisible();
  await checkScreen(page, lang, 'maintenance', 2, 'pin');
  await typePin(page, lang, '1111');
  await expect(page.getByRole('alert')).toContainText(m(lang, 'maintenance.wrongPin'));
  await checkScreen(page, lang, 'maintenance', 3, 'wrong-pin');
  await typePin(page, lang, '2468');
  await kiosk.control({ device: 'card-reader', action: 'remove' });

  // Every device's status; every self-test, the unplugged gauge failing its own.
  await expect(page.getByTestId('maintenance-staff')).toContainText('SIM-TECH-01');
  await expect(page.locator('.maintenance-devices tbody tr')).toHaveCount(7);
  await expect(page.locator('tr[data-device="receipt-printer"]')).toContainText('SIM-receipt-printer');
  await kiosk.control({ device: 'height-gauge', action: 'disconnect' });
  await page.getByRole('button', { name: m(lang, 'maintenance.selfTestAll') }).click();
  await expect(page.locator('[data-result]')).toHaveCount(7, { timeout: 15_000 });
  await expect(page.locator('tr[data-device="height-gauge"] [data-result]')).toHaveAttribute('data-result', 'failed');
  await expect(page.locator('tr[data-device="card-reader"] [data-result]')).toHaveAttribute('data-result', 'passed');
  await checkScreen(page, lang, 'maintenance', 4, 'devices-after-self-test');
  await kiosk.control({ device: 'height-gauge', action: 'reconnect' });

  // A test card: its type and authenticity, its number masked, never its holder's name.
  await testDevice(page, lang, 'card-reader');
  await page.getByRole('button', { name: m(lang, 'maintenance.cardTest.read') }).click();
  await expect(page.locator('[data-refusal="place-card"]')).toContainText(m(lang, 'maintenance.refusals.place-card'));
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' });
  await page.getByRole('button', { name: m(lang, 'maintenance.cardTest.read') }).click();
  await expect(page.getByTestId('card-test-result')).toContainText(m(lang, 'maintenance.cardTest.permanent'));
  await expect(page.getByTestId('card-test-result')).toContainText('***(*)');
  await expect(page.getByTestId('card-test-result')).not.toContainText('陳');
  await checkScreen(page, lang, 'maintenance', 5, 'test-card');
  await kiosk.control({ device: 'card-reader', action: 'remove' });

  // The document scanner's test scan, shown on screen: the lid alone, then an ID card on the bed.
  await testDevice(page, lang, 'document-scanner');
  const scanPanel = page.locator('[data-test-device="document-scanner"]');
  await scanPanel.getByRole('button', { name: m(lang, 'maintenance.testScan') }).click();
  await expect(scanPanel.locator('[data-test-scan="blank"]')).toHaveText(m(lang, 'maintenance.testScanBlank'));
  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'id-card' });
  await scanPanel.getByRole('button', { name: m(lang, 'maintenance.testScan') }).click();
  await expect(scanPanel.getByRole('img', { name: m(lang, 'maintenance.testScanPicture') })).toBeVisible({ timeout: 15_000 });
  await checkScreen(page, lang, 'maintenance', 16, 'test-scan');

  // A test finger: the image and its quality.
  await testDevice(page, lang, 'fingerprint-scanner');
  await kiosk.control({ device: 'fingerprint-scanner', action: 'present', quality: 82, matches: true });
  await page.getByRole('button', { name: m(lang, 'maintenance.fingerTest.capture') }).click();
  await expect(page.getByTestId('finger-test-result')).toContainText('82');
  await expect(page.getByTestId('finger-test-result').locator('img')).toHaveJSProperty('complete', true);
  await checkScreen(page, lang, 'maintenance', 6, 'test-finger');

  // The gauge reads a 1500 mm rod 12 mm short: measured, calibrated, measured again exactly.
  await testDevice(page, lang, 'height-gauge');
  await kiosk.control({ device: 'height-gauge', action: 'set-height', heightMm: 1488 });
  await page.getByRole('button', { name: m(lang, 'maintenance.gauge.measure') }).click();
  await expect(page.getByTestId('gauge-result')).toContainText('1488 mm');
  await page.getByRole('button', { name: m(lang, 'maintenance.gauge.save', { offset: '12' }) }).click();
  await expect(page.getByTestId('gauge-saved')).toHaveText(m(lang, 'maintenance.gauge.saved', { offset: '12' }));
  await page.getByRole('button', { name: m(lang, 'maintenance.gauge.measure') }).click();
  await expect(page.getByTestId('gauge-result')).toContainText('1500 mm');
  await checkScreen(page, lang, 'maintenance', 7, 'gauge-calibrated');

  // The terminal's day, and a test slip.
  await testDevice(page, lang, 'payment-terminal');
  await page.getByRole('button', { name: m(lang, 'maintenance.terminal.query') }).click();
  await expect(page.getByTestId('terminal-day')).toContainText(m(lang, 'maintenance.states.online'));
  await checkScreen(page, lang, 'maintenance', 8, 'terminal-day');
  await testDevice(page, lang, 'receipt-printer');
  await page.getByRole('button', { name: m(lang, 'maintenance.testSlip') }).click();
  await expect(page.locator('[data-slip="printed"]')).toHaveText(m(lang, 'maintenance.testSlipPrinted'));
  expect(((await kiosk.state()) as { 'receipt-printer': { lastText: string } })['receipt-printer'].lastText).toContain('SIM-TECH-01');
  await page.locator('tr[data-device="receipt-printer"]').getByRole('button', { name: m(lang, 'maintenance.restart') }).click();
  await expect(page.locator('tr[data-device="receipt-printer"] td[data-state]')).toHaveAttribute('data-state', 'online');

  // Counters, named; the log, by device; the bundle.
  await section(page, lang, 'counters');
  await expect(page.locator('[data-counter="faults:height-gauge"] dt')).toHaveText(`${m(lang, 'maintenance.counter.faults')} · ${m(lang, 'maintenance.device.height-gauge')}`);
  await expect(page.locator('[data-counter="test-slips"] dd')).toHaveText('1');
  await checkScreen(page, lang, 'maintenance', 9, 'counters');
  await section(page, lang, 'log');
  await page.getByRole('group', { name: m(lang, 'maintenance.log.filter') }).getByRole('button', { name: m(lang, 'maintenance.device.height-gauge') }).click();
  await expect(page.locator('[data-log-device="height-gauge"]').first()).toBeVisible();
  await expect(page.locator('.maintenance-log li:not([data-log-device="height-gauge"])')).toHaveCount(0);
  await checkScreen(page, lang, 'maintenance', 10, 'log-height-gauge');
  await section(page, lang, 'bundle');
  await page.getByRole('button', { name: m(lang, 'maintenance.bundle.export') }).click();
  await expect(page.getByTestId('bundle-result')).toContainText('diagnostics-KIOSK-DEV-01-');
  await checkScreen(page, lang, 'maintenance', 11, 'bundle');
  await section(page, lang, 'pending');
  await expect(page.getByTestId('nothing-pending')).toBeVisible();

  await page.getByRole('button', { name: m(lang, 'maintenance.leave') }).click();
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible();
});

test('a payment whose answer was lost is resolved by hand, with a reason, and the application goes on (en)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lang = 'en';
  await toPayment(page, kiosk, lang);
  await payAndLoseTheAnswer(page, kiosk, lang);
  await expect(page.locator('[data-application-state="payment-overdue"]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible({ timeout: 15_000 });

  await holdCorner(page);
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'technician' });
  await typePin(page, 'zh-Hant', '2468');
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  // The technician's language: the attract screen's language buttons are not there; the mode follows the kiosk's.
  await section(page, 'zh-Hant', 'pending');
  const item = page.locator('[data-kind="unknown-payment"]');
  await expect(item).toHaveCount(1);
  await checkScreen(page, 'zh-Hant', 'maintenance', 12, 'pending-unknown-payment');
  await item.getByRole('button', { name: m('zh-Hant', 'maintenance.pending.outcomes.charged') }).click();
  const confirm = page.getByRole('button', { name: m('zh-Hant', 'maintenance.pending.confirm') });
  await expect(confirm).toBeDisabled();
  await page.getByRole('button', { name: m('zh-Hant', 'maintenance.pending.presets.terminalReport') }).click();
  await expect(page.getByTestId('reason')).toHaveText(m('zh-Hant', 'maintenance.pending.presets.terminalReport'));
  await checkScreen(page, 'zh-Hant', 'maintenance', 13, 'pending-reason');
  await confirm.click();
  await expect(page.getByTestId('resolved')).toBeVisible();
  await expect(page.getByTestId('nothing-pending')).toBeVisible();
  await checkScreen(page, 'zh-Hant', 'maintenance', 14, 'pending-resolved');
  // Charged: the back office holds the application, sent once.
  const held = (await (await kiosk.backofficeControl(`/v1/_control/applications`)).json()) as { applications: Array<{ replays: number }> };
  expect(held.applications).toHaveLength(1);
  // The overdue payment called staff: the technician at the kiosk acknowledges the call.
  await section(page, 'zh-Hant', 'calls');
  const call = page.locator('[data-acknowledged="no"]');
  await expect(call).toHaveCount(1);
  await expect(call).toContainText('payment-unconfirmed');
  await call.getByRole('button', { name: m('zh-Hant', 'maintenance.calls.acknowledge') }).click();
  await expect(page.locator('[data-acknowledged="yes"]')).toHaveCount(1);
  await checkScreen(page, 'zh-Hant', 'maintenance', 15, 'staff-call-acknowledged');
  await page.getByRole('button', { name: m('zh-Hant', 'maintenance.leave') }).click();
});
