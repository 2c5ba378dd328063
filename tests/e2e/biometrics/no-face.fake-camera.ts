import { expect, screenshot, test } from '../fixtures/kiosk-host.js';
import { throughFingerprint } from './steps.js';

test('the no-face video gets the no-face guidance, never captures, and the share-code path gives the ID photo', async ({ page, kiosk }) => {
  await throughFingerprint(page, kiosk);
  const guidance = page.locator('[data-guidance]');
  await expect(guidance).toHaveAttribute('data-guidance', 'no-face');
  await expect(guidance).toHaveText('We cannot see your face. Please stand in front of the camera.');
  await screenshot(page, 'en-06b-photo-no-face');

  // After six tries without a capture the 一戶通 ID photo is offered; no photo was ever taken.
  await page.getByRole('button', { name: 'Use my ID photo from Macao One Account' }).click({ timeout: 90_000 });
  await expect(page.getByText('Your photo has been taken.')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'ID photo from Macao One Account' })).toBeVisible();

  const type = async (code: string) => {
    for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
  };
  await type('000000');
  await expect(page.getByText('This code was not found. 2 tries left.')).toBeVisible();
  await type('111111');
  await expect(page.getByText('This ID photo was taken more than a year ago. Please take a live photo.')).toBeVisible();
  await screenshot(page, 'en-07b-share-code');
  await type('246810');
  await expect(page.getByText('This is the ID photo we received.')).toBeVisible();
  const photo = page.getByRole('img', { name: 'Your photo' });
  expect(await photo.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([413, 531]);
  await screenshot(page, 'en-07c-my-photo');
  await page.getByRole('button', { name: 'Use this photo' }).click();
  await expect(page.getByRole('heading', { name: 'Measure your height' })).toBeVisible();
});
