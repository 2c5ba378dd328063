import sharp from 'sharp';

/**
 * A scanner's 8-bit greyscale image (row-major, `width × height` bytes) as a PNG: the format a
 * fingerprint image travels in to the back office (docs/backoffice-api.md "Captured data").
 */
export async function greyscalePng(image: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (image.length !== width * height) throw new Error(`finger image is ${image.length} bytes, not ${width}×${height}`); // a bug
  return sharp(image, { raw: { width, height, channels: 1 } }).png({ compressionLevel: 6 }).toBuffer();
}
