/**
 * Whoever stands on the height gauge, as both simulated gauges see them (the in-process one and the
 * far end of the serial line): their height, and whether they fidget. One model, so a tester's
 * `set-height` / `set-unstable` mean the same on either.
 */
/** How far a fidgeting resident's readings swing; deterministic so tests are reproducible. */
const WOBBLE_MM = [0, 38, -27, 51, -44, 19];

export class GaugeResident {
  /** Height in mm; null = nobody. */
  heightMm: number | null = null;
  unstable = false;

  setHeightMm(heightMm: number | null): void {
    if (heightMm !== null && (!Number.isFinite(heightMm) || heightMm < 0)) throw new RangeError(`heightMm must be a number ≥ 0 or null, got ${heightMm}`);
    this.heightMm = heightMm;
  }

  /** The head's height at the n-th sample (null: nobody there). */
  reading(sample: number): number | null {
    if (this.heightMm === null) return null;
    return this.unstable ? this.heightMm + (WOBBLE_MM[sample % WOBBLE_MM.length] ?? 0) : this.heightMm;
  }
}
