import type { BaseDeviceEvents, Device } from '../contract.js';

/**
 * A flatbed document scanner: the resident's own photo print and the ID card's surface. The
 * scanner returns raw 8-bit samples; the host crops, checks and encodes them (sharp), so the
 * simulator and the drivers stay free of image codecs.
 */

export const COLOUR_MODES = ['colour', 'grey'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** A rectangle on the bed, in millimetres from the bed's top-left corner (the corner mark). */
export interface ScanArea {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

export interface ScanRequest {
  /** Default: the whole bed. Must lie within the bed. */
  area?: ScanArea;
  /** One of `capabilities().resolutions`. */
  dpi: number;
  mode: ColourMode;
  /** The scan rejects `timeout` when no complete image arrived within this time. */
  timeoutMs: number;
}

export interface ScannedImage {
  widthPx: number;
  heightPx: number;
  /** 3 (RGB) in colour mode, 1 in grey. */
  channels: 1 | 3;
  /** Row-major 8-bit samples, `widthPx × heightPx × channels` bytes. */
  pixels: Uint8Array;
  dpi: number;
  mode: ColourMode;
  area: ScanArea;
}

export interface DocumentScannerCapabilities {
  /** Resolutions the scanner offers, ascending. */
  resolutions: number[];
  modes: ColourMode[];
  bed: { widthMm: number; heightMm: number };
}

export type DocumentScannerEvents = BaseDeviceEvents;

/**
 * The finer codes a scan's `user-action-needed` carries: the lid is up, or the bed is empty (the
 * scanner says so, or the picture is blank: a flatbed cannot tell otherwise).
 */
export const SCANNER_ACTION_DETAILS = ['cover-open', 'no-document'] as const;
export type ScannerActionDetail = (typeof SCANNER_ACTION_DETAILS)[number];

/**
 * `scan` rejects with `not-connected` (absent, unplugged or closed mid-scan), `busy` (another scan
 * runs), `user-action-needed` + `cover-open` / `no-document`, `timeout` (no complete image within
 * `timeoutMs`; the scan is stopped), `cancelled` (the signal fired; the scan is stopped), and
 * `RangeError` for a request outside the capabilities (before touching the device).
 */
export interface DocumentScanner extends Device<DocumentScannerEvents, DocumentScannerCapabilities> {
  scan(request: ScanRequest, signal?: AbortSignal): Promise<ScannedImage>;
}
