import { loadSharp } from './load-sharp.js';
import type { DocumentScanner } from '../../../devices/document-scanner/contract.js';
import { wholeBed } from '../../../devices/document-scanner/scan-limits.js';

/** A technician's test scan may take this long (a whole bed at the lowest resolution). */
export const TEST_SCAN_TIMEOUT_MS = 30_000;

/**
 * The maintenance test scan: the whole bed at the scanner's lowest resolution, in colour, as a JPEG
 * for the technician's screen. An empty bed is an answer here (`blank: true`, the lid's picture),
 * not an error: the technician checks the lamp and the carriage, not a document. Device errors
 * (not connected, cover open, timeout) reject as for any scan.
 */
export async function testScan(scanner: DocumentScanner, signal: AbortSignal): Promise<{ jpegBase64: string; width: number; height: number; dpi: number; blank: boolean }> {
  const capabilities = scanner.capabilities();
  const dpi = capabilities.resolutions[0] ?? 75;
  try {
    const image = await scanner.scan({ area: wholeBed(capabilities), dpi, mode: 'colour', timeoutMs: TEST_SCAN_TIMEOUT_MS }, signal);
    const jpeg = await (await loadSharp())(image.pixels, { raw: { width: image.widthPx, height: image.heightPx, channels: image.channels } }).jpeg({ quality: 80 }).toBuffer();
    return { jpegBase64: jpeg.toString('base64'), width: image.widthPx, height: image.heightPx, dpi, blank: false };
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { detail?: unknown }).detail === 'no-document') {
      return { jpegBase64: '', width: 0, height: 0, dpi, blank: true };
    }
    throw error;
  }
}
