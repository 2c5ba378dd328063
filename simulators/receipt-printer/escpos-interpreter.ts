import CodepageEncoder, { type Codepage } from '@point-of-sale/codepage-encoder';

/**
 * The simulated printer's reading of ESC/POS: the subset the kiosk's encoder emits (text with code
 * pages and Kanji mode, styles, raster images, QR codes, cut) plus real-time status requests.
 * Streaming and pure: bytes may arrive split anywhere, and arbitrary bytes never throw. Unknown
 * commands are skipped and counted, never guessed at.
 */

export type Align = 'left' | 'center' | 'right';

export type EscPosOp =
  | { kind: 'init' }
  /** One printed line, committed by LF. `scale` is GS ! (width, height multipliers). */
  | { kind: 'line'; text: string; scale: { w: number; h: number }; bold: boolean; align: Align }
  | { kind: 'raster'; width: number; height: number; bits: Uint8Array; align: Align }
  | { kind: 'qr'; data: string; moduleSize: number; ecLevel: 'L' | 'M' | 'Q' | 'H'; align: Align }
  | { kind: 'cut'; partial: boolean }
  /** DLE EOT n: the host asks for real-time status n. */
  | { kind: 'status'; n: number }
  | { kind: 'unknown'; bytes: number };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

/** Largest raster we accept (bytes of bitmap): a receipt logo is a few KB. */
const MAX_RASTER = 512 * 1024;
/** Largest QR payload (GS ( k can carry 7089 digits at most). */
const MAX_QR = 7_100;

/** Epson's ESC t numbers for the code pages our encoder may pick (the simulator's side). */
const CODEPAGES: Record<number, Codepage> = {
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  16: 'windows1252',
  17: 'cp866',
  19: 'cp858',
};

const big5 = new TextDecoder('big5');
const ascii = new TextDecoder('latin1');

type Step = { consumed: number; op?: EscPosOp } | 'more';

export class EscPosInterpreter {
  private buffer: number[] = [];
  private text = '';
  /** The largest size and any bold among the line's characters: styles apply as characters land. */
  private lineScale = { w: 1, h: 1 };
  private lineBold = false;
  private bold = false;
  private align: Align = 'left';
  private scale = { w: 1, h: 1 };
  private kanji = false;
  private codepage: Codepage = 'cp437';
  private qr = { data: '', moduleSize: 3, ecLevel: 'L' as 'L' | 'M' | 'Q' | 'H' };

  /** Feeds bytes; returns the operations they completed, in order. */
  push(chunk: Uint8Array): EscPosOp[] {
    for (const byte of chunk) this.buffer.push(byte);
    const ops: EscPosOp[] = [];
    let at = 0;
    while (at < this.buffer.length) {
      const step = this.step(at);
      if (step === 'more') break;
      if (step.op) ops.push(step.op);
      at += step.consumed;
    }
    this.buffer = this.buffer.slice(at);
    return ops;
  }

