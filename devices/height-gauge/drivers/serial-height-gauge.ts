import type { SelfTestResult } from '../../contract.js';
import { waitFor } from '../../transport/serial/abortable.js';
import { SerialDevice, type SerialDeviceOptions } from '../../transport/serial/serial-device.js';
import type { HeightGauge, HeightGaugeCapabilities, HeightGaugeEvents, HeightMeasurement } from '../contract.js';
import { encodeLine, GaugeLineDecoder } from './gauge-lines.js';
import { Stabiliser } from './stabiliser.js';

export interface SerialHeightGaugeOptions extends SerialDeviceOptions {
  /** Distance from the transducer at the top of the column down to the floor plate. */
  sensorHeightMm: number;
  /** Added to every height; set at installation against a reference rod. */
  calibrationOffsetMm: number;
  /** Consecutive agreeing readings for a result, and how close counts as agreeing. */
  stableReadings: number;
  toleranceMm: number;
  /** The plausible range of a resident's height; readings outside it are ignored. */
  minCm: number;
  maxCm: number;
}

/** CR LF alone: an empty line the gauge ignores; a write that fails shows the line is gone. */
const KEEP_ALIVE = Uint8Array.of(0x0d, 0x0a);

/**
 * An ultrasonic height column on a serial line (docs/protocols/height-gauge.md). The gauge streams
 * the distance from its transducer to the top of the head; the driver turns it into a calibrated
 * height, checks range and plausibility, waits for agreeing readings and prompts the resident.
 */
export class SerialHeightGauge extends SerialDevice<HeightGaugeEvents, HeightGaugeCapabilities> implements HeightGauge {
  private readonly decoder = new GaugeLineDecoder();
  private readonly listeners = new Set<(fields: string[]) => void>();
  /** Lines that failed their checksum or format, for diagnostics. */
  badLines = 0;

  constructor(private readonly config: SerialHeightGaugeOptions) {
    super('height-gauge', config);
  }

  diagnostics(): Record<string, number> {
    return { badLines: this.badLines };
  }

  capabilities(): HeightGaugeCapabilities {
    return { minCm: this.config.minCm, maxCm: this.config.maxCm, resolutionMm: 1 };
  }

  protected receive(chunk: Uint8Array): void {
    for (const token of this.decoder.push(chunk)) {
      if (token.kind !== 'line') {
        this.badLines++;
        continue;
      }
      for (const listener of [...this.listeners]) listener(token.fields);
    }
  }

  protected override keepAlive(): Uint8Array {
    return KEEP_ALIVE;
  }

  protected override onLinkClosed(): void {
    this.decoder.reset();
  }

  protected async handshake(signal: AbortSignal): Promise<void> {
    const [, model, vendor, firmware] = await this.ask(['ID?'], 'ID', signal);
    this.reported = { model: model ?? 'unknown', vendor: vendor ?? 'unknown', ...(firmware !== undefined ? { firmware } : {}) };
  }

  protected async selfTestChecks(signal: AbortSignal): Promise<SelfTestResult['checks']> {
    const [, verdict, detail] = await this.ask(['TEST'], 'TEST', signal);
    return [{ name: 'sensor', passed: verdict === 'OK', ...(verdict !== 'OK' ? { detail: detail ?? 'sensor-fault' } : {}) }];
  }

  /**
   * Starts the gauge's reading stream and feeds the stabiliser until it gives a height; prompts go
   * out as events. Stops the stream however it ends (result, time-out, abort).
   */
  measure(request: { timeoutMs: number }, signal?: AbortSignal): Promise<HeightMeasurement> {
    const { timeoutMs } = request;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) return Promise.reject(new RangeError(`timeoutMs must be ≥ 0, got ${timeoutMs}`));
    return this.operation(
      'measure',
      signal,
      async (ctx) => {
        const { sensorHeightMm, calibrationOffsetMm, stableReadings, toleranceMm, minCm, maxCm } = this.config;
        const stabiliser = new Stabiliser({ stableReadings, toleranceMm, minMm: minCm * 10, maxMm: maxCm * 10 });
        try {
          return await waitFor<HeightMeasurement>(
            ctx.signal,
            ({ resolve, reject }) => {
              const off = this.listen((fields) => {
                if (fields[0] !== 'RD') return;
                const distance = fields[2];
                const reading = distance !== undefined && /^\d{1,5}$/.test(distance) ? sensorHeightMm - Number(distance) + calibrationOffsetMm : null;
                const step = stabiliser.push(reading);
                if (step.prompt) this.events.emit('prompt', { prompt: step.prompt });
                if (step.heightMm !== undefined) resolve({ heightMm: step.heightMm });
              });
              this.send(encodeLine(['MEAS', 'START']), ctx.signal).catch(reject);
              return off;
            },
            { ms: timeoutMs, error: () => this.error('timeout', `no stable plausible height within ${timeoutMs} ms`, 'not-stable') },
          );
        } finally {
          this.send(encodeLine(['MEAS', 'STOP'])).catch(() => undefined);
        }
      },
      { exclusive: true },
    );
  }

  /** Sends one command line and waits for the answer line that starts with `answer`. */
  private ask(command: string[], answer: string, signal: AbortSignal): Promise<string[]> {
    return waitFor<string[]>(
      signal,
      ({ resolve, reject }) => {
        const off = this.listen((fields) => {
          if (fields[0] === answer) resolve(fields);
        });
        this.send(encodeLine(command), signal).catch(reject);
        return off;
      },
      { ms: this.options.answerTimeoutMs, error: () => this.error('not-connected', `the gauge did not answer ${command[0] ?? ''}`, 'no-answer') },
    );
  }

  private listen(listener: (fields: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
