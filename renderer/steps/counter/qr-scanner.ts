/** A receipt number as printed and in the receipt's QR code. */
export const RECEIPT_NUMBER = /^R\d{10}$/;

/**
 * Decodes QR codes from the camera's video, a few frames a second, until one holds a receipt number
 * (other codes are ignored) or `signal` fires. Frames are scaled down to at most 640 px wide: enough
 * for a receipt held up to the camera, and cheap on the kiosk's two cores.
 */
export async function scanReceiptNumber(video: HTMLVideoElement, signal: AbortSignal, everyMs = 200): Promise<string | undefined> {
  // jsqr (127 KiB) is used only here, by document collection: loaded with the first scan, not the first paint.
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  while (!signal.aborted) {
    if (video.readyState >= 2 && video.videoWidth > 0) {
      const scale = Math.min(1, 640 / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      const frame = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      const text = code?.data.trim();
      if (text && RECEIPT_NUMBER.test(text)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return undefined;
}
