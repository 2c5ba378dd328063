import { createPtyPair, type PtyPair } from './pty-pair.js';
import { openSerialPort, type SerialLink } from './serial-link.js';

/**
 * The far end of a virtual serial cable, as a simulated device holds it: `plug()` makes the pty
 * pair and opens the peer's side, `unplug()` closes it and kills socat (the driver's side dies with
 * it, exactly like a USB adapter pulled out). The device path stays the same across replugs.
 */
export interface PtyLineOptions {
  devicePath: string;
  peerPath: string;
  baudRate?: number;
  onData(chunk: Uint8Array): void;
}

export class PtyLine {
  private pair: PtyPair | undefined;
  private link: SerialLink | undefined;
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly options: PtyLineOptions) {}

  get devicePath(): string {
    return this.options.devicePath;
  }

  get plugged(): boolean {
    return this.link !== undefined;
  }

  /** Plugs the cable in; resolves once the driver's side exists. Idempotent. */
  plug(): Promise<void> {
    return this.serialise(async () => {
      if (this.link) return;
      const pair = await createPtyPair({ devicePath: this.options.devicePath, peerPath: this.options.peerPath });
      try {
        const link = await openSerialPort({ path: pair.peerPath, baudRate: this.options.baudRate ?? 115_200 });
        link.onData((chunk) => this.options.onData(chunk));
        this.pair = pair;
        this.link = link;
      } catch (error) {
        await pair.close();
        throw error;
      }
    });
  }

  /** Pulls the cable out; resolves once socat is gone. Idempotent. */
  unplug(): Promise<void> {
    return this.serialise(async () => {
      const { link, pair } = this;
      this.link = undefined;
      this.pair = undefined;
      await link?.close();
      await pair?.close();
    });
  }

  /** Sends bytes to the driver; dropped silently while unplugged (nobody is listening). */
  async write(bytes: Uint8Array): Promise<void> {
    const link = this.link;
    if (!link) return;
    await link.write(bytes).catch(() => undefined);
  }

  private serialise(task: () => Promise<void>): Promise<void> {
    const next = this.busy.then(task);
    this.busy = next.catch(() => undefined);
    return next;
  }
}
