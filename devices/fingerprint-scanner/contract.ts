import type { BaseDeviceEvents, Device } from '../contract.js';

export const FINGERS = [
  'right-thumb',
  'right-index',
  'right-middle',
  'right-ring',
  'right-little',
  'left-thumb',
  'left-index',
  'left-middle',
  'left-ring',
  'left-little',
] as const;
export type Finger = (typeof FINGERS)[number];

export interface FingerCapture {
  finger: Finger;
  /** 8-bit greyscale, row-major, `width × height` bytes. */
  image: Uint8Array;
  width: number;
  height: number;
  /** 0 (unusable) to 100 (excellent). */
  quality: number;
  /** Features extracted from the image, in the scanner's template format. */
  template: Uint8Array;
}

export interface MatchResult {
  score: number;
  threshold: number;
  matched: boolean;
}

export interface FingerprintCapabilities {
  imageWidth: number;
  imageHeight: number;
  /** Scores at or above this mean a match. */
  matchThreshold: number;
}

export type FingerPrompt = 'place-finger' | 'lift-finger' | 'too-light' | 'too-dark';

export interface FingerprintEvents extends BaseDeviceEvents {
  /** Live guidance during a capture, for the resident. */
  prompt: { prompt: FingerPrompt };
}

/**
 * A fingerprint scanner. `capture` waits for a finger (emitting `prompt` events), and resolves
 * with the image, its quality and its template; it does not judge quality, the caller applies its
 * own floor. Rejects with `timeout` after `timeoutMs` without a finger, `cancelled`, or
 * `not-connected`. Only one capture at a time (`busy`).
 */
export interface FingerprintScanner extends Device<FingerprintEvents, FingerprintCapabilities> {
  capture(request: { finger: Finger; timeoutMs: number }, signal?: AbortSignal): Promise<FingerCapture>;
  /** 1:1 comparison of a live template against a reference template from the card. */
  match(probe: Uint8Array, reference: Uint8Array, signal?: AbortSignal): Promise<MatchResult>;
}
