import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { HeightGauge } from '../../../devices/height-gauge/contract.js';
import type { Logger } from '../log.js';
import { GaugeOffsetMm } from '../../shared/kiosk-api/schemas/maintenance.js';

/**
 * The height gauge's calibration, set by a technician against a reference rod
 * (`maintenance.calibrateGauge`). It is operator configuration the kiosk writes itself: kept in
 * `gauge-calibration.json` in the state directory (beside the journal), so it survives restarts
 * and software updates, which replace the shipped configuration. Written whole through a temporary
 * file; in memory when the journal is.
 */
const CalibrationFile = z.object({ offsetMm: GaugeOffsetMm, setAt: z.iso.datetime({ offset: true }), staffId: z.string().max(20) });
type CalibrationFile = z.infer<typeof CalibrationFile>;

export class GaugeCalibration {
  private current: CalibrationFile | undefined;

  constructor(private readonly options: { file: string | undefined; clock: () => Date; log: Pick<Logger, 'warn' | 'info'> }) {
    const file = options.file;
    if (!file || !existsSync(file)) return;
    try {
      const parsed = CalibrationFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) this.current = parsed.data;
      else options.log.warn('gauge-calibration.json invalid: measuring without an offset until a technician calibrates', { file });
    } catch {
      options.log.warn('gauge-calibration.json unreadable: measuring without an offset until a technician calibrates', { file });
    }
  }

  offsetMm(): number {
    return this.current?.offsetMm ?? 0;
  }

  set(offsetMm: number, staffId: string): void {
    this.current = { offsetMm: GaugeOffsetMm.parse(offsetMm), setAt: this.options.clock().toISOString(), staffId };
    const file = this.options.file;
    if (file) {
      writeFileSync(`${file}.tmp`, JSON.stringify(this.current), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    }
    this.options.log.info('height gauge calibrated', { offsetMm, staffId });
  }
}

/**
 * The gauge every caller sees (a resident's measurement and the technician's alike): the driver's
 * reading plus the technician's offset. Everything else is the device itself.
 */
export function calibratedGauge(gauge: HeightGauge, calibration: GaugeCalibration): HeightGauge {
  return {
    kind: gauge.kind,
    info: () => gauge.info(),
    capabilities: () => gauge.capabilities(),
    open: (signal) => gauge.open(signal),
    close: () => gauge.close(),
    status: () => gauge.status(),
    selfTest: (signal) => gauge.selfTest(signal),
    on: (event, listener) => gauge.on(event, listener),
    ...(gauge.diagnostics ? { diagnostics: () => gauge.diagnostics?.() ?? {} } : {}),
    measure: async (request, signal) => {
      const measured = await gauge.measure(request, signal);
      return { ...measured, heightMm: measured.heightMm + calibration.offsetMm() };
    },
  };
}
