import type { BaseDeviceEvents, Device } from '../contract.js';

export type HeightPrompt = 'step-on' | 'stand-straight' | 'step-off';

export interface HeightGaugeCapabilities {
  minCm: number;
  maxCm: number;
  resolutionMm: number;
}

export interface HeightGaugeEvents extends BaseDeviceEvents {
  prompt: { prompt: HeightPrompt };
}

export interface HeightMeasurement {
  /** Calibrated height, in millimetres. */
  heightMm: number;
}

/**
 * An ultrasonic height column. `measure` prompts the resident (events), waits until several
 * consecutive readings agree, and resolves with the calibrated height. Rejects with `timeout`
 * after `timeoutMs` without a stable plausible reading, `cancelled`, or `not-connected`.
 */
export interface HeightGauge extends Device<HeightGaugeEvents, HeightGaugeCapabilities> {
  measure(request: { timeoutMs: number }, signal?: AbortSignal): Promise<HeightMeasurement>;
}
