import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createControlHandler } from '../../../simulators/control/http.js';
import { createSimulators } from '../../../simulators/index.js';

/**
 * Fuzzing the simulators' control API (`/control`, test mode only): any request, with or without
 * the token, any body, is answered with a status and, for an API path, JSON or a problem+json with
 * a stable type; commands that parse act on the simulators, the rest are refused `invalid-command`.
 * Never an exception, never a 500.
 */
const RUNS = 10_000;
const TOKEN = 'control-fuzz-token-0123456789';
const { controls } = createSimulators();
const handle = createControlHandler(controls, { token: TOKEN });

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 3000 }), fc.double(), fc.string({ maxLength: 10 }));
const devices = ['card-reader', 'fingerprint-scanner', 'camera', 'height-gauge', 'payment-terminal', 'receipt-printer', 'nope'];
const actions = ['place', 'remove', 'present', 'unplug', 'plug', 'disconnect', 'reconnect', 'set-height', 'set-paper', 'queue', 'approve', 'decline', 'lose-response', 'report', 'set-missing', 'x'];
const command = fc.record(
  {
    device: fc.oneof(fc.constantFrom(...devices), scalar),
    action: fc.oneof(fc.constantFrom(...actions), scalar),
    profile: fc.oneof(fc.constantFrom('chan-tai-man', 'expired', 'nobody'), scalar),
    quality: scalar,
    matches: scalar,
    heightMm: scalar,
    paper: fc.oneof(fc.constantFrom('ok', 'near-end', 'out'), scalar),
    report: fc.oneof(fc.constantFrom('streaming', 'no-device'), scalar),
    finger: scalar,
    outcome: scalar,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 5, arbitrary: command.map((c) => JSON.stringify(c)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '[]', 'null', '{"device":"camera","action":"report","report":"__proto__"}', 'x'.repeat(17 * 1024)) },
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'),
  url: fc.oneof(fc.constantFrom('/control', '/control/', '/control/api/state', '/control/api/command', '/control/api/nothing', '/control//api/command', '/control/api/command?x=1', '/controlx', '//[', '/%zz'), fc.string({ maxLength: 20 }).map((s) => `/control/${s}`)),
  authorization: fc.constantFrom(`Bearer ${TOKEN}`, `bearer  ${TOKEN} `, 'Bearer wrong-token-0123456789', 'Basic abc', undefined),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', undefined),
  body,
  chunks: fc.integer({ min: 1, max: 3 }),
});

/** A request stream with the body in 1–3 chunks, and a response that records its status and body. */
type ControlRequest = typeof request extends fc.Arbitrary<infer R> ? R : never;

function exchange(input: ControlRequest): Promise<{ handled: boolean; status: number; headers: Record<string, string>; body: string }> {
  const bytes = Buffer.from(input.body);
  const size = Math.ceil(bytes.length / input.chunks) || 1;
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  const req = Object.assign(Readable.from(parts), {
    method: input.method,
    url: input.url,
    headers: {
      ...(input.authorization !== undefined ? { authorization: input.authorization } : {}),
      ...(input.contentType !== undefined ? { 'content-type': input.contentType } : {}),
      'content-length': String(bytes.length),
    },
  }) as unknown as IncomingMessage;
  return new Promise((resolve) => {
    const answer = { handled: false, status: 0, headers: {} as Record<string, string>, body: '' };
    const res = {
      headersSent: false,
      writeHead(status: number, headers: Record<string, string> = {}) {
        answer.status = status;
        answer.headers = headers;
        res.headersSent = true;
        return res;
      },
      end(text?: string) {
        answer.body = text ?? '';
        resolve(answer);
        return res;
      },
    };
    answer.handled = handle(req, res as unknown as ServerResponse);
    if (!answer.handled) resolve(answer);
  });
}

describe('control HTTP API (fuzzed)', () => {
  it(`answers ${RUNS} random requests with a status and JSON or a typed problem, never a crash`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const answer = await exchange(input);
        if (!answer.handled) return; // not under /control: the host's static files answer it
        const where = `${input.method} ${input.url}`;
        if (answer.status < 200 || answer.status > 599 || answer.status === 500) throw new Error(`${where}: status ${answer.status}`);
        const type = answer.headers['Content-Type'] ?? '';
        if (answer.status >= 400) {
          const problem = JSON.parse(answer.body) as { type?: unknown; status?: unknown };
          if (!type.startsWith('application/problem+json') || typeof problem.type !== 'string' || !problem.type.startsWith('urn:dsi-kiosk:problem:') || problem.status !== answer.status) {
            throw new Error(`${where}: not a problem: ${answer.body.slice(0, 200)}`);
          }
        } else if (type.startsWith('application/json')) {
          JSON.parse(answer.body);
        }
        if (input.url.startsWith('/control/api/') && answer.status === 200 && !input.authorization?.includes(TOKEN)) throw new Error(`${where}: served without the token`);
      }),
      { numRuns: RUNS },
    );
  });
});
