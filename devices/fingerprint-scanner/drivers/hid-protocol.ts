import { FINGERS, type Finger, type FingerPrompt } from '../contract.js';

/**
 * The fingerprint scanner's HID report protocol (docs/fingerprint-protocol.md): a pure codec.
 * Every report is 64 bytes: an 8-byte header and 56 bytes of data. A message longer than 56 bytes
 * (an image, a match request) is split into chunks that share a type and tag.
 */
export const REPORT_SIZE = 64;
export const HEADER_SIZE = 8;
export const CHUNK_DATA = REPORT_SIZE - HEADER_SIZE; // 56
/** Larger messages are refused as a protocol error (a 256 × 360 image is 92 160 bytes). */
export const MAX_MESSAGE_BYTES = 1 << 20;

export const MessageType = {
  // host → scanner
  getInfo: 0x01,
  capture: 0x02,
  cancel: 0x03,
  match: 0x04,
  selfTest: 0x05,
  // scanner → host
  info: 0x81,
  prompt: 0x82,
  captureResult: 0x83,
  matchResult: 0x84,
  selfTestResult: 0x85,
  error: 0x8f,
} as const;
export type MessageTypeCode = (typeof MessageType)[keyof typeof MessageType];
const TYPE_CODES = new Set<number>(Object.values(MessageType));

/** Prompt codes on the wire. */
export const PROMPT_CODES: Record<FingerPrompt, number> = {
  'place-finger': 0x01,
  'lift-finger': 0x02,
  'too-light': 0x03,
  'too-dark': 0x04,
};

/** Error codes on the wire, and the DeviceError each becomes. */
export const WIRE_ERRORS = {
  0x01: 'timeout', // no finger within the capture's timeout
  0x02: 'busy', // a capture is already running
  0x03: 'hardware-fault', // sensor fault (detail says which)
  0x04: 'protocol', // the scanner could not parse the request
  0x05: 'cancelled', // the capture was cancelled by the host
} as const;
export type WireErrorCode = keyof typeof WIRE_ERRORS;

export class HidProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HidProtocolError';
  }
}

export interface Message {
  type: MessageTypeCode;
  /** Request tag 1–255, echoed by the scanner on every answer and prompt for that request. */
  tag: number;
  body: Uint8Array;
}

/** Splits a message into reports. A message with an empty body is one report. */
export function encodeMessage(message: Message): Uint8Array[] {
  const { type, tag, body } = message;
  if (!TYPE_CODES.has(type)) throw new RangeError(`unknown message type ${type}`);
  if (!Number.isInteger(tag) || tag < 0 || tag > 255) throw new RangeError(`tag must be 0–255, got ${tag}`);
  if (body.length > MAX_MESSAGE_BYTES) throw new RangeError(`message of ${body.length} bytes is too large`);
  const count = Math.max(1, Math.ceil(body.length / CHUNK_DATA));
  const reports: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const data = body.subarray(index * CHUNK_DATA, (index + 1) * CHUNK_DATA);
    const report = new Uint8Array(REPORT_SIZE);
    report[0] = type;
    report[1] = tag;
    report[2] = index >> 8; // chunk index, big-endian
    report[3] = index & 0xff;
    report[4] = count >> 8; // chunk count, big-endian
    report[5] = count & 0xff;
    report[6] = data.length; // bytes of data in this chunk, 0–56
    report[7] = 0; // reserved
    report.set(data, HEADER_SIZE);
    reports.push(report);
  }
  return reports;
}

/**
 * Rebuilds messages from reports. Chunks of one message arrive in order; a chunk out of order, a
 * changed count, a bad length or an unknown type throws HidProtocolError and drops the partial
 * message. Reports of different tags may interleave (a prompt during a capture).
 */
export class Reassembler {
  private readonly partial = new Map<string, { type: MessageTypeCode; tag: number; count: number; next: number; parts: Uint8Array[]; size: number }>();

