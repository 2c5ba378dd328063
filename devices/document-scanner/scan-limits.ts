import type { DocumentScannerCapabilities, ScanArea, ScannedImage, ScanRequest } from './contract.js';

/** The largest timeout a scan may ask for: a full bed at the highest resolution is well within it. */
export const MAX_SCAN_TIMEOUT_MS = 120_000;
/** The most samples one scan may return (a 220 × 300 mm bed at 600 dpi in colour is ~ 110 M). */
export const MAX_SCAN_BYTES = 128 * 1024 * 1024;

/** The whole bed as a scan area. */
export function wholeBed(capabilities: DocumentScannerCapabilities): ScanArea {
  return { xMm: 0, yMm: 0, widthMm: capabilities.bed.widthMm, heightMm: capabilities.bed.heightMm };
}

/** Pixels along `mm` at `dpi` (how SANE rounds: down, at least one). */
export function pixelsFor(mm: number, dpi: number): number {
  return Math.max(1, Math.floor((mm * dpi) / 25.4));
}

/**
 * Checks a request against the capabilities (both sides of the contract call it) and returns it
 * with its area filled in. Throws RangeError naming the first thing wrong.
 */
export function checkScanRequest(request: ScanRequest, capabilities: DocumentScannerCapabilities): ScanRequest & { area: ScanArea } {
  const { dpi, mode, timeoutMs } = request;
  if (!capabilities.resolutions.includes(dpi)) throw new RangeError(`dpi must be one of ${capabilities.resolutions.join(', ')}, got ${dpi}`);
  if (!capabilities.modes.includes(mode)) throw new RangeError(`mode must be one of ${capabilities.modes.join(', ')}, got ${String(mode)}`);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_SCAN_TIMEOUT_MS) {
    throw new RangeError(`timeoutMs must be in (0, ${MAX_SCAN_TIMEOUT_MS}], got ${timeoutMs}`);
  }
  const area = request.area ?? wholeBed(capabilities);
  const { xMm, yMm, widthMm, heightMm } = area;
  const numbers = [xMm, yMm, widthMm, heightMm];
  if (!numbers.every(Number.isFinite) || xMm < 0 || yMm < 0 || widthMm <= 0 || heightMm <= 0) {
    throw new RangeError(`the scan area must have a non-negative origin and a positive size, got ${JSON.stringify(area)}`);
  }
  if (xMm + widthMm > capabilities.bed.widthMm + 1e-6 || yMm + heightMm > capabilities.bed.heightMm + 1e-6) {
    throw new RangeError(`the scan area ${JSON.stringify(area)} leaves the ${capabilities.bed.widthMm} × ${capabilities.bed.heightMm} mm bed`);
  }
  const bytes = pixelsFor(widthMm, dpi) * pixelsFor(heightMm, dpi) * (mode === 'colour' ? 3 : 1);
  if (bytes > MAX_SCAN_BYTES) throw new RangeError(`the scan would be ${bytes} bytes, more than ${MAX_SCAN_BYTES}`);
  return { ...request, area };
}

/** Mean and standard deviation of the samples (every 7th, which is plenty for the question asked). */
function spread(image: ScannedImage): { mean: number; deviation: number } {
  const { pixels } = image;
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let i = 0; i < pixels.length; i += 7) {
    const v = pixels[i] ?? 0;
    sum += v;
    squares += v * v;
    count++;
  }
  const mean = count === 0 ? 0 : sum / count;
  return { mean, deviation: Math.sqrt(Math.max(0, squares / Math.max(1, count) - mean * mean)) };
}

/** Below this spread a picture is one flat tone: the lid (or the dark of an open bed), no document. */
const BLANK_DEVIATION = 6;

/** True when the picture is blank: nothing was on the bed. */
export function isBlankScan(image: ScannedImage): boolean {
  return spread(image).deviation < BLANK_DEVIATION;
}
