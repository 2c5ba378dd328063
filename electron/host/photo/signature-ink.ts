import { loadSharp } from './load-sharp.js';
import { SIGNATURE_MIN_INK } from '../../shared/kiosk-api/schemas/biometrics.js';

/** Pixels darker than this (0–255, after flattening on white) are ink. */
const INK_LEVEL = 160;
/** A pen stroke of the pad's width leaves about this many ink pixels per pixel of length (4 px pen, antialiased edges excluded). */
const INK_PIXELS_PER_LENGTH = 3;

export interface InkMeasure {
  inkPixels: number;
  /** Width of the ink's bounding box, in pixels. */
  width: number;
}

/** Measures the ink of a signature PNG: dark pixels once flattened on white. */
export async function measureInk(png: Uint8Array): Promise<InkMeasure> {
  const { data, info } = await (await loadSharp())(png).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let inkPixels = 0;
  let left = info.width;
  let right = -1;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[(y * info.width + x) * info.channels]! >= INK_LEVEL) continue;
      inkPixels++;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  data.fill(0);
  return { inkPixels, width: right < left ? 0 : right - left + 1 };
}

/** Enough ink to be a signature, by the same limit the renderer checks its strokes against. */
export function isEnoughInk(ink: InkMeasure): boolean {
  return ink.inkPixels >= SIGNATURE_MIN_INK.length * INK_PIXELS_PER_LENGTH && ink.width >= SIGNATURE_MIN_INK.width;
}
