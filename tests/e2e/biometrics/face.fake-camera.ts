import { expect, screenshot, test } from '../fixtures/kiosk-host.js';
import { throughCardScan, throughFingerprint, throughHeight } from './steps.js';

test('the face video is captured automatically, cropped to the ID format, then the signature is taken', async ({ page, kiosk }) => {
  await throughFingerprint(page, kiosk);
  // Guidance runs on the live preview until every check passes; then the photo is taken by itself
  // (no button is pressed). The detector shares two cores with everything else: allow time.
  await expect(page.getByText('Your photo has been taken.')).toBeVisible({ timeout: 120_000 });
  const photo = page.getByRole('img', { name: 'Your photo' });
  expect(await photo.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([413, 531]);
  await screenshot(page, 'en-07-photo-captured');
  const health = (await kiosk.state()) as { camera?: { lastReport?: string } };
  expect(health.camera?.lastReport).toBe('streaming');

  await page.getByRole('button', { name: 'Use this photo' }).click();
  await throughHeight(page, kiosk);
  await throughCardScan(page, kiosk);
  await expect(page.getByRole('heading', { name: 'Your signature' })).toBeVisible();
  // An empty pad asks for a signature; a tick is too little ink.
  await page.getByRole('button', { name: 'Confirm signature' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please sign inside the box first.');
  await screenshot(page, 'en-08a-signature-empty');
  const pad = await page.getByRole('img', { name: 'Signature pad' }).boundingBox();
  if (!pad) throw new Error('no signature pad');
  await page.mouse.move(pad.x + 60, pad.y + 60);
  await page.mouse.down();
  await page.mouse.move(pad.x + 75, pad.y + 75);
  await page.mouse.up();
  await page.getByRole('button', { name: 'Confirm signature' }).click();
  await expect(page.getByRole('alert')).toHaveText('The signature is too short. Please sign again.');
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.mouse.move(pad.x + 60, pad.y + pad.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(pad.x + 60 + i * 25, pad.y + pad.height * (0.6 - 0.25 * Math.sin(i / 2)));
  await page.mouse.up();
  await screenshot(page, 'en-08-signature');
  await page.getByRole('button', { name: 'Confirm signature' }).click();
  // The pickup place, then the summary before paying.
  await expect(page.getByRole('heading', { name: 'Choose where to collect your document' })).toBeVisible();
  await page.locator('[data-place="hq"]').click();
  await expect(page.getByRole('heading', { name: 'Check the data for your new card' })).toBeVisible();
  await screenshot(page, 'en-09-review');
});
