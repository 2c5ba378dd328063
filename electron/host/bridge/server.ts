import type { z } from 'zod';
import { type ApiErrorCode, type ApiErrorData, hasApiErrorCode } from '../../shared/kiosk-api/errors.js';
import {
  type EventName,
  type EventPayload,
  isMethodName,
  kioskEvents,
  kioskMethods,
  type MethodName,
  type ParamsOut,
  type ResultOf,
} from '../../shared/kiosk-api/contract.js';
import { ClientFrame, type FramePipe, MAX_FRAME_BYTES, type ServerFrame } from '../../shared/kiosk-api/protocol.js';

export interface CallContext {
  /** Aborted when the renderer cancels the call or its connection closes. */
  signal: AbortSignal;
  connectionId: number;
}

export type KioskHandlers = {
  [M in MethodName]: (params: ParamsOut<M>, context: CallContext) => Promise<ResultOf<M>>;
};

export interface BridgeLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface BridgeServer {
  /**
   * Serves one renderer connection until its pipe closes; returns a function that drops it.
   * Throws `BridgeFullError` when `limits.maxConnections` connections are open already.
   */
  connect(pipe: FramePipe): () => void;
  /** Whether one more connection would be served (transports refuse early when not). */
  accepting(): boolean;
  /** Sends an event to every connected renderer; the payload is validated first. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  connectionCount(): number;
  /** Drops every connection and aborts every call in flight. */
  close(): void;
}

export interface BridgeOptions {
  handlers: KioskHandlers;
  log: BridgeLog;
  /** Turns an expected error from below (a DeviceError, say) into API error data. */
  translateError?: (error: unknown) => ApiErrorData | undefined;
  limits?: Partial<BridgeLimits>;
}

/**
 * What one host serves at most. A kiosk has one renderer page; a connection that floods calls is a
 * bug or an attack, and every call in flight holds memory and maybe a device.
 */
export interface BridgeLimits {
  maxConnections: number;
  /** Per connection; a call over it is answered `too-many-calls` at once and never runs. */
  maxCallsInFlight: number;
}

export const DEFAULT_BRIDGE_LIMITS: BridgeLimits = { maxConnections: 1, maxCallsInFlight: 32 };

/** A connection refused because the bridge serves `maxConnections` already. */
export class BridgeFullError extends Error {
  readonly code = 'bridge-full';
  constructor(max: number) {
    super(`the kiosk host serves at most ${max} connection(s)`);
    this.name = 'BridgeFullError';
  }
}

