import { isDeviceError } from '../../devices/errors.js';
import { sleep } from '../../devices/operations/timing.js';
import {
  bodies,
  encodeMessage,
  HidProtocolError,
  type Message,
  MessageType,
  Reassembler,
  type WireErrorCode,
  WIRE_ERRORS,
} from '../../devices/fingerprint-scanner/drivers/hid-protocol.js';
import type { HidTransport } from '../../devices/transport/hid/transport.js';
import type { SimulatedFingerprintScanner } from './simulated-fingerprint-scanner.js';

/**
 * The far end of the HID link: a simulated scanner that speaks the report protocol
 * (docs/fingerprint-protocol.md), so the real driver's framing, correlation, prompts and errors
 * are exercised end to end. The imaging and matching come from an (opened) in-process simulator,
 * whose control (present a finger, missing fingers) stays the tester's way in.
 */
export interface HidFarEnd {
  /** Delay before answering every request, like a slow link. */
  setLatencyMs(ms: number): void;
  /** Sends raw reports to the host, for tests of garbled input. */
  inject(report: Uint8Array): Promise<void>;
  detach(): void;
}

export function attachHidFarEnd(link: HidTransport, engine: SimulatedFingerprintScanner, options: { latencyMs?: number } = {}): HidFarEnd {
  let latencyMs = options.latencyMs ?? 0;
  const reassembler = new Reassembler();
  const running = new Map<number, AbortController>();
  let detached = false;

  const send = async (message: Message): Promise<void> => {
    for (const report of encodeMessage(message)) {
      if (detached) return;
      await link.write(report);
    }
  };
  const sendError = (tag: number, code: WireErrorCode, detail = ''): Promise<void> =>
    send({ type: MessageType.error, tag, body: bodies.error.encode(code, detail) });
  const handle = async (message: Message): Promise<void> => {
    const { tag } = message;
    if (message.type === MessageType.cancel) {
      running.get(tag)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(tag, controller);
    try {
      await sleep(latencyMs, controller.signal);
      switch (message.type) {
        case MessageType.getInfo: {
          const caps = engine.capabilities();
          await send({
            type: MessageType.info,
            tag,
            body: bodies.info.encode({ imageWidth: caps.imageWidth, imageHeight: caps.imageHeight, matchThreshold: caps.matchThreshold, firmware: 'sim-hid-1', model: 'Simulator' }),
          });
          return;
        }
        case MessageType.capture: {
          const { finger, timeoutMs } = bodies.capture.decode(message.body);
          const off = engine.on('prompt', ({ prompt }) => {
            void send({ type: MessageType.prompt, tag, body: bodies.prompt.encode(prompt) }).catch(() => undefined);
          });
          try {
            const capture = await engine.capture({ finger, timeoutMs }, controller.signal);
            await send({ type: MessageType.captureResult, tag, body: bodies.captureResult.encode(capture) });
          } finally {
            off();
          }
          return;
        }
        case MessageType.match: {
          const { probe, reference } = bodies.match.decode(message.body);
          const result = await engine.match(probe, reference, controller.signal);
          await send({ type: MessageType.matchResult, tag, body: bodies.matchResult.encode(result.score, result.threshold) });
          return;
        }
        case MessageType.selfTest: {
          const result = await engine.selfTest(controller.signal);
          const failed = result.checks.find((c) => !c.passed);
          await send({ type: MessageType.selfTestResult, tag, body: bodies.selfTestResult.encode(result.passed, failed?.detail ?? '') });
          return;
        }
        default:
          await sendError(tag, 0x04, 'not-a-request');
      }
    } catch (error) {
      if (detached) return;
      if (error instanceof HidProtocolError) return void (await sendError(tag, 0x04, 'bad-request'));
      if (!isDeviceError(error)) {
        if (controller.signal.aborted) return void (await sendError(tag, 0x05));
        throw error;
      }
      await sendError(tag, wireCodeOf(error.code), error.detail ?? '');
    } finally {
      running.delete(tag);
    }
  };

  const offReport = link.onReport((report) => {
    let message: Message | null;
    try {
      message = reassembler.push(report);
    } catch {
      void sendError(report[1] ?? 0, 0x04, 'bad-report').catch(() => undefined);
      return;
    }
    if (message) void handle(message).catch(() => undefined);
  });
  const detach = (): void => {
    if (detached) return;
    detached = true;
    offReport();
    for (const controller of running.values()) controller.abort();
  };
  link.onClose(detach);

  return {
    setLatencyMs: (ms) => {
      latencyMs = ms;
    },
    inject: (report) => link.write(report),
    detach,
  };
}

/** The wire code of a DeviceError code; anything the protocol has no code for is a hardware fault. */
function wireCodeOf(code: string): WireErrorCode {
  for (const [wire, name] of Object.entries(WIRE_ERRORS)) if (name === code) return Number(wire) as WireErrorCode;
  return 0x03;
}
