/**
 * Reads a binary PNM (P5 grey, P6 colour, 8-bit) as it streams from `scanimage`, straight into
 * one buffer of the announced size: no second copy of a large scan, and a stream that sends more
 * than it announced (or a header that makes no sense) is a protocol error.
 */
export class PnmReader {
  private header = '';
  private data: Uint8Array | undefined;
  private filled = 0;
  widthPx = 0;
  heightPx = 0;
  channels: 1 | 3 = 1;

  constructor(private readonly maxBytes: number) {}

  /** Takes the next chunk; throws PnmError on a malformed or oversized stream. */
  push(chunk: Uint8Array): void {
    let offset = 0;
    if (!this.data) {
      // The header is ASCII and short; collect it byte by byte until its four fields are in.
      while (offset < chunk.length && !this.data) {
        this.header += String.fromCharCode(chunk[offset++] ?? 0);
        if (this.header.length > 512) throw new PnmError('the PNM header is too long');
        this.tryHeader();
      }
    }
    if (!this.data || offset >= chunk.length) return;
    const rest = chunk.subarray(offset);
    if (this.filled + rest.length > this.data.length) throw new PnmError('the scanner sent more data than its header announced');
    this.data.set(rest, this.filled);
    this.filled += rest.length;
  }

  /** The samples once complete, else undefined. */
  complete(): Uint8Array | undefined {
    return this.data && this.filled === this.data.length ? this.data : undefined;
  }

  /** Zeroes what was received (a refused or abandoned scan keeps nothing). */
  wipe(): void {
    this.data?.fill(0);
  }

  private tryHeader(): void {
    // Fields are separated by whitespace; comments run from # to the end of the line. The header
    // ends with the single whitespace character after the fourth field.
    const text = this.header.replace(/#[^\n]*\n/g, ' ');
    if (!/\s$/.test(this.header) || this.header.endsWith('#')) return;
    if (/#[^\n]*$/.test(this.header)) return; // inside a comment
    const fields = text.trim().split(/\s+/);
    if (fields.length < 4) return;
    const [magic, w, h, max] = fields;
    if (magic !== 'P5' && magic !== 'P6') throw new PnmError(`not an 8-bit binary PNM (${String(magic)})`);
    const width = Number(w);
    const height = Number(h);
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new PnmError(`bad PNM size ${String(w)} × ${String(h)}`);
    if (max !== '255') throw new PnmError(`only 8-bit PNM is read, got maxval ${String(max)}`);
    this.channels = magic === 'P6' ? 3 : 1;
    const bytes = width * height * this.channels;
    if (bytes > this.maxBytes) throw new PnmError(`the scan announces ${bytes} bytes, more than ${this.maxBytes}`);
    this.widthPx = width;
    this.heightPx = height;
    this.data = new Uint8Array(bytes);
  }
}

export class PnmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PnmError';
  }
}
