import type { CardReader, CardVisibleData } from '../../../devices/card-reader/contract.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { Session } from '../sessions/session.js';
import type { CardCustody } from '../visit/card-custody.js';

/**
 * Runs a card operation for a visit within the configured time: the wait ends when the renderer
 * cancels, the session ends, or the time passes. A deadline becomes `timeout` ("no card within N s"),
 * an ended session `session-expired`; every other failure passes through unchanged.
 */
export async function withCardDeadline<T>(
  session: Session,
  callSignal: AbortSignal,
  seconds: number,
  what: string,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = AbortSignal.timeout(seconds * 1000);
  const signal = AbortSignal.any([callSignal, session.signal, deadline]);
  try {
    const value = await run(signal);
    if (session.ended) throw new KioskApiError('session-expired', `the session ended during the ${what}`);
    return value;
  } catch (error) {
    if (deadline.aborted && !callSignal.aborted && !session.ended) throw new KioskApiError('timeout', `no ${what} within ${seconds} s`);
    if (session.ended) throw new KioskApiError('session-expired', `the session ended during the ${what}`);
    throw error;
  }
}

/**
 * The shape every card-reading handler shares: within the configured time, wait for a card on the
 * reader, then `read` it (its visible data unless told otherwise).
 */
export function readCardWithin<T = CardVisibleData>(
  reader: CardReader,
  session: Session,
  callSignal: AbortSignal,
  seconds: number,
  what: string,
  read: (signal: AbortSignal) => Promise<T> = (signal) => reader.readVisibleData(signal) as Promise<T>,
): Promise<T> {
  return withCardDeadline(session, callSignal, seconds, what, async (signal) => {
    await reader.waitForCard(signal);
    return read(signal);
  });
}

/** Refuses a card that was on the reader before the visit began: it must be lifted and placed again. */
export function assertPlacedDuringVisit(session: Session, custody: CardCustody): void {
  const placement = custody.placement();
  if (placement !== null && placement === session.cardAtStart) {
    throw new KioskApiError('card-not-lifted', 'the card on the reader was there before this visit began: lift it and place it again');
  }
}

/**
 * Waits for a card placed after `notPlacement` (another person's card after the applicant's: their
 * card is asked off the reader first) and reads its visible data, with the placement it was read at.
 */
export async function readNextCard(
  reader: CardReader,
  custody: CardCustody,
  notPlacement: number | null,
  signal: AbortSignal,
): Promise<{ visible: CardVisibleData; placement: number | null }> {
  for (;;) {
    if (notPlacement !== null && custody.placement() === notPlacement) await reader.waitForRemoval(signal);
    await reader.waitForCard(signal);
    if (notPlacement !== null && custody.placement() === notPlacement) {
      await new Promise((resolve) => setTimeout(resolve, 20)); // the reader's events have not landed yet
      continue;
    }
    const visible = await reader.readVisibleData(signal);
    return { visible, placement: custody.placement() };
  }
}
