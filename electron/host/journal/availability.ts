import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { Logger } from '../log.js';
import type { Writability } from './open.js';

/**
 * The kiosk is out of service while its journal cannot take a payment's writes (disk full,
 * read-only, failing): money must never move when the journal could not record it. Checked before
 * every payment and before every new visit; the kiosk is back in service as soon as a check passes
 * again (space freed), so no restart is needed.
 */
export class JournalAvailability {
  private outOfService: Extract<Writability, { ok: false }> | undefined;

  constructor(
    private readonly journal: { checkWritable(minFreeBytes: number): Writability },
    private readonly minFreeBytes: number,
    private readonly log: Pick<Logger, 'error' | 'info'>,
  ) {}

  /** Checks now and records the result; true when the journal can take a payment. */
  check(): boolean {
    const result = this.journal.checkWritable(this.minFreeBytes);
    if (result.ok) {
      if (this.outOfService) this.log.info('journal writable again: the kiosk is back in service', { freeBytes: result.freeBytes });
      this.outOfService = undefined;
      return true;
    }
    if (!this.outOfService) {
      // An alert for the technicians: the kiosk refuses visits until this clears.
      this.log.error('ALERT journal unavailable: the kiosk is out of service', { alert: 'journal-unavailable', reason: result.reason, detail: result.detail });
    }
    this.outOfService = result;
    return false;
  }

  /** Throws `journal-unavailable` unless the journal can take a payment now; `what` names the refused act. */
  require(what: string): void {
    if (!this.check()) throw new KioskApiError('journal-unavailable', `${what} refused: the journal cannot be written (${this.outOfService?.reason ?? 'unknown'})`);
  }

  /** Out of service since the last check, and why. */
  state(): { available: true } | { available: false; reason: string } {
    return this.outOfService ? { available: false, reason: this.outOfService.reason } : { available: true };
  }
}

/** A new visit only while the journal could record its payment: the kiosk is out of service otherwise. */
export function refuseVisitsOutOfService(handlers: KioskHandlers, availability: JournalAvailability): KioskHandlers {
  const start = handlers['session.start'];
  return {
    ...handlers,
    'session.start': async (params, context) => {
      availability.require('a new visit');
      return start(params, context);
    },
  };
}
