import { loadSharp } from '../photo/load-sharp.js';

/**
 * A scanner's 8-bit greyscale image (row-major, `width × height` bytes) as a PNG: the format a
 * fingerprint image travels in to the back office (docs/backoffice-api.md "Captured data").
 */
export async function greyscalePng(image: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (image.length !== width * height) throw new Error(`finger image is ${image.length} bytes, not ${width}×${height}`); // a bug
  // Without 'b-w' sharp writes sRGB: three identical channels, a third bigger, and not the format promised.
  return (await loadSharp())(image, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 6 }).toBuffer();
}
