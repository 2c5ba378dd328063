import { encodeLine, GaugeLineDecoder } from '../../devices/height-gauge/drivers/gauge-lines.js';
import { PtyLine } from '../../devices/transport/serial/pty-line.js';
import { PeerLink } from '../shared/peer-link.js';
import { GaugeResident } from './resident.js';
import type { HeightGaugeControl, HeightGaugeSimState } from './simulated-height-gauge.js';

export interface SerialGaugePeerOptions {
  devicePath: string;
  peerPath: string;
  /** Distance from the transducer to the floor; the driver must be configured the same. */
  sensorHeightMm?: number;
  /** Time between two readings while measuring. */
  sampleMs?: number;
}

export interface SerialGaugeControl extends HeightGaugeControl {
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
  /** Raw bytes towards the driver: noise, half a line, a line with a wrong checksum. */
  sendGarbage(bytes?: Uint8Array): Promise<void>;
  state(): SerialGaugeSimState;
}

export interface SerialGaugeSimState extends HeightGaugeSimState {
  streaming: boolean;
}

const encoder = new TextEncoder();

/**
 * The simulated ultrasonic column at the far end of a pty pair: it answers ID?, TEST and streams
 * distance readings between MEAS,START and MEAS,STOP. Heights are set as for the in-process gauge.
 */
export class SerialGaugePeer {
  readonly control: SerialGaugeControl;
  private readonly line: PtyLine;
  private readonly decoder = new GaugeLineDecoder();
  private readonly sensorHeightMm: number;
  private readonly sampleMs: number;
  /** The same resident model as the in-process gauge: a tester's controls mean the same. */
  private readonly resident = new GaugeResident();
  private readonly link: PeerLink;
  private stream: ReturnType<typeof setInterval> | undefined;
  private seq = 0;

  constructor(options: SerialGaugePeerOptions) {
    this.sensorHeightMm = options.sensorHeightMm ?? 2_600;
    this.sampleMs = options.sampleMs ?? 5;
    this.line = new PtyLine({
      devicePath: options.devicePath,
      peerPath: options.peerPath,
      onData: (chunk) => {
        for (const token of this.decoder.push(chunk)) {
          if (token.kind !== 'line') continue; // a real gauge ignores what it cannot read
          const fields = token.fields;
          this.link.later(() => this.command(fields));
        }
      },
    });
    this.link = new PeerLink(this.line);
    this.control = {
      ...this.link.controls(() => {
        this.stopStream();
        this.decoder.reset();
      }),
      setHeightMm: (heightMm) => this.resident.setHeightMm(heightMm),
      setUnstable: (unstable) => {
        this.resident.unstable = unstable;
      },
      sendGarbage: (bytes) => this.line.write(bytes ?? encoder.encode('\x00\xff#RD,1,1500*00\r\n$RD,2,15')),
      state: () => ({
        ...this.link.baseState(this.stream ? ['measure'] : []),
        heightMm: this.resident.heightMm,
        unstable: this.resident.unstable,
        streaming: this.stream !== undefined,
      }),
    };
  }

  get devicePath(): string {
    return this.line.devicePath;
  }

  start(): Promise<void> {
    return this.line.plug();
  }

  async stop(): Promise<void> {
    this.stopStream();
    await this.line.unplug();
  }

  private command(fields: string[]): void {
    switch (fields.join(',')) {
      case 'ID?':
        return this.send(['ID', 'Simulator', 'DSI-kiosk-simulators', 'sim-hg-1']);
      case 'TEST':
        return this.send(this.link.fault === null ? ['TEST', 'OK'] : ['TEST', 'FAIL', this.link.fault]);
      case 'MEAS,START':
        if (!this.stream) this.stream = setInterval(() => this.sample(), this.sampleMs);
        return;
      case 'MEAS,STOP':
        this.stopStream();
        return this.send(['MEAS', 'STOPPED']);
    }
  }

  private sample(): void {
    this.seq = (this.seq + 1) % 10_000;
    const head = this.resident.reading(this.seq);
    if (head === null) return this.send(['RD', String(this.seq), 'NOECHO']);
    // The transducer cannot see closer than its own face: a head above it reads as distance 0.
    const distance = Math.max(0, Math.round(this.sensorHeightMm - head));
    this.send(['RD', String(this.seq), String(distance)]);
  }

  private stopStream(): void {
    if (this.stream !== undefined) clearInterval(this.stream);
    this.stream = undefined;
  }

  private send(fields: string[]): void {
    void this.line.write(encodeLine(fields));
  }
}