export function createBridgeServer({ handlers, log, translateError, limits: given }: BridgeOptions): BridgeServer {
  const limits: BridgeLimits = { ...DEFAULT_BRIDGE_LIMITS, ...given };
  const connections = new Map<number, { pipe: FramePipe; drop: () => void }>();
  let nextConnectionId = 1;

  function connect(pipe: FramePipe): () => void {
    if (connections.size >= limits.maxConnections) {
      log.warn('bridge: connection refused, too many open', { open: connections.size, max: limits.maxConnections });
      throw new BridgeFullError(limits.maxConnections);
    }
    const connectionId = nextConnectionId++;
    const inFlight = new Map<number, AbortController>();
    const send = (frame: ServerFrame): void => {
      try {
        pipe.send(JSON.stringify(frame));
      } catch (error) {
        log.warn('bridge: send failed', { connectionId, error: String(error) });
      }
    };
    const reject = (code: ApiErrorCode, message: string): void => {
      send({ type: 'rejected', error: { code, message } });
    };

    const onFrame = (text: string): void => {
      // Cheap bound first (a UTF-8 byte is at least one UTF-16 unit), exact count only when close.
      if (text.length > MAX_FRAME_BYTES || (text.length * 3 > MAX_FRAME_BYTES && Buffer.byteLength(text) > MAX_FRAME_BYTES)) {
        reject('frame-too-large', `frame exceeds ${MAX_FRAME_BYTES} bytes`);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        reject('malformed-frame', 'frame is not JSON');
        return;
      }
      const parsed = ClientFrame.safeParse(json);
      if (!parsed.success) {
        reject('malformed-frame', summarise(parsed.error));
        return;
      }
      const frame = parsed.data;
      if (frame.type === 'cancel') {
        inFlight.get(frame.id)?.abort();
        return;
      }
      if (inFlight.has(frame.id)) {
        send(resultError(frame.id, 'malformed-frame', `call id ${frame.id} is already in flight`));
        return;
      }
      if (inFlight.size >= limits.maxCallsInFlight) {
        send(resultError(frame.id, 'too-many-calls', `at most ${limits.maxCallsInFlight} calls may be in flight`));
        return;
      }
      void runCall(frame.id, frame.method, frame.params);
    };

    async function runCall(id: number, method: string, rawParams: unknown): Promise<void> {
      if (!isMethodName(method)) {
        send(resultError(id, 'unknown-method', `unknown method ${method.slice(0, 100)}`));
        return;
      }
      const spec = kioskMethods[method];
      const params = spec.params.safeParse(rawParams);
      if (!params.success) {
        send(resultError(id, 'invalid-params', summarise(params.error)));
        return;
      }
      const controller = new AbortController();
      inFlight.set(id, controller);
      try {
        const handler = handlers[method] as (p: unknown, c: CallContext) => Promise<unknown>;
        const value = await handler(params.data, { signal: controller.signal, connectionId });
        const checked = (spec.result as z.ZodType).safeParse(value);
        if (!checked.success) {
          log.error('bridge: handler returned an invalid result', { method, issues: summarise(checked.error) });
          send(resultError(id, 'invalid-result', `host returned an invalid result for ${method}`));
          return;
        }
        send({ type: 'result', id, ok: true, value: checked.data });
      } catch (error) {
        send({ type: 'result', id, ok: false, error: toErrorData(error, controller.signal, method, log, translateError) });
      } finally {
        inFlight.delete(id);
      }
    }

    const offFrame = pipe.onFrame(onFrame);
    const drop = (): void => {
      offFrame();
      offClose();
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
      connections.delete(connectionId);
    };
    const offClose = pipe.onClose(drop);
    connections.set(connectionId, { pipe, drop });
    return drop;
  }

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = kioskEvents[event].safeParse(payload);
    if (!checked.success) {
      log.error('bridge: refusing to emit an invalid event', { event, issues: summarise(checked.error) });
      return;
    }
    const text = JSON.stringify({ type: 'event', event, payload: checked.data } satisfies ServerFrame);
    for (const { pipe } of connections.values()) {
      try {
        pipe.send(text);
      } catch (error) {
        log.warn('bridge: event send failed', { event, error: String(error) });
      }
    }
  }

  return {
    connect,
    accepting: () => connections.size < limits.maxConnections,
    emit,
    connectionCount: () => connections.size,
    close: () => {
      for (const { drop } of [...connections.values()]) drop();
    },
  };
}

function resultError(id: number, code: ApiErrorCode, message: string): ServerFrame {
  return { type: 'result', id, ok: false, error: { code, message } };
}

function toErrorData(
  error: unknown,
  signal: AbortSignal,
  method: string,
  log: BridgeLog,
  translateError: BridgeOptions['translateError'],
): ApiErrorData {
  if (hasApiErrorCode(error)) {
    const detail = typeof error.detail === 'string' ? { detail: error.detail.slice(0, 100) } : {};
    return { code: error.code, message: error.message.slice(0, 500), ...detail };
  }
  const translated = translateError?.(error);
  if (translated) return translated;
  if (signal.aborted) return { code: 'cancelled', message: `${method} was cancelled` };
  log.error('bridge: handler failed unexpectedly', { method, error: error instanceof Error ? error.stack : String(error) });
  return { code: 'internal', message: `${method} failed on the host` };
}

/** A short, safe description of what failed validation: paths and messages, never the values. */
export function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
    .slice(0, 500);
}
