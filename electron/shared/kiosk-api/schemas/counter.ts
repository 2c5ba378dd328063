import { z } from 'zod';
import { CounterOffice, ServiceId } from './service-id.js';

/**
 * KioskApi methods of the three services that start without identifying the resident (spread into
 * `kioskMethods` in bridge/contract.ts): checking a card's authenticity, taking a queue ticket, and
 * finding where to collect a document from its receipt number. Only what each answer needs crosses:
 * masked card numbers and names, never a card's full data.
 */
const MacauIso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
const IsoDate = z.iso.date();
const NoParams = z.strictObject({});

/** What the reader and the chip say about the card on the reader. */
export const AuthenticityVerdict = z.enum(['genuine', 'altered-data', 'cloned-chip', 'expired', 'not-an-id-card', 'unreadable']);
export type AuthenticityVerdict = z.infer<typeof AuthenticityVerdict>;

export const AuthenticityResult = z.object({
  verdict: AuthenticityVerdict,
  /** The first four digits only, e.g. `1234***(*)`; null when no ID card data could be read. */
  cardNumberMasked: z.string().regex(/^\d{4}\*{3}\(\*\)$/).nullable(),
  /** The last valid day, for an expired card whose data is genuine. */
  expiredOn: IsoDate.nullable(),
  checkedAt: MacauIso,
});
export type AuthenticityResult = z.infer<typeof AuthenticityResult>;

export const TicketKind = z.enum(['same-day', 'booking']);
export const QueueTicket = z.object({
  ticketNumber: z.string().max(10),
  office: CounterOffice,
  kind: TicketKind,
  issuedAt: MacauIso,
});
export type QueueTicket = z.infer<typeof QueueTicket>;

/** A receipt number as printed and encoded in the receipt's QR code: `R` and ten digits. */
export const ReceiptNumber = z.string().regex(/^R\d{10}$/);

export const PickupLookup = z.object({
  receiptNumber: ReceiptNumber,
  service: ServiceId,
  /** `withdrawn`: the resident cancelled the application at the kiosk (and was refunded); nothing to collect. */
  status: z.enum(['processing', 'ready', 'collected', 'withdrawn']),
  /** The counter to go to once the document is ready, e.g. `C12`. */
  counter: z.string().max(10).nullable(),
  /** Masked for a public screen: enough for the resident to recognise, e.g. `陳*文`, `CHAN T. M.`. */
  applicantNameZh: z.string().max(40),
  applicantNameLatin: z.string().max(80),
  /** While processing: the earliest time the host's rules expect it at a counter, when they know. */
  expectedReadyAt: MacauIso.nullable(),
});
export type PickupLookup = z.infer<typeof PickupLookup>;

const Printed = z.object({ printed: z.literal(true) });

export const counterMethods = {
  /**
   * Waits for a card on the reader and checks it: passive authentication (the security object's
   * signatures over the data), active authentication (the chip's own key: a copy has none), then
   * the expiry. Long: pass an AbortSignal. `card-removed` when the card leaves mid-check (place it
   * again), `timeout` when no card comes, `device-not-connected` when the reader is offline.
   */
  'authenticity.check': { params: NoParams, result: AuthenticityResult },
  /** Prints this session's last check result (the host's own record) with date, time and kiosk id; `step-not-allowed` before a check. */
  'authenticity.print': { params: NoParams, result: Printed },
  /**
   * Takes a ticket at the back office after the rules allow it (`not-eligible`: the office is
   * closed for same-day tickets, or a booking elsewhere than HQ). One ticket per session: asking
   * again answers the same ticket. `backoffice-unavailable` when the back office does not answer.
   */
  'queue.takeTicket': { params: z.strictObject({ office: CounterOffice, kind: TicketKind }), result: QueueTicket },
  /** Prints this session's ticket (number large, office, time, what to do next); `step-not-allowed` before one is taken. */
  'queue.printTicket': { params: NoParams, result: Printed },
  /**
   * Looks a receipt number up at the back office: processing (with the expected ready time),
   * ready (with the counter) or collected. `receipt-not-found` for a number it does not know.
   */
  'pickup.lookupReceipt': { params: z.strictObject({ receiptNumber: ReceiptNumber }), result: PickupLookup },
} as const;
