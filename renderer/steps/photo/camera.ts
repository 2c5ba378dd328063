import type { ParamsIn } from '../../../electron/shared/kiosk-api/contract.js';

export type CameraReport = ParamsIn<'camera.report'>['report'];

/** Opens the front camera (4:3); maps failures to the report the host keeps as camera health. */
export async function openCamera(): Promise<{ stream: MediaStream } | { problem: Exclude<CameraReport, 'streaming'> }> {
  if (!navigator.mediaDevices?.getUserMedia) return { problem: 'no-device' };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false });
    return { stream };
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') return { problem: 'permission-denied' };
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return { problem: 'no-device' };
    return { problem: 'stream-error' };
  }
}

/** Crops `box` of the video to the ID format (413 × 531) and returns the JPEG as base64. */
export async function captureIdPhoto(video: HTMLVideoElement, box: { x: number; y: number; width: number; height: number }): Promise<{ base64: string; dataUrl: string }> {
  const canvas = document.createElement('canvas');
  canvas.width = 413;
  canvas.height = 531;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(video, box.x, box.y, box.width, box.height, 0, 0, canvas.width, canvas.height);
  const dataUrl = canvas.toDataURL('image/jpeg', 0.9);
  return { dataUrl, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
