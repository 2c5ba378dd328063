import { ACK, EcrFrameDecoder, encodeFrame, NAK } from './ecr-frame.js';

/**
 * The ECR link layer, the same on both ends of the line (the driver and the simulated terminal):
 * every frame is answered ACK (intact) or NAK (damaged); the sender keeps one frame outstanding,
 * sends it again on NAK or when no answer comes within `ackTimeoutMs`, at most three times, then
 * gives up. Each frame starts with a two-digit sequence number so a frame sent again because its
 * ACK was lost is recognised and not delivered twice.
 */

export interface EcrLinkOptions {
  write(bytes: Uint8Array): Promise<void>;
  onMessage(text: string): void;
  ackTimeoutMs: number;
  /** Retransmissions after the first attempt; the protocol allows three. */
  maxRetransmissions?: number;
  /** A frame pausing longer than this is abandoned (default 100 ms). */
  interByteTimeoutMs?: number;
  /** Called for each frame sent (first attempt or retransmission): lets a simulator damage it. */
  outgoing?: (frame: Uint8Array) => Uint8Array;
}

export class EcrLinkError extends Error {
  constructor(
    readonly code: 'no-ack' | 'reset',
    message: string,
  ) {
    super(message);
    this.name = 'EcrLinkError';
  }
}

export interface EcrLinkStats {
  sent: number;
  retransmissions: number;
  naksSent: number;
  badFrames: number;
  noiseBytes: number;
  duplicates: number;
}

interface Pending {
  text: string;
  resolve(): void;
  reject(error: EcrLinkError): void;
}

const decoder = new TextDecoder('latin1');
const encoder = new TextEncoder();

export class EcrLink {
  readonly stats: EcrLinkStats = { sent: 0, retransmissions: 0, naksSent: 0, badFrames: 0, noiseBytes: 0, duplicates: 0 };
  private readonly frames: EcrFrameDecoder;
  private readonly queue: Pending[] = [];
  private outstanding: { pending: Pending; frame: Uint8Array; attempts: number; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private nextSeq = 0;
  private lastIn: { seq: string; at: number } | undefined;
  private readonly maxRetransmissions: number;

  constructor(private readonly options: EcrLinkOptions) {
    this.maxRetransmissions = options.maxRetransmissions ?? 3;
    this.frames = new EcrFrameDecoder(options.interByteTimeoutMs ?? 100);
  }

  /** Sends one message; resolves once the far end acknowledged it, rejects `no-ack` or `reset`. */
  send(text: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      this.pump();
    });
  }

  receive(chunk: Uint8Array): void {
    for (const token of this.frames.push(chunk, Date.now())) {
      switch (token.kind) {
        case 'ack':
          this.answered(true);
          break;
        case 'nak':
          this.answered(false);
          break;
        case 'noise':
          this.stats.noiseBytes += token.bytes;
          break;
        case 'bad-frame':
          this.stats.badFrames++;
          if (token.reason !== 'interrupted') {
            this.stats.naksSent++;
            this.control(NAK);
          }
          break;
        case 'frame':
          this.control(ACK);
          this.deliver(decoder.decode(token.data));
          break;
      }
    }
  }

  /** The line was closed or the far end restarted: drop everything in flight. */
  reset(): void {
    this.frames.reset();
    this.lastIn = undefined;
    const failed = [...(this.outstanding ? [this.outstanding.pending] : []), ...this.queue.splice(0)];
    if (this.outstanding?.timer !== undefined) clearTimeout(this.outstanding.timer);
    this.outstanding = undefined;
    for (const pending of failed) pending.reject(new EcrLinkError('reset', 'the link was reset'));
  }

  private deliver(data: string): void {
    const seq = data.slice(0, 2);
    if (!/^\d{2}$/.test(seq)) return; // framed but not ours: acknowledged, ignored
    const now = Date.now();
    // The same number again within the retransmission window: our ACK was lost, it is a copy.
    const window = (this.maxRetransmissions + 1) * this.options.ackTimeoutMs * 2;
    if (this.lastIn && this.lastIn.seq === seq && now - this.lastIn.at <= window) {
      this.stats.duplicates++;
      return;
    }
    this.lastIn = { seq, at: now };
    this.options.onMessage(data.slice(2));
  }

  private pump(): void {
    if (this.outstanding) return;
    const pending = this.queue.shift();
    if (!pending) return;
    const seq = String(this.nextSeq).padStart(2, '0');
    this.nextSeq = (this.nextSeq + 1) % 100;
    this.outstanding = { pending, frame: encodeFrame(encoder.encode(seq + pending.text)), attempts: 0, timer: undefined };
    this.transmit();
  }

  private transmit(): void {
    const out = this.outstanding;
    if (!out) return;
    out.attempts++;
    this.stats.sent++;
    if (out.attempts > 1) this.stats.retransmissions++;
    const bytes = this.options.outgoing ? this.options.outgoing(out.frame) : out.frame;
    this.options.write(bytes).catch(() => undefined); // a dead line is noticed by its owner
    out.timer = setTimeout(() => this.answered(false), this.options.ackTimeoutMs);
  }

  private answered(ack: boolean): void {
    const out = this.outstanding;
    if (!out) return; // an ACK nobody waits for (noise, or late after a retransmission)
    if (out.timer !== undefined) clearTimeout(out.timer);
    out.timer = undefined;
    if (ack) {
      this.outstanding = undefined;
      out.pending.resolve();
      this.pump();
    } else if (out.attempts <= this.maxRetransmissions) {
      this.transmit();
    } else {
      this.outstanding = undefined;
      out.pending.reject(new EcrLinkError('no-ack', `no ACK after ${out.attempts} attempts`));
      this.pump();
    }
  }

  private control(byte: number): void {
    this.options.write(Uint8Array.of(byte)).catch(() => undefined);
  }
}
