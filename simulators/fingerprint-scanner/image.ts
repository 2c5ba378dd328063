import { FINGERS, type Finger } from '../../devices/fingerprint-scanner/contract.js';

/**
 * A deterministic synthetic fingerprint: elliptical ridges around a core that shifts with the
 * finger, contrast rising with quality. Very low quality looks smudged dark, low quality faint,
 * matching the scanner's too-dark / too-light prompts. 8-bit greyscale, row-major.
 */
export function syntheticFingerprint(width: number, height: number, finger: Finger, quality: number): Uint8Array {
  const image = new Uint8Array(width * height);
  const index = FINGERS.indexOf(finger);
  const cx = width * (0.45 + 0.01 * index);
  const cy = height * (0.4 + 0.015 * index);
  const contrast = 20 + quality * 1.05; // 20 (mush) … 125 (crisp ridges)
  const base = quality < 20 ? 70 : quality < 40 ? 200 : 150; // too dark · too light · good
  const period = 7 + (index % 3); // ridge spacing in pixels
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - cx) / 0.8;
      const dy = y - cy;
      const r = Math.sqrt(dx * dx + dy * dy);
      // Outside the fingertip's oval the platen is blank (white).
      const outside = (x - width / 2) ** 2 / (width * 0.45) ** 2 + (y - height / 2) ** 2 / (height * 0.47) ** 2 > 1;
      const ridge = Math.sin((2 * Math.PI * r) / period + Math.atan2(dy, dx) * 0.5);
      const value = outside ? 255 : base - ridge * (contrast / 2);
      image[y * width + x] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  return image;
}