  private step(at: number): Step {
    const b = this.buffer;
    const byte = b[at] ?? 0;
    const left = b.length - at;
    const arg = (i: number): number => b[at + i] ?? 0;
    const need = (n: number): boolean => left < n;

    if (byte === LF) {
      const empty = this.text === '';
      const op: EscPosOp = { kind: 'line', text: this.text, scale: empty ? { ...this.scale } : this.lineScale, bold: !empty && this.lineBold, align: this.align };
      this.text = '';
      this.lineScale = { w: 1, h: 1 };
      this.lineBold = false;
      return { consumed: 1, op };
    }
    if (byte === ESC) {
      if (need(2)) return 'more';
      switch (arg(1)) {
        case 0x40: // ESC @: initialise
          this.reset();
          return { consumed: 2, op: { kind: 'init' } };
        case 0x32: // ESC 2: default line spacing
          return { consumed: 2 };
        case 0x74: // ESC t n: code page
          if (need(3)) return 'more';
          this.codepage = CODEPAGES[arg(2)] ?? 'cp437';
          return { consumed: 3 };
        case 0x45: // ESC E n: bold
          if (need(3)) return 'more';
          this.bold = (arg(2) & 1) === 1;
          return { consumed: 3 };
        case 0x61: // ESC a n: justification
          if (need(3)) return 'more';
          this.align = (['left', 'center', 'right'] as const)[arg(2) % 48] ?? 'left';
          return { consumed: 3 };
        case 0x4d: // ESC M n: font
        case 0x33: // ESC 3 n: line spacing
        case 0x2d: // ESC - n: underline
        case 0x47: // ESC G n: double strike
        case 0x4a: // ESC J n: feed n dots
        case 0x64: // ESC d n: feed n lines
        case 0x21: // ESC ! n: print mode
        case 0x7b: // ESC { n: upside down
          return need(3) ? 'more' : { consumed: 3 };
        default:
          return { consumed: 2, op: { kind: 'unknown', bytes: 2 } };
      }
    }
    if (byte === GS) {
      if (need(2)) return 'more';
      switch (arg(1)) {
        case 0x21: // GS ! n: character size, width in the high nibble, height in the low
          if (need(3)) return 'more';
          this.scale = { w: ((arg(2) >> 4) & 7) + 1, h: (arg(2) & 7) + 1 };
          return { consumed: 3 };
        case 0x42: // GS B n: reverse
        case 0x61: // GS a n: automatic status back (ignored)
          return need(3) ? 'more' : { consumed: 3 };
        case 0x56: {
          // GS V m [n]: cut; m 0/1/48/49 alone, 65/66/97/98/103/104 with a feed amount
          if (need(3)) return 'more';
          const m = arg(2);
          const withFeed = [65, 66, 97, 98, 103, 104].includes(m);
          if (withFeed && need(4)) return 'more';
          return { consumed: withFeed ? 4 : 3, op: { kind: 'cut', partial: m % 2 === 1 || m === 66 || m === 98 || m === 104 } };
        }
        case 0x76: {
          // GS v 0 m xL xH yL yH d…: raster bit image, x in bytes, y in dots
          if (need(8)) return 'more';
          if (arg(2) !== 0x30) return { consumed: 3, op: { kind: 'unknown', bytes: 3 } };
          const xBytes = arg(4) + arg(5) * 256;
          const height = arg(6) + arg(7) * 256;
          const size = xBytes * height;
          if (size === 0 || size > MAX_RASTER) return { consumed: 8, op: { kind: 'unknown', bytes: 8 } };
          if (need(8 + size)) return 'more';
          const bits = Uint8Array.from(b.slice(at + 8, at + 8 + size));
          return { consumed: 8 + size, op: { kind: 'raster', width: xBytes * 8, height, bits, align: this.align } };
        }
        case 0x28: {
          // GS ( x pL pH …: a family of commands with a two-byte parameter length
          if (need(5)) return 'more';
          const length = arg(3) + arg(4) * 256;
          if (arg(2) === 0x6b && length > MAX_QR + 3) return { consumed: 5, op: { kind: 'unknown', bytes: 5 } };
          if (need(5 + length)) return 'more';
          const params = b.slice(at + 5, at + 5 + length);
          const op = arg(2) === 0x6b ? this.symbol(params) : { kind: 'unknown' as const, bytes: 5 + length };
          return op ? { consumed: 5 + length, op } : { consumed: 5 + length };
        }
        default:
          return { consumed: 2, op: { kind: 'unknown', bytes: 2 } };
      }
    }
    if (byte === FS) {
      if (need(2)) return 'more';
      switch (arg(1)) {
        case 0x26: // FS &: Kanji mode on
          this.kanji = true;
          return { consumed: 2 };
        case 0x2e: // FS .: Kanji mode off
          this.kanji = false;
          return { consumed: 2 };
        case 0x43: // FS C n: Kanji code system
        case 0x21: // FS ! n: Kanji print mode
          return need(3) ? 'more' : { consumed: 3 };
        default:
          return { consumed: 2, op: { kind: 'unknown', bytes: 2 } };
      }
    }
    if (byte === DLE) {
      if (need(2)) return 'more';
      if (arg(1) === 0x04) {
        // DLE EOT n: real-time status request
        if (need(3)) return 'more';
        return { consumed: 3, op: { kind: 'status', n: arg(2) } };
      }
      if (arg(1) === 0x05 || arg(1) === 0x14) return need(3) ? 'more' : { consumed: 3 }; // DLE ENQ / DLE DC4
      return { consumed: 2, op: { kind: 'unknown', bytes: 2 } };
    }
    if (byte < 0x20) return { consumed: 1 }; // CR and other controls: nothing to print
    if (this.kanji && byte >= 0x81 && byte <= 0xfe) {
      if (need(2)) return 'more';
      this.place(big5.decode(Uint8Array.of(byte, arg(1))));
      return { consumed: 2 };
    }
    this.place(byte < 0x80 ? ascii.decode(Uint8Array.of(byte)) : this.fromCodepage(byte));
    return { consumed: 1 };
  }

  private place(char: string): void {
    this.text += char;
    if (char === ' ') return; // padding takes no style worth reporting
    this.lineScale = { w: Math.max(this.lineScale.w, this.scale.w), h: Math.max(this.lineScale.h, this.scale.h) };
    this.lineBold ||= this.bold;
  }

  /** GS ( k, cn 49: QR code model, size, error level, store, print. */
  private symbol(params: number[]): EscPosOp | undefined {
    const [cn, fn, n] = params;
    if (cn !== 0x31) return { kind: 'unknown', bytes: params.length + 5 };
    switch (fn) {
      case 0x43: // fn 67: module size
        this.qr.moduleSize = Math.min(16, Math.max(1, n ?? 3));
        return undefined;
      case 0x45: // fn 69: error correction, 48–51 = L M Q H
        this.qr.ecLevel = (['L', 'M', 'Q', 'H'] as const)[(n ?? 48) - 48] ?? 'L';
        return undefined;
      case 0x50: // fn 80: store data (m = 48, then the data)
        this.qr.data = ascii.decode(Uint8Array.from(params.slice(3)));
        return undefined;
      case 0x51: // fn 81: print the stored symbol
        return { kind: 'qr', data: this.qr.data, moduleSize: this.qr.moduleSize, ecLevel: this.qr.ecLevel, align: this.align };
      default: // fn 65 model and anything else
        return undefined;
    }
  }

  private fromCodepage(byte: number): string {
    const point = CodepageEncoder.getEncoding(this.codepage).codepoints[byte];
    return point === undefined || point === 0 ? '?' : String.fromCodePoint(point);
  }

  private reset(): void {
    this.text = '';
    this.lineScale = { w: 1, h: 1 };
    this.lineBold = false;
    this.bold = false;
    this.align = 'left';
    this.scale = { w: 1, h: 1 };
    this.kanji = false;
    this.codepage = 'cp437';
  }
}
