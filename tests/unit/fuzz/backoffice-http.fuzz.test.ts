import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { BackofficeClient } from '../../../electron/host/backoffice/client.js';
import { Problem } from '../../../electron/host/backoffice/wire.js';
import type { Reply } from '../../../simulators/backoffice/problem.js';
import { createRouter } from '../../../simulators/backoffice/routes.js';
import { createResponder, type RawRequest } from '../../../simulators/backoffice/server.js';
import { BackofficeStore } from '../../../simulators/backoffice/store.js';

/**
 * Fuzzing the back-office HTTP API from both ends. The simulator's request handling (control token,
 * media type, JSON, the router and its store) answers any request with a reply: a JSON body, and for
 * anything wrong a problem with a stable code; never a 500 (an exception in a handler). The kiosk's
 * client turns any answer (status, headers, body) into a typed result and never throws.
 */
const RUNS = 10_000;
const TOKEN = 'fuzz-control-token-0123456789';
const store = new BackofficeStore(':memory:');
const router = createRouter({ store, clock: () => new Date('2026-11-23T02:00:00Z'), govPayTtlMs: 60_000 });
const respond = createResponder(router, TOKEN);
afterAll(() => store.close());

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -10, max: 100_000 }), fc.string({ maxLength: 12 }), fc.constantFrom('1234567(9)', 'renew-permanent', 'hq', 'booking', 'terminal', '2026-11-23T02:00:00.000Z', '1985-03-12'));
const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }) });
const id = fc.oneof(fc.constantFrom('app-00000001', 'app-00000002', 'gp-ref-1', 'R0000000001'), fc.stringMatching(/^[A-Za-z0-9-]{0,90}$/));

/** A submission close to valid, with fields dropped, replaced or added at random. */
const submission = fc
  .record({
    applicationId: id,
    kioskId: fc.constantFrom('HQ-07', 'T', ''),
    kioskSessionId: fc.constantFrom('s-1', ''),
    service: fc.constantFrom('renew-permanent', 'kinship-certificate', 'queue-ticket', 'nope'),
    request: fc.oneof(fc.constant({}), value),
    feeAvos: fc.oneof(fc.constant(9000), fc.integer()),
    payment: fc.oneof(fc.constant(null), fc.record({ method: fc.constantFrom('terminal', 'govpay'), reference: id, amountAvos: fc.constantFrom(9000, 1, 0), authCode: fc.constantFrom(null, 'A1') })),
    applicant: fc.record({ cardNumber: fc.constantFrom('1234567(9)', '5215299(8)', 'x'), nameZh: fc.constantFrom('陳大文'), nameLatin: fc.constantFrom('CHAN TAI MAN'), dateOfBirth: fc.constantFrom('1985-03-12', '1985-13-40') }),
    queuedAt: fc.constantFrom('2026-11-23T02:00:00.000Z', 'yesterday'),
    extra: value,
  }, { requiredKeys: [] });

const body = fc.oneof(
  { weight: 4, arbitrary: submission.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.record({ cardNumber: scalar, reference: id, amountAvos: scalar, description: scalar, office: scalar, kind: scalar, reason: scalar, submissions: scalar, down: scalar, govPayAutoPay: scalar }, { requiredKeys: [] }).map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: value.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constant('') },
);
const path = fc.oneof(
  fc.constantFrom('/v1/health', '/v1/persons/lookup', '/v1/residence-certificates/lookup', '/v1/kinship/lookup', '/v1/applications', '/v1/queue/tickets', '/v1/govpay/payments'),
  id.map((x) => `/v1/applications/${x}/withdraw`),
  id.map((x) => `/v1/applications/${x}`),
  id.map((x) => `/v1/photos/${x}`),
  id.map((x) => `/v1/govpay/payments/${x}`),
  fc.tuple(id, fc.constantFrom('pay', 'cancel', 'refund')).map(([x, verb]) => `/v1/govpay/payments/${encodeURIComponent(x)}/${verb}`),
  id.map((x) => `/v1/locker-notices/${x}`),
  fc.constantFrom('/v1/_control/applications', '/v1/_control/govpay', '/v1/_control/faults', '/v1/_control/ready/R0000000001', '/v1/_control/locker/R0000000001', '/v1/_control/govpay/gp-ref-1/expire'),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('//[', 'http://[::1', '/%E0%A4%A', '/v1/../v1/health', '*', ''),
);
const request: fc.Arbitrary<RawRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'get', ''),
  url: path,
  headers: fc.record(
    {
      'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
      authorization: fc.constantFrom(`Bearer ${TOKEN}`, 'Bearer nope', `bearer ${TOKEN}`, ''),
      'idempotency-key': fc.oneof(id, fc.constant('app-00000001')),
    },
    { requiredKeys: [] },
  ),
  bodyText: body,
  clientId: fc.constantFrom(undefined, 'HQ-07', 'HQ-08'),
});

