/**
 * ECR link framing (docs/protocols/payment-terminal.md), a pure codec:
 *
 *   STX  LEN LEN LEN LEN  DATA…  ETX  LRC        and the one-byte answers ACK / NAK
 *
 * LEN is the number of DATA bytes as four ASCII digits; DATA is printable ASCII plus FS; LRC is the
 * XOR of every byte after STX up to and including ETX. The decoder is fed bytes split anywhere and
 * never throws: whatever it cannot use becomes a `bad-frame` or `noise` token.
 */

export const STX = 0x02; // start of text: a frame begins
export const ETX = 0x03; // end of text: the LRC byte follows
export const ACK = 0x06; // frame received intact
export const NAK = 0x15; // frame received damaged: send it again
export const FS = 0x1c; // field separator inside DATA

const LEN_DIGITS = 4;
/** Longest DATA we accept; bounds what a stream of garbage can make us buffer. */
export const MAX_DATA = 1024;

export type EcrToken =
  | { kind: 'frame'; data: Uint8Array }
  | { kind: 'ack' }
  | { kind: 'nak' }
  /** A frame began but was unusable. `interrupted`: a new STX came before it ended (no NAK owed). */
  | { kind: 'bad-frame'; reason: 'lrc' | 'length' | 'byte' | 'interrupted' }
  /** Bytes outside any frame that are neither ACK nor NAK. */
  | { kind: 'noise'; bytes: number };

/** A byte allowed in DATA: printable ASCII or the field separator. */
export function isDataByte(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === FS;
}

export function lrc(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

/** Builds one frame around `data`; throws RangeError (a bug) for bytes DATA may not hold. */
export function encodeFrame(data: Uint8Array): Uint8Array {
  if (data.length === 0 || data.length > MAX_DATA) throw new RangeError(`frame data must be 1–${MAX_DATA} bytes, got ${data.length}`);
  for (const byte of data) if (!isDataByte(byte)) throw new RangeError(`byte 0x${byte.toString(16)} cannot travel in a frame`);
  const len = new TextEncoder().encode(String(data.length).padStart(LEN_DIGITS, '0'));
  const frame = new Uint8Array(1 + LEN_DIGITS + data.length + 2);
  frame[0] = STX;
  frame.set(len, 1);
  frame.set(data, 1 + LEN_DIGITS);
  frame[frame.length - 2] = ETX;
  frame[frame.length - 1] = lrc(frame.subarray(1, frame.length - 1));
  return frame;
}

type State =
  | { at: 'idle' }
  | { at: 'len'; raw: number[]; length: number }
  | { at: 'data'; length: number; bytes: number[] }
  | { at: 'etx'; bytes: number[] }
  | { at: 'lrc'; bytes: number[] }
  /** After a damaged frame: swallow what is left of it (its LRC could look like ACK). */
  | { at: 'skip'; left: number; reason: 'length' | 'byte' };

export class EcrFrameDecoder {
  private state: State = { at: 'idle' };
  private lastAt: number | undefined;

  /**
   * @param interByteTimeoutMs a frame that pauses longer than this is abandoned (the sender died
   * mid-frame), so what follows, e.g. an ACK, is read afresh. Only applies when `push` gets times.
   */
  constructor(private readonly interByteTimeoutMs = Number.POSITIVE_INFINITY) {}

  /** Feeds bytes (received at `now`, if known); returns the tokens they completed, in order. */
  push(chunk: Uint8Array, now?: number): EcrToken[] {
    const tokens: EcrToken[] = [];
    if (now !== undefined) {
      if (this.state.at !== 'idle' && this.lastAt !== undefined && now - this.lastAt > this.interByteTimeoutMs) {
        if (this.state.at !== 'skip') tokens.push({ kind: 'bad-frame', reason: 'interrupted' });
        this.state = { at: 'idle' };
      }
      this.lastAt = now;
    }
    let noise = 0;
    const flushNoise = (): void => {
      if (noise > 0) tokens.push({ kind: 'noise', bytes: noise });
      noise = 0;
    };
    for (const byte of chunk) {
      const s = this.state;
      switch (s.at) {
        case 'idle':
          if (byte === STX) {
            flushNoise();
            this.state = { at: 'len', raw: [], length: 0 };
          } else if (byte === ACK || byte === NAK) {
            flushNoise();
            tokens.push({ kind: byte === ACK ? 'ack' : 'nak' });
          } else noise++;
          break;
        case 'len':
          if (byte === STX) this.restart(tokens);
          else if (byte >= 0x30 && byte <= 0x39) {
            s.length = s.length * 10 + (byte - 0x30);
            s.raw.push(byte); // LEN is covered by the LRC
            if (s.raw.length === LEN_DIGITS) {
              if (s.length === 0 || s.length > MAX_DATA) this.fail(tokens, 'length', 0);
              else this.state = { at: 'data', length: s.length, bytes: s.raw };
            }
          } else this.fail(tokens, 'length', 0);
          break;
        case 'data':
          if (byte === STX) this.restart(tokens);
          else if (!isDataByte(byte)) {
            const left = s.length - (s.bytes.length - LEN_DIGITS) - 1 + 2; // rest of DATA, ETX, LRC
            this.fail(tokens, 'byte', left);
          } else {
            s.bytes.push(byte);
            if (s.bytes.length - LEN_DIGITS === s.length) this.state = { at: 'etx', bytes: s.bytes };
          }
          break;
        case 'etx':
          if (byte === STX) this.restart(tokens);
          else if (byte !== ETX) this.fail(tokens, 'byte', 1);
          else {
            s.bytes.push(byte);
            this.state = { at: 'lrc', bytes: s.bytes };
          }
          break;
        case 'lrc': {
          // Any value is a valid LRC byte, even STX: the frame ends here whatever it is.
          const ok = lrc(Uint8Array.from(s.bytes)) === byte;
          tokens.push(ok ? { kind: 'frame', data: Uint8Array.from(s.bytes.slice(LEN_DIGITS, -1)) } : { kind: 'bad-frame', reason: 'lrc' });
          this.state = { at: 'idle' };
          break;
        }
        case 'skip':
          if (byte === STX && s.left > 1) this.restart(tokens, false);
          else {
            s.left--;
            if (s.left <= 0) this.state = { at: 'idle' };
          }
          break;
      }
    }
    flushNoise();
    return tokens;
  }

  /** Forgets a half-received frame (the line was reset). */
  reset(): void {
    this.state = { at: 'idle' };
  }

  private restart(tokens: EcrToken[], report = true): void {
    if (report) tokens.push({ kind: 'bad-frame', reason: 'interrupted' });
    this.state = { at: 'len', raw: [], length: 0 };
  }

  private fail(tokens: EcrToken[], reason: 'length' | 'byte', left: number): void {
    tokens.push({ kind: 'bad-frame', reason });
    this.state = left > 0 ? { at: 'skip', left, reason } : { at: 'idle' };
  }
}
