// `npm run bench:scanner`: median times of the document scanner's paths. The SANE driver scanning the
// photo guide area (60 × 70 mm, 300 dpi, colour) from SANE's test backend through scanimage; the
// simulator drawing the same scan; the host finding, checking and cropping the print (sharp); the
// card surface likewise. The last line is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaneDocumentScanner } from '../../devices/document-scanner/drivers/sane-document-scanner.js';
import { CARD_GUIDE_AREA, CARD_SCAN_DPI, findCardSurface } from '../../electron/host/photo/card-scan.js';
import { findPhotoPrint, PHOTO_GUIDE_AREA, PHOTO_SCAN_DPI } from '../../electron/host/photo/scanned-photo.js';
import { SaneTestBed } from '../../simulators/document-scanner/sane-test-bed.js';
import { SimulatedDocumentScanner } from '../../simulators/document-scanner/simulated-document-scanner.js';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
const round = (ms: number): number => Math.round(ms * 10) / 10;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

async function main(): Promise<void> {
  const photo = { area: PHOTO_GUIDE_AREA, dpi: PHOTO_SCAN_DPI, mode: 'colour' as const, timeoutMs: 30_000 };
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sane-bench-'));
  const bed = new SaneTestBed(dir);
  const sane = new SaneDocumentScanner({ device: bed.device, env: bed.env, pollMs: 60_000 });
  let saneScanMs: number;
  try {
    await sane.open();
    saneScanMs = await timed(() => sane.scan(photo));
  } finally {
    await sane.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const sim = new SimulatedDocumentScanner();
  await sim.open();
  sim.control.placeDocument('photo-print');
  const simulatorScanMs = await timed(() => sim.scan(photo));
  const photoScan = await sim.scan(photo);
  const pixels = photoScan.pixels.slice();
  const hostCropPhotoMs = await timed(() => findPhotoPrint({ ...photoScan, pixels: pixels.slice() }));
  sim.control.placeDocument('id-card');
  const cardScan = await sim.scan({ area: CARD_GUIDE_AREA, dpi: CARD_SCAN_DPI, mode: 'colour', timeoutMs: 30_000 });
  const cardPixels = cardScan.pixels.slice();
  const hostCropCardMs = await timed(() => findCardSurface({ ...cardScan, pixels: cardPixels.slice() }));

  const figures = {
    bench: 'scanner',
    runs: RUNS,
    photoScanPx: [photoScan.widthPx, photoScan.heightPx],
    saneScanMedianMs: saneScanMs,
    simulatorScanMedianMs: simulatorScanMs,
    hostCropPhotoMedianMs: hostCropPhotoMs,
    hostCropCardMedianMs: hostCropCardMs,
  };
  console.log(`SANE test backend, 60 × 70 mm at 300 dpi colour: ${saneScanMs} ms; simulator: ${simulatorScanMs} ms`);
  console.log(`host: find + check + crop the print ${hostCropPhotoMs} ms, the card ${hostCropCardMs} ms`);
  console.log(JSON.stringify(figures));
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