function checkReply(reply: Reply, raw: RawRequest): void {
  if ('drop' in reply) return; // `lose-response` (a fault the control API may have set): the connection is cut
  const where = `${raw.method} ${raw.url}`;
  if (!Number.isInteger(reply.status) || reply.status < 200 || reply.status > 599) throw new Error(`${where}: status ${reply.status}`);
  if ('bytes' in reply) {
    // A picture from the control API: only ever with the control token, and only a 200.
    if (reply.status !== 200 || raw.headers.authorization !== `Bearer ${TOKEN}`) throw new Error(`${where}: a picture without the token`);
    return;
  }
  if (reply.status === 500) throw new Error(`${where}: the handler threw (500 internal) for ${raw.bodyText.slice(0, 200)}`);
  const text = JSON.stringify(reply.body);
  if (text === undefined) throw new Error(`${where}: body is not JSON`);
  if (reply.status >= 400) {
    const problem = Problem.safeParse(JSON.parse(text));
    if (!problem.success || problem.data.status !== reply.status || !reply.problem) throw new Error(`${where}: not a problem: ${text.slice(0, 200)}`);
  }
}

describe('back-office HTTP API (fuzzed)', () => {
  it(`the simulator answers ${RUNS} random requests with a reply or a typed problem, never a crash`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (raw) => checkReply(await respond(raw), raw)),
      { numRuns: RUNS },
    );
  });

  it(`the kiosk's client turns ${RUNS} random answers into typed results, never a throw`, async () => {
    const answer = fc.record({
      status: fc.oneof(fc.constantFrom(200, 201, 204, 400, 404, 408, 409, 422, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 })),
      body: fc.oneof(
        value.map((v) => JSON.stringify(v)),
        fc.record({ type: scalar, title: scalar, status: scalar, code: fc.oneof(scalar, fc.string({ maxLength: 100 })), detail: scalar }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
        fc.record({ status: fc.constantFrom('ok', 'pending', 'paid'), receiptNumber: fc.constantFrom('R0000000001', 'R1'), applicationId: id, acceptedAt: fc.constantFrom('2026-11-23T02:00:00Z', 'x'), received: scalar }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
        fc.string({ unit: 'binary', maxLength: 30 }),
      ),
      failure: fc.constantFrom(undefined, 'reset', 'abort'),
      call: fc.constantFrom('health', 'person', 'kinship', 'submit', 'withdraw', 'govpay', 'collection', 'ticket'),
    });
    await fc.assert(
      fc.asyncProperty(answer, async ({ status, body: text, failure, call }) => {
        const client = new BackofficeClient({
          url: 'https://bo.example',
          timeoutMs: 1000,
          fetch: async () => {
            if (failure === 'reset') throw new TypeError('fetch failed');
            if (failure === 'abort') throw new DOMException('aborted', 'AbortError');
            return new Response(status === 204 ? null : text, { status });
          },
        });
        const calls = {
          health: () => client.health(),
          person: () => client.person('1234567(9)'),
          kinship: () => client.kinship('1234567(9)'),
          submit: () => client.submitApplication('app-00000001', '{}'),
          withdraw: () => client.withdrawApplication('app-00000001'),
          govpay: () => client.govPay('gp-ref-1'),
          collection: () => client.collection('R0000000001'),
          ticket: () => client.ticket({ office: 'hq', kind: 'same-day' }),
        };
        const result = await calls[call]();
        if (result.ok) return;
        const kinds = ['unreachable', 'timeout', 'server', 'invalid-response', 'refused'];
        if (!kinds.includes(result.error.kind) || typeof result.error.code !== 'string' || result.error.code.length > 80) {
          throw new Error(`untyped failure ${JSON.stringify(result.error)}`);
        }
        if (status >= 200 && status < 300 && result.error.kind === 'refused') throw new Error('a success status became a refusal');
      }),
      { numRuns: RUNS },
    );
  });
});
