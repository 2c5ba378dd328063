import type { BaseDeviceEvents, Device } from '../contract.js';

/**
 * What the gauge asks of the resident, in the order a measurement usually goes: nobody (or no
 * plausible echo) → `step-on`; someone there but the readings still disagree → `stand-straight`
 * (straight and still); readings agreeing, not yet enough of them → `measuring`; the result →
 * `step-off`. The column itself only streams distances; the driver derives these from them.
 */
export const HEIGHT_PROMPTS = ['step-on', 'stand-straight', 'measuring', 'step-off'] as const;
export type HeightPrompt = (typeof HEIGHT_PROMPTS)[number];

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
