import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testScan } from '../../../electron/host/photo/test-scan.js';
import { SimulatedDocumentScanner } from '../../../simulators/document-scanner/simulated-document-scanner.js';

describe('the maintenance test scan', () => {
  it('scans the whole bed at the lowest resolution as a JPEG; an empty bed is blank, not an error', async () => {
    const scanner = new SimulatedDocumentScanner();
    await scanner.open();
    const signal = new AbortController().signal;
    expect(await testScan(scanner, signal)).toMatchObject({ blank: true, dpi: 75 });
    scanner.control.placeDocument('id-card');
    const shot = await testScan(scanner, signal);
    expect(shot).toMatchObject({ blank: false, dpi: 75, width: 637, height: 876 });
    expect(await sharp(Buffer.from(shot.jpegBase64, 'base64')).metadata()).toMatchObject({ format: 'jpeg', width: 637, height: 876 });
    scanner.control.setCoverOpen(true);
    await expect(testScan(scanner, signal)).rejects.toMatchObject({ detail: 'cover-open' });
  });
});
