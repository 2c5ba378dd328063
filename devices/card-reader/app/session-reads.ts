import type { CardReader } from '../contract.js';
import type { IdCardSession } from './client.js';

/** The reads every card reader offers: each is one conversation with the chip's ID application. */
export type IdCardReads = Pick<CardReader, 'readVisibleData' | 'readFaceImage' | 'readFingerprintReferences' | 'verifyPin' | 'readProtectedData' | 'checkAuthenticity'>;

/**
 * How a reader runs one conversation: named (for its operation log and errors), cancellable, and
 * given a session over whatever carries the APDUs (PC/SC, or the simulator's virtual chip).
 */
export type SessionRunner = <T>(name: string, signal: AbortSignal | undefined, body: (session: IdCardSession) => Promise<T>) => Promise<T>;

/**
 * The card reader contract's reads, written once: the PC/SC driver and the simulator differ only
 * in how they run a session, so a new read (or a change to one) reaches both.
 */
export function idCardReads(run: SessionRunner): IdCardReads {
  return {
    readVisibleData: (signal) => run('readVisibleData', signal, (session) => session.readVisible()),
    readFaceImage: (signal) => run('readFaceImage', signal, (session) => session.readFace()),
    readFingerprintReferences: (signal) => run('readFingerprintReferences', signal, (session) => session.readFingerprints()),
    verifyPin: (pin, signal) => run('verifyPin', signal, (session) => session.verifyPin(pin)),
    readProtectedData: (signal) => run('readProtectedData', signal, (session) => session.readProtected()),
    checkAuthenticity: (signal) => run('checkAuthenticity', signal, (session) => session.checkAuthenticity()),
  };
}
