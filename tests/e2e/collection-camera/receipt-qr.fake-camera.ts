import { expect, test } from '../fixtures/kiosk-host.js';
import { markReady, submitRenewal } from '../support/backoffice.js';
import { checkScreen, kioskAt, m, OFFICE_HOURS, openService } from '../support/kiosk-page.js';
import { RECEIPT_ON_CAMERA } from './global-setup.js';

test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

test('the receipt QR held up to the camera is read by itself: name and counter, nothing typed (pt)', async ({ page, kiosk }) => {
  const receiptNumber = await submitRenewal(kiosk);
  expect(receiptNumber).toBe(RECEIPT_ON_CAMERA);
  await markReady(kiosk, receiptNumber);

  await openService(page, kiosk, 'pt', 'document-pickup');
  const opened = Date.now();
  // No key is pressed: the camera's frames are decoded until the QR's receipt number is found.
  await expect(page.getByRole('heading', { name: m('pt', 'collection.answerTitle') })).toBeVisible();
  // From the tile to the answer: camera start, decoding and the back office's lookup.
  test.info().annotations.push({ type: 'scan-to-answer-ms', description: String(Date.now() - opened) });
  console.log(`scan-to-answer-ms ${Date.now() - opened}`);
  await expect(page.getByTestId('looked-up-receipt')).toHaveText(RECEIPT_ON_CAMERA);
  await expect(page.getByText(m('pt', 'collection.goToCounter', { counter: 'C12' }))).toBeVisible();
  await expect(page.getByTestId('masked-name')).toHaveText('CHAN T. M.');
  await checkScreen(page, 'pt', 'collection-camera', 1, 'ready');
  const health = (await kiosk.state()) as { camera?: { lastReport?: string } };
  expect(health.camera?.lastReport).toBe('streaming');
});
