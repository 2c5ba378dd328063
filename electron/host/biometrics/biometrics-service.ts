import type { CardReader } from '../../../devices/card-reader/contract.js';
import { isDeviceError } from '../../../devices/errors.js';
import type { Finger, FingerPrompt, FingerprintScanner } from '../../../devices/fingerprint-scanner/contract.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { Session } from '../sessions/session.js';
import { TenPrintCapture, type CaptureJudgement, type TenPrintSnapshot } from './ten-print.js';
import { FingerVerification, type VerificationAnswer } from './verification.js';

export interface BiometricsPolicy {
  triesPerFinger: number;
  qualityFloor: number;
  captureTimeoutSeconds: number;
}

export interface BiometricDevices {
  scanner(): FingerprintScanner;
  reader(): CardReader;
  /** The card reader's current placement number (visit/card-custody.ts), null when empty. */
  placement?(): number | null;
}

/** One finger of the ten-print capture, as the application carries it. */
export interface FingerRecordForApplication {
  finger: Finger;
  status: 'captured' | 'missing' | 'injured';
  capture?: { quality: number; template: Uint8Array; image: Uint8Array; width: number; height: number };
}

/** What one session holds: every byte buffer is registered with `session.keepBytes` for the wipe. */
type Who = 'applicant' | 'guardian';

interface SessionBiometrics {
  /** The verification in progress or done, of the applicant or the minor's guardian; `placement`: of the card its references came from. */
  verification?: { who: Who; state: FingerVerification; references: Map<Finger, Uint8Array>; placement: number | null };
  /** The applicant's finished verification, kept while a guardian is verified. */
  applicantVerifiedBy?: 'fingerprint' | 'pin';
  /** The guardian's finished verification. */
  guardianVerifiedBy?: 'fingerprint' | 'pin';
  tenPrint?: { state: TenPrintCapture; captures: Map<Finger, { template: Uint8Array; image: Uint8Array; width: number; height: number; quality: number }> };
}

export type PinAnswer = { verified: true } | { verified: false; triesLeft: number; blocked: boolean };

/**
 * Fingerprint verification and ten-print capture for the current session. Biometric bytes live
 * in the session only (registered with `keepBytes`, so `wipe` zeroes them), are never logged and
 * never written to disk. State is keyed by session, so a new resident starts from nothing.
 */
export class BiometricsService {
  private readonly bySession = new WeakMap<Session, SessionBiometrics>();

  constructor(
    private readonly devices: BiometricDevices,
    private readonly policy: BiometricsPolicy,
  ) {}

  private of(session: Session): SessionBiometrics {
    let entry = this.bySession.get(session);
    if (!entry) this.bySession.set(session, (entry = {}));
    return entry;
  }

  /**
   * Reads the card's references (the chip holds the fingerprint features [001 ID Q24]) after checking
   * that the card on the reader belongs to `who`: the identified applicant, or the guardian whose card
   * `guardian.readCard` accepted. A person already verified in this visit is not asked again.
   */
  async startVerification(session: Session, signal: AbortSignal, who: Who = 'applicant'): Promise<{ enrolled: Finger[]; triesPerFinger: number; alreadyVerified: boolean }> {
    const entry = this.of(session);
    const done = { enrolled: [], triesPerFinger: this.policy.triesPerFinger, alreadyVerified: true };
    if (who === 'applicant' && this.verifiedBy(session)) return done;
    const guardian = session.guardian;
    if (who === 'guardian') {
      if (!guardian) throw new KioskApiError('step-not-allowed', "the guardian's card has not been read");
      if (guardian.verified) return done;
    }
    const expected = who === 'guardian' ? guardian?.cardNumber : session.holder?.cardNumber;
    const reader = this.devices.reader();
    if (expected === undefined) throw new KioskApiError('step-not-allowed', `the ${who}'s card has not been read`);
    const onReader = await reader.readVisibleData(signal);
    if (onReader.cardNumber !== expected) throw new KioskApiError('wrong-card', `the card on the reader is not the ${who}'s`);
    const placement = this.devices.placement?.() ?? null;
    // The applicant's own card, placed again since it was read: the verification follows this placement.
    if (who === 'applicant' && placement !== session.holderPlacement) session.movedHolderTo(placement);
    const references = await reader.readFingerprintReferences(signal);
    const map = new Map<Finger, Uint8Array>();
    for (const reference of references) map.set(reference.finger, session.keepBytes(reference.template));
    const enrolled = [...map.keys()];
    if (entry.verification?.who === 'applicant' && entry.verification.state.verified) entry.applicantVerifiedBy = entry.verification.state.verified;
    entry.verification = { who, state: new FingerVerification(enrolled, this.policy.triesPerFinger), references: map, placement };
    return { enrolled, triesPerFinger: this.policy.triesPerFinger, alreadyVerified: false };
  }

