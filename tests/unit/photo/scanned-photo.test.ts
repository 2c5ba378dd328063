import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_GUIDE_AREA, CARD_SCAN_DPI, findCardSurface } from '../../../electron/host/photo/card-scan.js';
import { findPhotoPrint, PHOTO_GUIDE_AREA, PHOTO_SCAN_DPI } from '../../../electron/host/photo/scanned-photo.js';
import { SimulatedDocumentScanner } from '../../../simulators/document-scanner/simulated-document-scanner.js';
import type { SampleDocument } from '../../../simulators/document-scanner/samples.js';

async function scanOf(document: SampleDocument, glare = false) {
  const scanner = new SimulatedDocumentScanner();
  await scanner.open();
  scanner.control.placeDocument(document);
  scanner.control.setGlare(glare);
  return scanner.scan({ area: PHOTO_GUIDE_AREA, dpi: PHOTO_SCAN_DPI, mode: 'colour', timeoutMs: 5_000 });
}

describe('finding the resident’s photo print in a scan', () => {
  it('crops a square print to the 413 × 531 ID photo, and zeroes the scan', async () => {
    const image = await scanOf('photo-print');
    const found = await findPhotoPrint(image);
    expect(found.outcome).toBe('found');
    if (found.outcome !== 'found') return;
    const meta = await sharp(found.jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 413, 531]);
    // The crop is the print, not the black backing: its corners are the print's pale background.
    const { data } = await sharp(found.jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150);
    expect(image.pixels.every((v) => v === 0)).toBe(true);
  });

  it.each([
    ['crooked-photo', false, 'crooked'],
    ['small-photo', false, 'too-small'],
    ['photo-print', true, 'glare'],
  ] as const)('refuses a %s (glare %s) as %s, and zeroes the scan', async (document, glare, reason) => {
    const image = await scanOf(document, glare);
    expect(await findPhotoPrint(image)).toEqual({ outcome: 'refused', reason });
    expect(image.pixels.every((v) => v === 0)).toBe(true);
  });

  it('finds a print that is not a face: that is the face analyser’s call, in the renderer', async () => {
    expect((await findPhotoPrint(await scanOf('not-a-face'))).outcome).toBe('found');
  });
});

describe('finding the ID card’s surface in a scan', () => {
  const scanCard = async (document: SampleDocument) => {
    const scanner = new SimulatedDocumentScanner();
    await scanner.open();
    scanner.control.placeDocument(document);
    return scanner.scan({ area: CARD_GUIDE_AREA, dpi: CARD_SCAN_DPI, mode: 'colour', timeoutMs: 5_000 });
  };

  it('crops a card laid square to ID-1 at 300 dpi, and zeroes the scan', async () => {
    const image = await scanCard('id-card');
    const found = await findCardSurface(image);
    expect(found.outcome).toBe('found');
    if (found.outcome !== 'found') return;
    expect(await sharp(found.jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 1011, height: 638 });
    expect(image.pixels.every((v) => v === 0)).toBe(true);
  });

  it('refuses a photo print as not a card, and a crooked print as crooked', async () => {
    expect(await findCardSurface(await scanCard('photo-print'))).toEqual({ outcome: 'refused', reason: 'not-a-card' });
    expect(await findCardSurface(await scanCard('crooked-photo'))).toEqual({ outcome: 'refused', reason: 'crooked' });
  });
});
