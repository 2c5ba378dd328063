import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/kiosk-host.js';
import { checkScreen, LANGUAGE_BUTTON, m } from './support/kiosk-page.js';

/**
 * A technician enters maintenance mode with the hidden gesture, the simulator's technician card and
 * the PIN (a wrong one first), reads every device's status, runs every self-test (one device
 * unplugged fails its own), reads the counters, prints a test slip, and leaves: the attract screen
 * is back.
 */

async function holdCorner(page: Page): Promise<void> {
  const corner = page.getByTestId('maintenance-gesture');
  const box = await corner.boundingBox();
  if (!box) throw new Error('no gesture area');
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.locator('.pin-key', { hasText: digit }).click();
  await page.getByRole('button', { name: m('zh-Hant', 'maintenance.enter') }).click();
}

test('a technician enters with the staff card and PIN, self-tests every device, reads the counters, and leaves (zh-Hant)', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible();
  await holdCorner(page);
  await expect(page.getByText(m('zh-Hant', 'maintenance.placeCard'))).toBeVisible();
  await checkScreen(page, 'zh-Hant', 'maintenance', 1, 'place-staff-card');

  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'technician' });
  await expect(page.getByRole('heading', { name: m('zh-Hant', 'maintenance.pinTitle') })).toBeVisible();
  await checkScreen(page, 'zh-Hant', 'maintenance', 2, 'pin');
  await typePin(page, '1111');
  await expect(page.getByRole('alert')).toContainText(m('zh-Hant', 'maintenance.wrongPin'));
  await checkScreen(page, 'zh-Hant', 'maintenance', 3, 'wrong-pin');
  await typePin(page, '2468');

  await expect(page.getByTestId('maintenance-staff')).toContainText('SIM-TECH-01');
  await expect(page.locator('.maintenance-devices tbody tr')).toHaveCount(7);
  await expect(page.locator('tr[data-device="receipt-printer"]')).toContainText('SIM-receipt-printer');
  await kiosk.control({ device: 'height-gauge', action: 'disconnect' });
  await page.getByRole('button', { name: m('zh-Hant', 'maintenance.selfTestAll') }).click();
  await expect(page.locator('[data-result]')).toHaveCount(7, { timeout: 15_000 });
  await expect(page.locator('tr[data-device="height-gauge"] [data-result]')).toHaveAttribute('data-result', 'failed');
  await expect(page.locator('tr[data-device="card-reader"] [data-result]')).toHaveAttribute('data-result', 'passed');
  await expect(page.getByTestId('maintenance-counters')).toContainText('faults:height-gauge');
  await checkScreen(page, 'zh-Hant', 'maintenance', 4, 'tools-after-self-test');
  await page.getByRole('button', { name: m('zh-Hant', 'maintenance.testSlip') }).click();
  await expect(page.locator('[data-slip="printed"]')).toHaveText(m('zh-Hant', 'maintenance.testSlipPrinted'));
  expect(((await kiosk.state()) as { 'receipt-printer': { lastText: string } })['receipt-printer'].lastText).toContain('SIM-TECH-01');
  await checkScreen(page, 'zh-Hant', 'maintenance', 5, 'test-slip-printed');

  // The document scanner's test scan, shown on screen: the lid alone, then an ID card on the bed.
  const scanner = page.locator('tr[data-device="document-scanner"]');
  await scanner.getByRole('button', { name: m('zh-Hant', 'maintenance.testScan') }).click();
  await expect(scanner.locator('[data-test-scan="blank"]')).toHaveText(m('zh-Hant', 'maintenance.testScanBlank'));
  await kiosk.control({ device: 'document-scanner', action: 'place', document: 'id-card' });
  await scanner.getByRole('button', { name: m('zh-Hant', 'maintenance.testScan') }).click();
  await expect(scanner.getByRole('img', { name: m('zh-Hant', 'maintenance.testScanPicture') })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('maintenance-counters')).toContainText('test-scans');
  await checkScreen(page, 'zh-Hant', 'maintenance', 6, 'test-scan');

  await page.getByRole('button', { name: m('zh-Hant', 'maintenance.leave') }).click();
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  await expect(page.getByRole('button', { name: LANGUAGE_BUTTON.en, exact: true }).first()).toBeVisible();
});