  /** Marks the guardian verified in the session once their finger or PIN matched (the rules then see them). */
  private settle(session: Session): void {
    const entry = this.of(session);
    const verification = entry.verification;
    const guardian = session.guardian;
    if (verification?.who === 'guardian' && verification.state.verified && guardian) {
      entry.guardianVerifiedBy = verification.state.verified;
      session.setGuardian({ ...guardian, verified: true });
    }
  }

  async verifyFinger(session: Session, finger: Finger, signal: AbortSignal, onPrompt: (prompt: FingerPrompt) => void): Promise<VerificationAnswer> {
    const verification = this.of(session).verification;
    if (!verification) throw new KioskApiError('step-not-allowed', 'verification has not started');
    const reference = verification.references.get(finger);
    if (!reference || !verification.state.mayTry(finger)) throw new KioskApiError('step-not-allowed', `no try available on ${finger}`);
    const capture = await this.capture(session, finger, signal, onPrompt);
    if (!capture) return verification.state.record(finger, 'no-finger');
    try {
      if (capture.quality < this.policy.qualityFloor) return verification.state.record(finger, 'poor-quality');
      const result = await this.devices.scanner().match(capture.template, reference, signal);
      const answer = verification.state.record(finger, result.matched ? 'matched' : 'no-match');
      this.settle(session);
      return answer;
    } finally {
      // Verification keeps nothing of the live finger.
      capture.template.fill(0);
      capture.image.fill(0);
    }
  }

  async verifyPin(session: Session, pin: string, signal: AbortSignal): Promise<PinAnswer> {
    const verification = this.of(session).verification;
    if (!verification?.state.pinOffered) throw new KioskApiError('step-not-allowed', 'the PIN is offered only after fingerprint tries failed');
    // The PIN is checked by the card on the reader: it must be the card the references came from.
    if (this.devices.placement && this.devices.placement() !== verification.placement) {
      throw new KioskApiError('card-removed', 'the card was lifted since its references were read: place it and start again');
    }
    try {
      const answer = await this.devices.reader().verifyPin(pin, signal);
      if (answer.verified) {
        verification.state.pinVerified();
        this.settle(session);
        return { verified: true };
      }
      return { verified: false, triesLeft: answer.triesLeft, blocked: 'blocked' in answer };
    } catch (error) {
      if (isDeviceError(error) && error.code === 'user-action-needed' && error.detail === 'pin-blocked') {
        return { verified: false, triesLeft: 0, blocked: true };
      }
      throw error;
    }
  }

  /** How the resident (the applicant, not a guardian) was verified in this session, if at all. */
  verifiedBy(session: Session): 'fingerprint' | 'pin' | undefined {
    const entry = this.bySession.get(session);
    if (entry?.verification?.who === 'applicant' && entry.verification.state.verified) return entry.verification.state.verified;
    return entry?.applicantVerifiedBy;
  }

  /** How the minor's guardian was verified in this session, if at all. */
  guardianVerifiedBy(session: Session): 'fingerprint' | 'pin' | undefined {
    return this.bySession.get(session)?.guardianVerifiedBy;
  }

  /** The ten-print capture's state, or undefined before it starts (no error: the visit machine asks). */
  tenPrintSnapshot(session: Session): TenPrintSnapshot | undefined {
    return this.bySession.get(session)?.tenPrint?.state.snapshot();
  }

