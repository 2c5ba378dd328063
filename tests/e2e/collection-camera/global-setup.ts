import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';

/** Where the fake-camera video goes (git-ignored: y4m is raw video). */
export const root = join(import.meta.dirname, '../../..');
export const cameraDir = join(root, 'tests/artifacts/camera');
/**
 * The receipt the video shows: the first receipt number a fresh back-office simulator gives (each
 * test host starts its own, in memory), so the test submits one application and gets exactly this.
 */
export const RECEIPT_ON_CAMERA = 'R0000000001';
export const receiptVideo = join(cameraDir, `receipt-${RECEIPT_ON_CAMERA}.y4m`);

/**
 * A printed receipt's QR code held up to the kiosk camera, as a short looping y4m video for
 * Chromium's fake camera (`--use-file-for-fake-video-capture`): the QR drawn with the same library
 * the receipt screen uses, on white paper, centred in a 640 × 480 frame, with Debian's ffmpeg.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(cameraDir, { recursive: true });
  if (existsSync(receiptVideo)) return;
  const still = join(cameraDir, `receipt-${RECEIPT_ON_CAMERA}.png`);
  await QRCode.toFile(still, RECEIPT_ON_CAMERA, { errorCorrectionLevel: 'M', margin: 4, scale: 10 });
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error', '-loop', '1', '-i', still, '-t', '2', '-r', '10',
    '-vf', 'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p', receiptVideo,
  ]);
}
