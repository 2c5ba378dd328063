import { expect, screenshot, test } from '../fixtures/kiosk-host.js';
import { captureAllFingers } from '../support/ten-print.js';
import { identify, kioskAt, m, OFFICE_HOURS, openService } from '../support/kiosk-page.js';
import { verifyByFingerprint } from '../renewal-steps.js';
import { throughFingerprint } from './steps.js';

test('the no-face video gets the no-face guidance and never captures; a permanent renewal then goes to a counter', async ({ page, kiosk }) => {
  await throughFingerprint(page, kiosk);
  const guidance = page.locator('[data-guidance]');
  await expect(guidance).toHaveAttribute('data-guidance', 'no-face');
  await expect(guidance).toHaveText('We cannot see your face. Please stand in front of the camera.');
  await screenshot(page, 'en-06b-photo-no-face');

  // The permanent renewal takes a live photo or one scanned at a counter, never the 一戶通 ID photo:
  // after the tries without a capture the resident is sent to a counter and no photo was ever taken.
  await expect(page.getByTestId('photo-counter')).toHaveText(m('en', 'photo.counterOnly'), { timeout: 90_000 });
  await expect(page.getByRole('button', { name: m('en', 'photo.useMyPhoto') })).toHaveCount(0);
  await expect(page.getByText(m('en', 'photo.captured'))).toHaveCount(0);
  await screenshot(page, 'en-06c-photo-counter-only');
});

test.describe('in office hours', () => {
  test.use({ hostConfig: kioskAt(OFFICE_HOURS) });
  test('a non-permanent renewal with no face in view takes the 一戶通 ID photo by share code, wrong codes explained', async ({ page, kiosk }) => {
  await openService(page, kiosk, 'en', 'renew-nonpermanent');
  await identify(page, kiosk, 'en', 'maria-santos', { nameZh: '', nameLatin: 'MARIA DA CONCEICAO SANTOS' });
  await verifyByFingerprint(page, kiosk, 'en');
  await captureAllFingers(page, kiosk, 'en', 10);
  await page.getByRole('button', { name: 'Take a photo here', exact: true }).click();
  await expect(page.locator('[data-guidance]')).toHaveAttribute('data-guidance', 'no-face');

  await page.getByRole('button', { name: 'Use my ID photo from Macao One Account' }).click();
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
});
