import type { z } from 'zod';
import {
  ApplicationSubmission,
  CardLookup,
  ControlFaults,
  GovPayCreate,
  TicketRequest,
  WithdrawalRequest,
} from '../../electron/host/backoffice/wire.js';
import { FINGERS, type Finger } from '../../devices/fingerprint-scanner/contract.js';
import { missingItems } from './completeness.js';
import { image, ok, problem, type Reply } from './problem.js';
import type { BackofficeStore } from './store.js';

export interface Request {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined for none. */
  body: unknown;
  /** The kiosk named by the verified client certificate (mutual TLS); undefined over plain HTTP. */
  clientId?: string | undefined;
}

export interface RouterOptions {
  store: BackofficeStore;
  clock: () => Date;
  /** How long a GovPay QR stays payable. */
  govPayTtlMs: number;
}

export type Faults = z.output<typeof ControlFaults> & { govPayAutoPay: boolean };

type Handler = (req: Request, params: string[]) => Reply | Promise<Reply>;

/**
 * The back office's endpoints. Every request body is validated with the wire schemas the kiosk's
 * client uses; every error is a problem with a stable code. `/v1/_control/*` is for tests and
 * testers (what the back office holds, faults to inject, documents ready or in a locker).
 */
export function createRouter(options: RouterOptions): { route(req: Request): Promise<Reply>; faults: Faults } {
  const { store, clock } = options;
  const faults: Faults = { submissions: 'ok', down: false, latencyMs: 0, refusing: false, govPayAutoPay: false };

  const routes: Array<[string, RegExp, Handler]> = [
    ['GET', /^\/v1\/health$/, () => ok({ status: 'ok' })],
    [
      'POST',
      /^\/v1\/persons\/lookup$/,
      (req) =>
        withBody(CardLookup, req.body, ({ cardNumber }) => {
          const resident = store.resident(cardNumber);
          return resident ? ok(resident.record) : problem(404, 'person-not-found', 'No resident with this card number');
        }),
    ],
    [
      'POST',
      /^\/v1\/residence-certificates\/lookup$/,
      (req) =>
        withBody(CardLookup, req.body, ({ cardNumber }) => {
          const resident = store.resident(cardNumber);
          if (!resident) return problem(404, 'person-not-found', 'No resident with this card number');
          return ok(resident.record.residenceCertificate ?? { status: 'missing' });
        }),
    ],
    [
      'POST',
      /^\/v1\/kinship\/lookup$/,
      (req) =>
        withBody(CardLookup, req.body, ({ cardNumber }) => {
          const resident = store.resident(cardNumber);
          return resident ? ok(resident.kinship) : problem(404, 'person-not-found', 'No resident with this card number');
        }),
    ],
    [
      'GET',
      /^\/v1\/photos\/([A-Za-z0-9-]{1,40})$/,
      (_req, [code]) => {
        const photo = store.photo(code ?? '');
        return photo ? ok({ jpegBase64: photo.jpeg.toString('base64'), takenOn: photo.takenOn }) : problem(404, 'photo-not-found', 'No photo behind this share code');
      },
    ],
    ['POST', /^\/v1\/applications$/, (req) => submitApplication(req)],
    [
      'POST',
      /^\/v1\/applications\/([A-Za-z0-9-]{8,80})\/withdraw$/,
      (req, [id]) =>
        withBody(WithdrawalRequest, req.body, ({ reason }) => {
          if (header(req, 'idempotency-key') !== id) return problem(400, 'idempotency-key-mismatch', 'Idempotency-Key must equal the application id');
          return ok(store.withdraw(id ?? '', reason, clock()));
        }),
    ],
    [
      // Does the back office hold this application? The kiosk asks before sending again (no replays).
      'GET',
      /^\/v1\/applications\/([A-Za-z0-9-]{8,80})\/acceptance$/,
      (_req, [id]) => {
        const accepted = store.accepted(id ?? '');
        return accepted ? ok(accepted) : problem(404, 'application-not-found', 'No application with this id');
      },
    ],
    [
      'GET',
      /^\/v1\/applications\/(R\d{10})$/,
      (_req, [receipt]) => {
        const found = store.byReceipt(receipt ?? '');
        return found ? ok({ receiptNumber: receipt, ...found }) : problem(404, 'receipt-not-found', 'No application with this receipt number');
      },
    ],
    [
      'POST',
      /^\/v1\/govpay\/payments$/,
      (req) =>
        withBody(GovPayCreate, req.body, (input) => {
          if (header(req, 'idempotency-key') !== input.reference) return problem(400, 'idempotency-key-mismatch', 'Idempotency-Key must equal the reference');
          const created = store.createGovPay(input, clock(), options.govPayTtlMs);
          if (created.kind === 'conflict') return problem(422, 'idempotency-key-reused', 'This reference was used for another payment');
          return ok(created.payment, 201);
        }),
    ],
    [
      'GET',
      /^\/v1\/govpay\/payments\/([^/]{1,100})$/,
      (_req, [ref]) => {
        const reference = decodeURIComponent(ref ?? '');
        if (faults.govPayAutoPay) store.moveGovPay(reference, ['pending'], 'paid', clock());
        return govPayReply(store.govPay(reference, clock()));
      },
    ],
    ['POST', /^\/v1\/govpay\/payments\/([^/]{1,100})\/pay$/, (_req, [ref]) => govPayReply(store.moveGovPay(decodeURIComponent(ref ?? ''), ['pending'], 'paid', clock()))],
    ['POST', /^\/v1\/govpay\/payments\/([^/]{1,100})\/cancel$/, (_req, [ref]) => govPayReply(store.moveGovPay(decodeURIComponent(ref ?? ''), ['pending'], 'cancelled', clock()))],
    [
      'POST',
      /^\/v1\/govpay\/payments\/([^/]{1,100})\/refund$/,
      (_req, [ref]) => {
        const reference = decodeURIComponent(ref ?? '');
        store.moveGovPay(reference, ['pending'], 'cancelled', clock()); // refunding an unpaid one: nothing to give back
        return govPayReply(store.moveGovPay(reference, ['paid'], 'refunded', clock()));
      },
    ],
    [
      'POST',
      /^\/v1\/queue\/tickets$/,
      (req) =>
        withBody(TicketRequest, req.body, ({ office, kind }) => {
          if (kind === 'booking' && office !== 'hq') return problem(422, 'booking-hq-only', 'Bookings exist for HQ only');
          return ok({ office, ...store.ticket(office, kind, clock()) }, 201);
        }),
    ],
    [
      'GET',
      /^\/v1\/locker-notices\/(R\d{10})$/,
      (_req, [receipt]) => {
        const notice = store.lockerNotice(receipt ?? '');
        return notice ? ok({ receiptNumber: receipt, ...notice }) : problem(404, 'notice-not-found', 'No locker notice for this receipt');
      },
    ],
    // ---- test and tester control ----
    ['GET', /^\/v1\/_control\/applications$/, () => ok({ applications: store.applications() })],
    [
      'GET',
      /^\/v1\/_control\/applications\/([A-Za-z0-9-]{8,80})\/photo$/,
      (_req, [id]) => picture(store.capturedPhoto(id ?? ''), 'image/jpeg', 'No photo arrived with this application'),
    ],
    [
      'GET',
      /^\/v1\/_control\/applications\/([A-Za-z0-9-]{8,80})\/fingers\/([a-z-]{1,20})$/,
      (_req, [id, finger]) => {
        if (!(FINGERS as readonly string[]).includes(finger ?? '')) return problem(404, 'not-found', `No finger called ${finger}`);
        return picture(store.capturedFinger(id ?? '', finger as Finger), 'image/png', 'No image of this finger arrived (missing, injured or not sent)');
      },
    ],
    [
      'GET',
      /^\/v1\/_control\/applications\/([A-Za-z0-9-]{8,80})\/card-scan\/(front|back)$/,
      (_req, [id, side]) => picture(store.capturedCardScan(id ?? '', side === 'back' ? 'back' : 'front'), 'image/jpeg', 'No scan of this side of the card arrived'),
    ],
    [
      'GET',
      /^\/v1\/_control\/applications\/([A-Za-z0-9-]{8,80})\/signature$/,
      (_req, [id]) => picture(store.capturedSignature(id ?? ''), 'image/png', 'No signature arrived with this application'),
    ],
    ['GET', /^\/v1\/_control\/govpay$/, () => ok({ payments: store.govPays() })],
    ['POST', /^\/v1\/_control\/govpay\/([^/]{1,100})\/expire$/, (_req, [ref]) => govPayReply(store.expireGovPay(decodeURIComponent(ref ?? ''), clock()))],
    ['GET', /^\/v1\/_control\/faults$/, () => ok(faults)],
    [
      'POST',
      /^\/v1\/_control\/faults$/,
      (req) =>
        withBody(ControlFaults.extend({ govPayAutoPay: ControlFaults.shape.down }), req.body, (next) => {
          Object.assign(faults, next);
          return ok(faults);
        }),
    ],
    [
      'POST',
      /^\/v1\/_control\/ready\/(R\d{10})$/,
      (_req, [receipt]) => (store.markReady(receipt ?? '', 'C12') ? ok({ receiptNumber: receipt }) : problem(404, 'receipt-not-found', 'No such receipt')),
    ],
    [
      'POST',
      /^\/v1\/_control\/locker\/(R\d{10})$/,
      (_req, [receipt]) => (store.placeInLocker(receipt ?? '', 'L-07', clock()) ? ok({ receiptNumber: receipt }) : problem(404, 'receipt-not-found', 'No such receipt')),
    ],
  ];

  async function submitApplication(req: Request): Promise<Reply> {
    const key = header(req, 'idempotency-key');
    if (!key) return problem(400, 'idempotency-key-missing', 'An Idempotency-Key header is required');
    return withBody(ApplicationSubmission, req.body, async (body) => {
      if (key !== body.applicationId) return problem(400, 'idempotency-key-mismatch', 'Idempotency-Key must equal applicationId');
      if (req.clientId !== undefined && req.clientId !== body.kioskId) return problem(403, 'kiosk-mismatch', 'The client certificate names another kiosk');
      if (faults.submissions === 'unavailable') return problem(503, 'unavailable', 'The back office is not taking applications now');
      const resident = store.resident(body.applicant.cardNumber);
      if (!resident) return problem(422, 'unknown-applicant', 'No resident with this card number');
      // What the service needs, judged against the back office's own file of the applicant.
      const missing = await missingItems(body, resident.record.person);
      if (missing.length > 0) {
        return problem(422, 'application-incomplete', `The ${body.service} application is incomplete`, `missing or unusable: ${missing.join('; ')}`.slice(0, 500));
      }
      if (resident.refuse) return problem(422, resident.refuse, 'The application cannot be accepted');
      if (body.payAtCounter && body.payment !== null) return problem(422, 'payment-conflict', 'An application paid at a counter carries no payment');
      if (body.feeAvos > 0 && !body.payAtCounter && (body.payment === null || body.payment.amountAvos !== body.feeAvos)) {
        return problem(422, 'payment-mismatch', 'The payment does not cover the fee');
      }
      if (body.payment?.method === 'govpay' && store.govPay(body.payment.reference, clock())?.status !== 'paid') {
        return problem(422, 'payment-not-settled', 'The GovPay payment is not paid');
      }
      const result = store.submit(body, clock());
      if (result.kind === 'conflict') return problem(422, 'idempotency-key-reused', 'This key was used with a different application');
      if (result.kind === 'withdrawn') return problem(422, 'application-withdrawn', 'The resident withdrew this application');
      if (faults.submissions === 'lose-response') return { drop: true };
      return ok(result.response, 201);
    });
  }

  function picture(bytes: Buffer | undefined, type: 'image/jpeg' | 'image/png', missing: string): Reply {
    return bytes ? image(bytes, type) : problem(404, 'picture-not-found', missing);
  }

  function govPayReply(payment: ReturnType<BackofficeStore['govPay']>): Reply {
    return payment ? ok(payment) : problem(404, 'payment-not-found', 'No GovPay payment with this reference');
  }

  return {
    faults,
    async route(req) {
      const known = routes.filter(([, pattern]) => pattern.test(req.path));
      if (known.length === 0) return problem(404, 'not-found', 'No such endpoint');
      const match = known.find(([method]) => method === req.method);
      if (!match) return problem(405, 'method-not-allowed', `Use ${known.map(([m]) => m).join(', ')}`);
      const control = req.path.startsWith('/v1/_control/');
      // Testers' faults never touch `/v1/_control/*`: the tester must be able to lift them again.
      if (!control && faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
      if (!control && faults.refusing) return { drop: true };
      if (faults.down && !control) return problem(503, 'unavailable', 'The back office is down');
      const [, pattern, handler] = match;
      return handler(req, (pattern.exec(req.path) ?? []).slice(1));
    },
  };
}

function withBody<S extends z.ZodType, R extends Reply | Promise<Reply>>(schema: S, body: unknown, then: (value: z.output<S>) => R): R | Reply {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return problem(400, 'invalid-request', 'The request is not valid', detail.slice(0, 500));
  }
  return then(parsed.data);
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
