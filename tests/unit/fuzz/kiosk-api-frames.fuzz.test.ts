import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { kioskMethods } from '../../../electron/shared/kiosk-api/contract.js';
import { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { type FramePipe, MAX_FRAME_BYTES, ServerFrame } from '../../../electron/shared/kiosk-api/protocol.js';
import { createBridgeServer } from '../../../electron/host/bridge/server.js';
import { silentLogger } from '../../../electron/host/log.js';
import { fakeHandlers } from '../../helpers/fake-handlers.js';

/**
 * Fuzzing the KioskApi frame parsers on both sides of the boundary. The host's: any text a
 * renderer (or anything holding the token) sends is answered with frames that are valid
 * `ServerFrame`s, errors with a stable `ApiErrorCode`, one answer per call id, and the host never
 * throws. The renderer's: any text the host side sends never throws, and a pending call always
 * settles with a valid result or a typed error.
 */
const RUNS = 10_000;
const CODES: ReadonlySet<string> = new Set(ApiErrorCode.options);
const METHODS = Object.keys(kioskMethods);

/** JSON values of every kind, kept small: generation dominates the run time otherwise. */
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 300 }), fc.double({ noNaN: true }), fc.string({ maxLength: 8 }));
const json = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom('language', 'service', 'applicationId', 'reason', 'fingers', 'x', '__proto__'), scalar, { maxKeys: 3 }) },
);
const callId = fc.oneof(fc.nat(50), fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.string({ maxLength: 3 }));
const method = fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 12 }), fc.constant('__proto__'), fc.constant('constructor'));
const frameObject = fc.oneof(
  fc.record({ type: fc.constant('call'), id: callId, method, params: fc.oneof(json, fc.constant({})) }, { requiredKeys: [] }),
  fc.record({ type: fc.constant('cancel'), id: callId }, { requiredKeys: [] }),
  fc.record({ type: fc.string({ maxLength: 6 }), id: callId, extra: json }, { requiredKeys: [] }),
);
/** Text frames: mostly JSON objects, some mangled, some arbitrary unicode, a few over the size limit. */
const frameText = fc.oneof(
  { weight: 6, arbitrary: frameObject.map((frame) => JSON.stringify(frame)) },
  { weight: 2, arbitrary: frameObject.chain((frame) => fc.nat(40).map((cut) => JSON.stringify(frame).slice(0, cut))) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: json.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(MAX_FRAME_BYTES + 1), `{"type":"call","id":1,"method":"kiosk.info","params":"${'é'.repeat(MAX_FRAME_BYTES / 2)}"}`) },
);

function recordingPipe(): FramePipe & { deliver(text: string): void; sent: string[]; close(): void } {
  const listeners = new Set<(frame: string) => void>();
  const closers = new Set<() => void>();
  const sent: string[] = [];
  return {
    sent,
    send: (frame) => void sent.push(frame),
    onFrame: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    onClose: (listener) => (closers.add(listener), () => closers.delete(listener)),
    deliver: (text) => listeners.forEach((listener) => listener(text)),
    close: () => closers.forEach((listener) => listener()),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KioskApi frame parsing (fuzzed)', () => {
  it(`host: every reply to ${RUNS} random frame sequences is a valid frame or a typed error`, async () => {
    const server = createBridgeServer({ handlers: fakeHandlers({ aborted: 0 }), log: silentLogger, limits: { maxConnections: 1, maxCallsInFlight: 4 } });
    await fc.assert(
      fc.asyncProperty(fc.array(frameText, { minLength: 1, maxLength: 4 }), async (frames) => {
        const pipe = recordingPipe();
        const drop = server.connect(pipe);
        try {
          // A throw here is a crash of the host's frame handling: fast-check reports the frames.
          for (const frame of frames) pipe.deliver(frame);
          await settle();
          for (const text of pipe.sent) {
            const parsed = ServerFrame.safeParse(JSON.parse(text));
            if (!parsed.success) throw new Error(`invalid reply ${text.slice(0, 200)}`);
            if ('error' in parsed.data && !CODES.has(parsed.data.error.code)) throw new Error(`untyped error ${text.slice(0, 200)}`);
          }
        } finally {
          drop(); // aborts what is still in flight (identity.readCard waits for that)
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`renderer: ${RUNS} random host frames never throw, and a pending call settles typed`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            frameText,
            fc.record({ type: fc.constantFrom('result', 'event', 'rejected'), id: fc.constantFrom(1, 2, 'x'), ok: fc.boolean(), value: json, error: json, event: fc.constantFrom('card.presence', 'session.changed', 'nope'), payload: json }, { requiredKeys: ['type'] }).map((frame) => JSON.stringify(frame)),
          ),
          { maxLength: 4 },
        ),
        async (frames) => {
          const pipe = recordingPipe();
          const api = createKioskApi(pipe);
          api.on('card.presence', () => {});
          const pending = api.kiosk.info({});
          for (const frame of frames) pipe.deliver(frame);
          pipe.close();
          const result = await pending;
          if (result.ok ? !kioskMethods['kiosk.info'].result.safeParse(result.value).success : !CODES.has(result.error.code)) {
            throw new Error(`the call settled with ${JSON.stringify(result).slice(0, 200)}`);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