  /**
   * Every finger of the capture for the application: captured ones with their bytes (still the
   * session's buffers: the caller copies what it needs), missing or injured ones with the reason.
   * Undefined unless the capture is complete without a failed finger.
   */
  fingersForApplication(session: Session): FingerRecordForApplication[] | undefined {
    const tenPrint = this.bySession.get(session)?.tenPrint;
    const snapshot = tenPrint?.state.snapshot();
    if (!tenPrint || !snapshot?.complete || snapshot.referral) return undefined;
    return snapshot.fingers.map(({ finger, status }) => {
      if (status === 'missing' || status === 'injured') return { finger, status };
      const capture = tenPrint.captures.get(finger);
      if (status !== 'captured' || !capture) throw new Error(`ten-print: ${finger} is ${status} without a capture`); // a bug
      return { finger, status: 'captured', capture };
    });
  }

  startTenPrint(session: Session, fingers: Finger[]): TenPrintSnapshot {
    const unique = [...new Set(fingers)];
    const previous = this.of(session).tenPrint;
    for (const kept of previous?.captures.values() ?? []) {
      kept.template.fill(0);
      kept.image.fill(0);
    }
    const state = new TenPrintCapture(unique, this.policy.qualityFloor, this.policy.triesPerFinger);
    this.of(session).tenPrint = { state, captures: new Map() };
    return state.snapshot();
  }

  async captureFinger(
    session: Session,
    finger: Finger,
    signal: AbortSignal,
    onPrompt: (prompt: FingerPrompt) => void,
  ): Promise<{ outcome: CaptureJudgement; finger: Finger; quality?: number; status: TenPrintSnapshot }> {
    const tenPrint = this.requireTenPrint(session);
    if (!tenPrint.state.mayCapture(finger)) throw new KioskApiError('step-not-allowed', `no capture available for ${finger}`);
    const capture = await this.capture(session, finger, signal, onPrompt);
    const outcome = tenPrint.state.record(finger, capture?.quality);
    if (capture && outcome === 'captured') {
      const previous = tenPrint.captures.get(finger);
      previous?.template.fill(0);
      previous?.image.fill(0);
      tenPrint.captures.set(finger, { template: capture.template, image: capture.image, width: capture.width, height: capture.height, quality: capture.quality });
    } else if (capture) {
      capture.template.fill(0);
      capture.image.fill(0);
    }
    return { outcome, finger, ...(capture ? { quality: capture.quality } : {}), status: tenPrint.state.snapshot() };
  }

  markFinger(session: Session, finger: Finger, reason: 'missing' | 'injured'): TenPrintSnapshot {
    const tenPrint = this.requireTenPrint(session);
    if (!tenPrint.state.has(finger)) throw new KioskApiError('step-not-allowed', `${finger} is not being captured`);
    tenPrint.state.mark(finger, reason);
    const kept = tenPrint.captures.get(finger);
    kept?.template.fill(0);
    kept?.image.fill(0);
    tenPrint.captures.delete(finger);
    return tenPrint.state.snapshot();
  }

  tenPrintStatus(session: Session): TenPrintSnapshot {
    return this.requireTenPrint(session).state.snapshot();
  }

  private requireTenPrint(session: Session) {
    const tenPrint = this.of(session).tenPrint;
    if (!tenPrint) throw new KioskApiError('step-not-allowed', 'ten-print capture has not started');
    return tenPrint;
  }

  /** One capture with live prompts; undefined when no finger came in time (a used try, not an error). */
  private async capture(session: Session, finger: Finger, signal: AbortSignal, onPrompt: (prompt: FingerPrompt) => void) {
    const scanner = this.devices.scanner();
    const off = scanner.on('prompt', ({ prompt }) => onPrompt(prompt));
    try {
      const capture = await scanner.capture({ finger, timeoutMs: this.policy.captureTimeoutSeconds * 1000 }, signal);
      session.keepBytes(capture.image);
      session.keepBytes(capture.template);
      return capture;
    } catch (error) {
      if (isDeviceError(error) && error.code === 'timeout' && !signal.aborted) return undefined;
      throw error;
    } finally {
      off();
    }
  }
}