  push(report: Uint8Array): Message | null {
    if (report.length < REPORT_SIZE) throw new HidProtocolError(`short report of ${report.length} bytes`);
    const type = report[0] ?? 0;
    const tag = report[1] ?? 0;
    const index = ((report[2] ?? 0) << 8) | (report[3] ?? 0);
    const count = ((report[4] ?? 0) << 8) | (report[5] ?? 0);
    const length = report[6] ?? 0;
    if (!TYPE_CODES.has(type)) throw new HidProtocolError(`unknown message type 0x${type.toString(16)}`);
    if (count === 0 || index >= count) throw new HidProtocolError(`bad chunk ${index} of ${count}`);
    if (length > CHUNK_DATA) throw new HidProtocolError(`chunk length ${length} exceeds ${CHUNK_DATA}`);
    if (count * CHUNK_DATA > MAX_MESSAGE_BYTES + CHUNK_DATA) throw new HidProtocolError(`message of ${count} chunks is too large`);
    const key = `${type}:${tag}`;
    const data = report.slice(HEADER_SIZE, HEADER_SIZE + length);
    let entry = this.partial.get(key);
    if (index === 0) {
      entry = { type: type as MessageTypeCode, tag, count, next: 0, parts: [], size: 0 };
      this.partial.set(key, entry);
    }
    if (!entry || entry.next !== index || entry.count !== count) {
      this.partial.delete(key);
      throw new HidProtocolError(`chunk ${index} of ${count} out of order for type 0x${type.toString(16)} tag ${tag}`);
    }
    entry.parts.push(data);
    entry.size += data.length;
    entry.next++;
    if (entry.next < entry.count) return null;
    this.partial.delete(key);
    const body = new Uint8Array(entry.size);
    let offset = 0;
    for (const part of entry.parts) {
      body.set(part, offset);
      offset += part.length;
    }
    return { type: entry.type, tag, body };
  }

  reset(): void {
    this.partial.clear();
  }
}

// ── message bodies ──────────────────────────────────────────────────────────────────────────

export interface ScannerInfo {
  imageWidth: number;
  imageHeight: number;
  matchThreshold: number;
  firmware: string;
  model: string;
}

export interface CaptureResultBody {
  finger: Finger;
  quality: number;
  width: number;
  height: number;
  template: Uint8Array;
  image: Uint8Array;
}

/** A little cursor over a body, throwing HidProtocolError when it runs short. */
class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}
  u8(): number {
    if (this.offset + 1 > this.bytes.length) throw new HidProtocolError('body too short');
    return this.bytes[this.offset++] ?? 0;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return ((this.u16() << 16) >>> 0) + this.u16();
  }
  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new HidProtocolError('body too short');
    const out = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  ascii(): string {
    return String.fromCharCode(...this.take(this.u8()));
  }
  end(): void {
    if (this.offset !== this.bytes.length) throw new HidProtocolError(`${this.bytes.length - this.offset} unexpected trailing bytes`);
  }
}

class Writer {
  private readonly blobs: Array<Uint8Array | number[]> = [];
  u8(value: number): this {
    this.flushTo().push(value & 0xff);
    return this;
  }
  u16(value: number): this {
    return this.u8(value >> 8).u8(value);
  }
  u32(value: number): this {
    return this.u16(Math.floor(value / 0x10000)).u16(value & 0xffff);
  }
  bytes(bytes: Uint8Array): this {
    this.blobs.push(bytes);
    return this;
  }
  ascii(text: string): this {
    const codes = [...text].map((c) => c.charCodeAt(0) & 0x7f).slice(0, 255);
    this.u8(codes.length);
    for (const code of codes) this.u8(code);
    return this;
  }
  done(): Uint8Array {
    const size = this.blobs.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(size);
    let offset = 0;
    for (const blob of this.blobs) {
      out.set(blob, offset);
      offset += blob.length;
    }
    return out;
  }
  private flushTo(): number[] {
    const last = this.blobs[this.blobs.length - 1];
    if (Array.isArray(last)) return last;
    const fresh: number[] = [];
    this.blobs.push(fresh);
    return fresh;
  }
}

function fingerCode(finger: Finger): number {
  const index = FINGERS.indexOf(finger);
  if (index < 0) throw new RangeError(`unknown finger ${finger}`);
  return index;
}
function fingerOf(code: number): Finger {
  const finger = FINGERS[code];
  if (!finger) throw new HidProtocolError(`unknown finger code ${code}`);
  return finger;
}

