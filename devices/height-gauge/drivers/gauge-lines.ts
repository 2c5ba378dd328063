/**
 * The height gauge's line protocol (docs/protocols/height-gauge.md), a pure codec. One message per
 * line, NMEA-style:
 *
 *   $ BODY * HH CR LF        BODY = fields separated by commas; HH = XOR of BODY's bytes, hex
 *
 * The decoder takes bytes split anywhere and never throws; a damaged line is reported, not guessed.
 */

export type GaugeToken = { kind: 'line'; fields: string[] } | { kind: 'bad-line'; reason: 'checksum' | 'format' | 'too-long' };

/** Characters a field may hold (no `$`, `*`, `,` or controls). */
const FIELD = /^[A-Za-z0-9.+:?_-]*$/;
/** Longest line we buffer; a stream of garbage cannot make us hold more. */
export const MAX_LINE = 128;

export function checksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

/** Builds one line; throws RangeError (a bug) for a field the protocol cannot carry. */
export function encodeLine(fields: string[]): Uint8Array {
  for (const field of fields) if (!FIELD.test(field)) throw new RangeError(`field ${JSON.stringify(field)} cannot travel in a gauge line`);
  const body = fields.join(',');
  const line = `$${body}*${checksum(body)}\r\n`;
  if (line.length > MAX_LINE) throw new RangeError('gauge line too long');
  return new TextEncoder().encode(line);
}

export function decodeLine(text: string): GaugeToken {
  const match = /^\$([^$*]*)\*([0-9A-F]{2})$/.exec(text);
  if (!match) return { kind: 'bad-line', reason: 'format' };
  const [, body = '', sum] = match;
  if (checksum(body) !== sum) return { kind: 'bad-line', reason: 'checksum' };
  const fields = body.split(',');
  if (!fields.every((f) => FIELD.test(f)) || fields[0] === '') return { kind: 'bad-line', reason: 'format' };
  return { kind: 'line', fields };
}

export class GaugeLineDecoder {
  private current = '';
  private overflow = false;

  push(chunk: Uint8Array): GaugeToken[] {
    const tokens: GaugeToken[] = [];
    for (const byte of chunk) {
      if (byte === 0x0a) {
        // CR LF ends a line (LF alone is a damaged line); an empty line is a keep-alive. A `$` in
        // the middle of a line is not a new start: the line is broken, whatever follows.
        if (this.overflow) tokens.push({ kind: 'bad-line', reason: 'too-long' });
        else if (!this.current.endsWith('\r')) tokens.push({ kind: 'bad-line', reason: 'format' });
        else if (this.current.length > 1) tokens.push(decodeLine(this.current.slice(0, -1)));
        this.current = '';
        this.overflow = false;
      } else if (this.current.length >= MAX_LINE) {
        this.overflow = true;
      } else {
        this.current += String.fromCharCode(byte);
      }
    }
    return tokens;
  }

  reset(): void {
    this.current = '';
    this.overflow = false;
  }
}
