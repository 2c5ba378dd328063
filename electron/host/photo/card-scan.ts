import { loadSharp } from './load-sharp.js';
import type { ScanArea, ScannedImage } from '../../../devices/document-scanner/contract.js';
import { locateSheet, MIN_SQUARENESS } from './scanned-photo.js';

/**
 * The ID card's surface on the scanner (the permanent renewal's "scan the ID card" [001 Q31]):
 * the host finds the card on the lid's black backing, checks it is a card laid square, and crops
 * it. The scan's samples are zeroed here, whatever the outcome.
 */

export const CARD_SIDES = ['front', 'back'] as const;
export type CardSide = (typeof CARD_SIDES)[number];

/** Where the resident lays the card: the bed's corner mark, room for an ID-1 card and a little. */
export const CARD_GUIDE_AREA: ScanArea = { xMm: 0, yMm: 0, widthMm: 100, heightMm: 70 };
export const CARD_SCAN_DPI = 300;
/** ISO/IEC 7810 ID-1 (85.60 × 53.98 mm) at 300 dpi: the size the back office receives. */
export const CARD_IMAGE = { width: 1011, height: 638 } as const;
/** A card's size, give or take its rounded corners and the scanner's edge. */
const CARD_MM = { width: 85.6, height: 54, tolerance: 4 } as const;

export const CARD_SCAN_REFUSALS = ['empty-bed', 'not-a-card', 'crooked'] as const;
export type CardScanRefusal = (typeof CARD_SCAN_REFUSALS)[number];

export type FoundCard = { outcome: 'found'; jpeg: Buffer; width: number; height: number } | { outcome: 'refused'; reason: CardScanRefusal };

export async function findCardSurface(image: ScannedImage): Promise<FoundCard> {
  try {
    const sheet = locateSheet(image);
    if (!sheet) return { outcome: 'refused', reason: 'empty-bed' };
    if (sheet.squareness < MIN_SQUARENESS) return { outcome: 'refused', reason: 'crooked' };
    const fits = Math.abs(sheet.widthMm - CARD_MM.width) <= CARD_MM.tolerance && Math.abs(sheet.heightMm - CARD_MM.height) <= CARD_MM.tolerance;
    if (!fits) return { outcome: 'refused', reason: 'not-a-card' };
    const jpeg = await (await loadSharp())(image.pixels, { raw: { width: image.widthPx, height: image.heightPx, channels: image.channels } })
      .extract(sheet.box)
      .resize(CARD_IMAGE.width, CARD_IMAGE.height, { fit: 'fill' })
      .toColourspace('srgb')
      .jpeg({ quality: 88 })
      .toBuffer();
    return { outcome: 'found', jpeg, ...CARD_IMAGE };
  } finally {
    image.pixels.fill(0);
  }
}
