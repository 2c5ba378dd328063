import type { ColourMode, ScanArea, ScannedImage } from '../../devices/document-scanner/contract.js';
import { pixelsFor } from '../../devices/document-scanner/scan-limits.js';
import { colourAt, type Placement, sheetOf } from './samples.js';

/** Draws what lies on the bed into a scan of `area` at `dpi`, as a real flatbed would see it. */
export function renderScan(placement: Placement, area: ScanArea, dpi: number, mode: ColourMode): ScannedImage {
  const widthPx = pixelsFor(area.widthMm, dpi);
  const heightPx = pixelsFor(area.heightMm, dpi);
  const channels = mode === 'colour' ? 3 : 1;
  const pixels = new Uint8Array(widthPx * heightPx * channels);
  const sheet = sheetOf(placement);
  const mmPerPx = 25.4 / dpi;
  let i = 0;
  for (let y = 0; y < heightPx; y++) {
    const yMm = area.yMm + (y + 0.5) * mmPerPx;
    for (let x = 0; x < widthPx; x++) {
      const [r, g, b] = colourAt(sheet, area.xMm + (x + 0.5) * mmPerPx, yMm);
      if (channels === 3) {
        pixels[i++] = r;
        pixels[i++] = g;
        pixels[i++] = b;
      } else {
        pixels[i++] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      }
    }
  }
  return { widthPx, heightPx, channels, pixels, dpi, mode, area };
}