export const bodies = {
  capture: {
    encode: (finger: Finger, timeoutMs: number) => new Writer().u8(fingerCode(finger)).u32(Math.min(0xffffffff, Math.round(timeoutMs))).done(),
    decode: (body: Uint8Array) => {
      const r = new Reader(body);
      const out = { finger: fingerOf(r.u8()), timeoutMs: r.u32() };
      r.end();
      return out;
    },
  },
  match: {
    encode: (probe: Uint8Array, reference: Uint8Array) => {
      if (probe.length > 0xffff || reference.length > 0xffff) throw new RangeError('template too large');
      return new Writer().u16(probe.length).bytes(probe).u16(reference.length).bytes(reference).done();
    },
    decode: (body: Uint8Array) => {
      const r = new Reader(body);
      const probe = r.take(r.u16());
      const reference = r.take(r.u16());
      r.end();
      return { probe, reference };
    },
  },
  info: {
    encode: (info: ScannerInfo) =>
      new Writer().u16(info.imageWidth).u16(info.imageHeight).u8(info.matchThreshold).ascii(info.firmware).ascii(info.model).done(),
    decode: (body: Uint8Array): ScannerInfo => {
      const r = new Reader(body);
      const out = { imageWidth: r.u16(), imageHeight: r.u16(), matchThreshold: r.u8(), firmware: r.ascii(), model: r.ascii() };
      r.end();
      if (out.imageWidth === 0 || out.imageHeight === 0 || out.matchThreshold > 100) throw new HidProtocolError('implausible scanner info');
      return out;
    },
  },
  prompt: {
    encode: (prompt: FingerPrompt) => new Uint8Array([PROMPT_CODES[prompt]]),
    decode: (body: Uint8Array): FingerPrompt => {
      const r = new Reader(body);
      const code = r.u8();
      r.end();
      const prompt = (Object.keys(PROMPT_CODES) as FingerPrompt[]).find((p) => PROMPT_CODES[p] === code);
      if (!prompt) throw new HidProtocolError(`unknown prompt code ${code}`);
      return prompt;
    },
  },
  captureResult: {
    encode: (c: CaptureResultBody) =>
      new Writer().u8(fingerCode(c.finger)).u8(c.quality).u16(c.width).u16(c.height).u16(c.template.length).bytes(c.template).bytes(c.image).done(),
    decode: (body: Uint8Array): CaptureResultBody => {
      const r = new Reader(body);
      const finger = fingerOf(r.u8());
      const quality = r.u8();
      const width = r.u16();
      const height = r.u16();
      const template = r.take(r.u16());
      const image = r.take(width * height);
      r.end();
      if (quality > 100) throw new HidProtocolError(`quality ${quality} out of range`);
      return { finger, quality, width, height, template, image };
    },
  },
  matchResult: {
    encode: (score: number, threshold: number) => new Uint8Array([score, threshold]),
    decode: (body: Uint8Array) => {
      const r = new Reader(body);
      const out = { score: r.u8(), threshold: r.u8() };
      r.end();
      if (out.score > 100 || out.threshold > 100) throw new HidProtocolError('score out of range');
      return out;
    },
  },
  selfTestResult: {
    encode: (passed: boolean, detail: string) => new Writer().u8(passed ? 1 : 0).ascii(detail).done(),
    decode: (body: Uint8Array) => {
      const r = new Reader(body);
      const out = { passed: r.u8() === 1, detail: r.ascii() };
      r.end();
      return out;
    },
  },
  error: {
    encode: (code: WireErrorCode, detail = '') => new Writer().u8(code).ascii(detail).done(),
    decode: (body: Uint8Array) => {
      const r = new Reader(body);
      const code = r.u8();
      const detail = r.ascii();
      r.end();
      if (!(code in WIRE_ERRORS)) throw new HidProtocolError(`unknown error code ${code}`);
      return { code: WIRE_ERRORS[code as WireErrorCode], detail };
    },
  },
};
