import type { HeightPrompt } from '../contract.js';

/**
 * Turns a stream of height readings into prompts and one result, purely: nobody there (or a reading
 * outside the plausible range) asks the resident to step on; a first plausible reading, or readings
 * that disagree, ask them to stand straight and still; agreeing readings short of `stableReadings`
 * say the gauge is measuring; `stableReadings` readings in a row within `toleranceMm` give the
 * height (their median) and ask them to step off. Prompts are reported only when they change.
 */
export interface StabiliserOptions {
  stableReadings: number;
  toleranceMm: number;
  minMm: number;
  maxMm: number;
}

export type StabiliserStep = { prompt?: HeightPrompt; heightMm?: number };

export class Stabiliser {
  private window: number[] = [];
  private lastPrompt: HeightPrompt | undefined;

  constructor(private readonly options: StabiliserOptions) {}

  /** One reading (`null`: no echo / nobody); returns a new prompt and, once stable, the height. */
  push(heightMm: number | null): StabiliserStep {
    const { minMm, maxMm, toleranceMm, stableReadings } = this.options;
    if (heightMm === null || !Number.isFinite(heightMm) || heightMm < minMm || heightMm > maxMm) {
      this.window = [];
      return this.prompt('step-on');
    }
    const previous = this.window.at(-1);
    if (previous !== undefined && Math.abs(heightMm - previous) > toleranceMm) {
      this.window = [heightMm];
      return this.prompt('stand-straight');
    }
    this.window.push(heightMm);
    // One reading says someone is there, not that they are still: only a second agreeing one does.
    if (this.window.length < stableReadings) return this.prompt(this.window.length === 1 ? 'stand-straight' : 'measuring');
    const sorted = [...this.window.slice(-stableReadings)].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? heightMm;
    return { ...this.prompt('step-off'), heightMm: Math.round(median) };
  }

  private prompt(prompt: HeightPrompt): StabiliserStep {
    if (prompt === this.lastPrompt) return {};
    this.lastPrompt = prompt;
    return { prompt };
  }
}
