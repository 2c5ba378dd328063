import { loadSharp } from './load-sharp.js';
import type { ScanArea, ScannedImage } from '../../../devices/document-scanner/contract.js';
import { ID_PHOTO } from './id-photo.js';

/**
 * The resident's own photo print on the scanner: the host finds the print on the lid's black
 * backing, checks it is square to the corner mark, big enough and free of glare, and crops it to
 * the ID photo format. Whether it shows a face is the renderer's check (the same face analyser as
 * the live photo). The scan's samples are zeroed here, whatever the outcome.
 */

/** Where the resident lays the print: the bed's corner mark, the guide the screen draws. */
export const PHOTO_GUIDE_AREA: ScanArea = { xMm: 0, yMm: 0, widthMm: 60, heightMm: 70 };
/** 35 × 45 mm at 300 dpi is the ID photo's own resolution. */
export const PHOTO_SCAN_DPI = 300;
/** An ID photo print is 35 × 45 mm; a print cut a little small still passes, a wallet snapshot does not. */
export const MIN_PRINT_MM = { width: 32, height: 42 } as const;

export const SCAN_REFUSALS = ['empty-bed', 'too-small', 'crooked', 'glare'] as const;
export type ScanRefusal = (typeof SCAN_REFUSALS)[number];

export type FoundPrint = { outcome: 'found'; jpeg: Buffer; width: number; height: number } | { outcome: 'refused'; reason: ScanRefusal };

/** How far a pixel's brightness must stand from the backing's to belong to the print. */
const FOREGROUND_DELTA = 40;
/** A print turned by more than ~3° fills less of its bounding box than this (row by row). */
export const MIN_SQUARENESS = 0.95;
/** Washed-out pixels over this share of the print are a reflection, not the picture. */
const MAX_GLARE_SHARE = 0.05;

export async function findPhotoPrint(image: ScannedImage): Promise<FoundPrint> {
  try {
    return await analyse(image);
  } finally {
    image.pixels.fill(0);
  }
}

/** A sheet (print or card) found on the backing: its bounding box in pixels and millimetres. */
export interface Sheet {
  box: { left: number; top: number; width: number; height: number };
  widthMm: number;
  heightMm: number;
  /** Share of the bounding box the sheet fills, row by row: 1 when square to the bed's edges. */
  squareness: number;
}

/** Brightness of pixel `i` of a scan. */
export function luminance(image: ScannedImage): (i: number) => number {
  const { channels, pixels } = image;
  return (i) => (channels === 3 ? 0.299 * (pixels[i * 3] ?? 0) + 0.587 * (pixels[i * 3 + 1] ?? 0) + 0.114 * (pixels[i * 3 + 2] ?? 0) : (pixels[i] ?? 0));
}

/** Finds what lies on the lid's backing; undefined for an empty bed. */
export function locateSheet(image: ScannedImage): Sheet | undefined {
  const { widthPx: w, heightPx: h, dpi } = image;
  const lum = luminance(image);
  const backing = borderMedian(w, h, lum);
  const inPrint = (i: number): boolean => Math.abs(lum(i) - backing) > FOREGROUND_DELTA;

  // Each row's span of print (first to last foreground pixel), then the print's bounding box.
  const spans: Array<[number, number] | undefined> = [];
  for (let y = 0; y < h; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < w; x++) {
      if (inPrint(y * w + x)) {
        if (first < 0) first = x;
        last = x;
      }
    }
    // A few stray pixels (dust) are not a print.
    spans.push(last - first >= 3 ? [first, last] : undefined);
  }
  const rows = spans.map((span, y) => (span ? y : -1)).filter((y) => y >= 0);
  const top = rows[0];
  const bottom = rows.at(-1);
  if (top === undefined || bottom === undefined || bottom - top < 8) return undefined;
  let left = w;
  let right = 0;
  let covered = 0;
  for (let y = top; y <= bottom; y++) {
    const span = spans[y];
    if (!span) continue;
    left = Math.min(left, span[0]);
    right = Math.max(right, span[1]);
    covered += span[1] - span[0] + 1;
  }
  const boxWidth = right - left + 1;
  const boxHeight = bottom - top + 1;
  const mm = (px: number): number => (px * 25.4) / dpi;
  return { box: { left, top, width: boxWidth, height: boxHeight }, widthMm: mm(boxWidth), heightMm: mm(boxHeight), squareness: covered / (boxWidth * boxHeight) };
}

async function analyse(image: ScannedImage): Promise<FoundPrint> {
  const { widthPx: w, heightPx: h, channels, pixels } = image;
  const lum = luminance(image);
  const sheet = locateSheet(image);
  if (!sheet) return { outcome: 'refused', reason: 'empty-bed' };
  if (sheet.squareness < MIN_SQUARENESS) return { outcome: 'refused', reason: 'crooked' };
  if (sheet.widthMm < MIN_PRINT_MM.width || sheet.heightMm < MIN_PRINT_MM.height) return { outcome: 'refused', reason: 'too-small' };
  const { left, top, width: boxWidth, height: boxHeight } = sheet.box;

  // The print's edge may catch the light or the backing: crop 2 % inside it.
  const insetX = Math.round(boxWidth * 0.02);
  const insetY = Math.round(boxHeight * 0.02);
  const crop = { left: left + insetX, top: top + insetY, width: boxWidth - 2 * insetX, height: boxHeight - 2 * insetY };
  let washedOut = 0;
  for (let y = crop.top; y < crop.top + crop.height; y++) {
    for (let x = crop.left; x < crop.left + crop.width; x++) if (lum(y * w + x) >= 250) washedOut++;
  }
  if (washedOut / (crop.width * crop.height) > MAX_GLARE_SHARE) return { outcome: 'refused', reason: 'glare' };

  const jpeg = await (await loadSharp())(pixels, { raw: { width: w, height: h, channels } })
    .extract(crop)
    .resize(ID_PHOTO.width, ID_PHOTO.height, { fit: 'cover' })
    .toColourspace('srgb')
    .jpeg({ quality: 90 })
    .toBuffer();
  return { outcome: 'found', jpeg, ...ID_PHOTO };
}

/** The backing's brightness: the median of the scan's outer rows and columns. */
function borderMedian(w: number, h: number, lum: (i: number) => number): number {
  const values: number[] = [];
  for (let x = 0; x < w; x += 2) values.push(lum(x), lum((h - 1) * w + x));
  for (let y = 0; y < h; y += 2) values.push(lum(y * w), lum(y * w + w - 1));
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
}
