import type { Finger } from '../../../devices/fingerprint-scanner/contract.js';

export type FingerState = 'pending' | 'captured' | 'missing' | 'injured' | 'failed';

export interface FingerRecord {
  finger: Finger;
  status: FingerState;
  quality?: number;
  triesLeft: number;
}

export interface TenPrintSnapshot {
  fingers: FingerRecord[];
  qualityFloor: number;
  complete: boolean;
  referral: boolean;
}

export type CaptureJudgement = 'captured' | 'poor-quality' | 'no-finger' | 'failed';

/**
 * Ten-print capture for a new card, pure: each finger is captured until one capture reaches the
 * quality floor, with `triesPerFinger` tries; a finger that never does is `failed` and the
 * capture must be finished at a counter (referral). A finger can be recorded as missing or injured
 * instead. Any finger can be captured again (a better try replaces a worse one) until the end.
 */
export class TenPrintCapture {
  private readonly records = new Map<Finger, { status: FingerState; quality?: number; used: number }>();

  constructor(
    fingers: readonly Finger[],
    readonly qualityFloor: number,
    readonly triesPerFinger: number,
  ) {
    for (const finger of fingers) this.records.set(finger, { status: 'pending', used: 0 });
  }

  has(finger: Finger): boolean {
    return this.records.has(finger);
  }

  mayCapture(finger: Finger): boolean {
    const record = this.records.get(finger);
    return record !== undefined && record.status !== 'failed' && record.used < this.triesPerFinger;
  }

  /** Judges one capture (or a capture that found no finger: `quality` undefined). */
  record(finger: Finger, quality: number | undefined): CaptureJudgement {
    const record = this.records.get(finger);
    if (!record || !this.mayCapture(finger)) throw new Error(`no capture allowed for ${finger}`); // a bug
    record.used++;
    if (quality !== undefined && quality >= this.qualityFloor) {
      record.status = 'captured';
      record.quality = quality;
      return 'captured';
    }
    if (record.used >= this.triesPerFinger && record.status !== 'captured') {
      record.status = 'failed';
      return 'failed';
    }
    return quality === undefined ? 'no-finger' : 'poor-quality';
  }

  mark(finger: Finger, reason: 'missing' | 'injured'): void {
    const record = this.records.get(finger);
    if (!record) throw new Error(`${finger} is not part of this capture`); // a bug
    record.status = reason;
    delete record.quality;
  }

  snapshot(): TenPrintSnapshot {
    const fingers = [...this.records].map(([finger, r]) => ({
      finger,
      status: r.status,
      ...(r.quality !== undefined ? { quality: r.quality } : {}),
      triesLeft: r.status === 'failed' ? 0 : Math.max(0, this.triesPerFinger - r.used),
    }));
    return {
      fingers,
      qualityFloor: this.qualityFloor,
      complete: fingers.every((f) => f.status !== 'pending'),
      referral: fingers.some((f) => f.status === 'failed'),
    };
  }
}
