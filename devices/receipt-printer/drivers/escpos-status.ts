import type { PaperState } from '../contract.js';

/**
 * ESC/POS real-time status (DLE EOT n), a pure codec. The encoder library only builds print data,
 * so these two requests and their one-byte answers are ours. Every answer has fixed bits (bit 1 and
 * bit 4 set, bit 0 and bit 7 clear), which is how a byte that is not a status answer is told apart.
 */

// DLE EOT 2: transmit offline cause status (cover, paper-end stop, error).
export const REQUEST_OFFLINE_CAUSE = Uint8Array.of(0x10, 0x04, 0x02);
// DLE EOT 4: transmit roll paper sensor status (near end, end).
export const REQUEST_PAPER_SENSOR = Uint8Array.of(0x10, 0x04, 0x04);

const FIXED_MASK = 0b1001_0011; // bits 7, 4, 1, 0 are fixed in every answer
const FIXED_VALUE = 0b0001_0010; // … as 0, 1, 1, 0

export interface OfflineCause {
  coverOpen: boolean; // bit 2
  paperEndStop: boolean; // bit 5: printing stopped because the paper ran out
  error: boolean; // bit 6
}

export interface PaperSensor {
  nearEnd: boolean; // bits 2 and 3
  out: boolean; // bits 5 and 6
}

export function isStatusByte(byte: number): boolean {
  return (byte & FIXED_MASK) === FIXED_VALUE;
}

export function decodeOfflineCause(byte: number): OfflineCause | undefined {
  if (!isStatusByte(byte)) return undefined;
  return { coverOpen: (byte & 0x04) !== 0, paperEndStop: (byte & 0x20) !== 0, error: (byte & 0x40) !== 0 };
}

export function decodePaperSensor(byte: number): PaperSensor | undefined {
  if (!isStatusByte(byte)) return undefined;
  return { nearEnd: (byte & 0x0c) !== 0, out: (byte & 0x60) !== 0 };
}

export function encodeOfflineCause(cause: OfflineCause): number {
  return FIXED_VALUE | (cause.coverOpen ? 0x04 : 0) | (cause.paperEndStop ? 0x20 : 0) | (cause.error ? 0x40 : 0);
}

export function encodePaperSensor(sensor: PaperSensor): number {
  return FIXED_VALUE | (sensor.nearEnd ? 0x0c : 0) | (sensor.out ? 0x60 : 0);
}

/** What the two answers mean for the kiosk. A cover left open hides the paper, so it comes first. */
export function paperStateOf(cause: OfflineCause, sensor: PaperSensor): PaperState {
  if (cause.coverOpen) return 'cover-open';
  if (sensor.out || cause.paperEndStop) return 'out';
  if (sensor.nearEnd) return 'near-end';
  return 'ok';
}
