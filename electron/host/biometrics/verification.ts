import type { Finger } from '../../../devices/fingerprint-scanner/contract.js';

export type TryOutcome = 'matched' | 'no-match' | 'poor-quality' | 'no-finger';

export type VerificationAnswer =
  | { outcome: 'matched'; finger: Finger }
  | { outcome: Exclude<TryOutcome, 'matched'>; finger: Finger; triesLeft: number; otherFingers: Finger[]; pinOffered: boolean };

/**
 * Fingerprint verification against the card's references, as a small pure state machine: each
 * enrolled finger has `triesPerFinger` tries; a try that fails (no match, a capture under the
 * quality floor, no finger in time) uses one. Once any finger has used its tries, the resident may
 * choose another enrolled finger that has tries left, or the PIN from the PIN letter. [001 ID Q24]
 */
export class FingerVerification {
  private readonly used = new Map<Finger, number>();
  private verifiedBy: 'fingerprint' | 'pin' | undefined;

  constructor(
    readonly enrolled: readonly Finger[],
    readonly triesPerFinger: number,
  ) {
    for (const finger of enrolled) this.used.set(finger, 0);
  }

  get verified(): 'fingerprint' | 'pin' | undefined {
    return this.verifiedBy;
  }

  triesLeft(finger: Finger): number {
    const used = this.used.get(finger);
    return used === undefined ? 0 : Math.max(0, this.triesPerFinger - used);
  }

  /** Whether a try on this finger may start now. */
  mayTry(finger: Finger): boolean {
    return this.verifiedBy === undefined && this.triesLeft(finger) > 0;
  }

  /** The PIN is offered once a finger has used all its tries, or when no finger is enrolled. */
  get pinOffered(): boolean {
    if (this.verifiedBy !== undefined) return false;
    return this.enrolled.length === 0 || this.enrolled.some((finger) => this.triesLeft(finger) === 0);
  }

  record(finger: Finger, outcome: TryOutcome): VerificationAnswer {
    if (!this.mayTry(finger)) throw new Error(`no try left on ${finger}`); // callers check mayTry: a bug
    if (outcome === 'matched') {
      this.verifiedBy = 'fingerprint';
      return { outcome, finger };
    }
    this.used.set(finger, (this.used.get(finger) ?? 0) + 1);
    return {
      outcome,
      finger,
      triesLeft: this.triesLeft(finger),
      otherFingers: this.enrolled.filter((f) => f !== finger && this.triesLeft(f) > 0),
      pinOffered: this.pinOffered,
    };
  }

  pinVerified(): void {
    if (!this.pinOffered) throw new Error('the PIN was not offered'); // callers check: a bug
    this.verifiedBy = 'pin';
  }
}
