import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { submitApplication, submitRenewal } from './support/backoffice.js';

/**
 * The tester panel shows what the back-office simulator received: for the last applications, the ID
 * photo, each finger's image (or why there is none) and the signature, as pictures, through the
 * control API's back-office proxy (same origin, control token).
 */
test('the tester panel shows the last applications with their photo, finger images and signature', async ({ page, kiosk }) => {
  await submitRenewal(kiosk); // 陳大文: photo, two fingers, signature
  await submitApplication(kiosk, 'maria-santos', 'renew-nonpermanent', {
    feeAvos: 0,
    // Ten prints asked for; one finger injured today.
    edit: (body) => {
      body.fingerprints = body.fingerprints!.map((f) => (f.finger === 'left-little' ? { finger: f.finger, status: 'injured' as const } : f));
    },
  });
  await submitApplication(kiosk, 'chan-tai-man', 'kinship-certificate');
  // A renewal the resident chose to pay at a counter in office hours: sent unpaid.
  await submitApplication(kiosk, 'chan-tai-man', 'renew-permanent', {
    feeAvos: 9000,
    edit: (body) => {
      body.payment = null;
      body.payAtCounter = true;
    },
  });

  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(kiosk.controlUrl);
  const apps = page.locator('#bo-apps .app');
  await expect(apps).toHaveCount(4);
  // Newest first, each with its fee as the back office settles it.
  await expect(apps.nth(0)).toContainText('renew-permanent · MOP 90.00 to pay at a counter');
  // The kinship certificate carries no pictures, the renewals do.
  await expect(apps.nth(1)).toContainText('kinship-certificate · no fee');
  await expect(apps.nth(1)).toContainText('not needed for this service');
  await expect(apps.nth(2)).toContainText('renew-nonpermanent');
  await expect(apps.nth(2).locator('.no-pic')).toHaveText('injured');
  await expect(apps.nth(3)).toContainText(/renew-permanent · MOP 90\.00 paid \(T-e2e-\w+\)/);
  await expect(apps.nth(3)).toContainText('height 1720 mm');

  // Every picture decoded by the browser: photo + 9 fingers, photo + 2 fingers + signature twice.
  const loaded = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('#bo-apps img')].filter((img) => img.complete && img.naturalWidth > 0).map((img) => `${img.alt} ${img.naturalWidth}×${img.naturalHeight}`),
    );
  await expect.poll(async () => (await loaded()).length).toBe(18);
  const sizes = await loaded();
  expect(sizes.filter((s) => s === 'ID photo 413×531')).toHaveLength(3);
  expect(sizes.filter((s) => s === 'right-index 256×360')).toHaveLength(3);
  expect(sizes).toContain('signature 600×200');
  await screenshot(page, 'control-panel-backoffice');
});
