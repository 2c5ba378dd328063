import type { z } from 'zod';
import type { ApiErrorCode, ApiResult } from './errors.js';
import {
  type EventName,
  type EventPayload,
  isEventName,
  kioskEvents,
  kioskMethods,
  type MethodName,
  type ParamsIn,
  type ResultOf,
} from './contract.js';
import { type FramePipe, ServerFrame } from './protocol.js';

/**
 * The renderer's side of KioskApi: a typed proxy over a FramePipe. Pure (no DOM, no Node), so it
 * runs in the renderer, in tests and in Node tools alike.
 */

export interface CallOptions {
  /** Aborting sends a `cancel` frame; the call resolves at once with `cancelled`. */
  signal?: AbortSignal;
}

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;
type MethodFn<M extends MethodName> = (params: ParamsIn<M>, options?: CallOptions) => Promise<ApiResult<ResultOf<M>>>;

export type KioskApi = {
  readonly [N in Namespace]: {
    readonly [M in MethodName as M extends `${N}.${infer Verb}` ? Verb : never]: MethodFn<M>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Called when the pipe closes; calls in flight have already resolved with `disconnected`. */
  onDisconnect(listener: () => void): () => void;
};

interface Pending {
  method: MethodName;
  settle: (result: ApiResult<unknown>) => void;
}

export function createKioskApi(pipe: FramePipe): KioskApi {
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const disconnectListeners = new Set<() => void>();
  let nextId = 1;
  let closed = false;

  pipe.onFrame((text) => {
    let frame: ServerFrame;
    try {
      const parsed = ServerFrame.safeParse(JSON.parse(text));
      if (!parsed.success) return;
      frame = parsed.data;
    } catch {
      return; // the host never sends non-JSON; a broken frame is dropped, not fatal
    }
    if (frame.type === 'event') {
      if (!isEventName(frame.event)) return;
      const payload = kioskEvents[frame.event].safeParse(frame.payload);
      if (!payload.success) return;
      for (const listener of listeners.get(frame.event) ?? []) listener(payload.data as never);
      return;
    }
    if (frame.type === 'rejected') return; // our own frames are well-formed; nothing to settle
    const call = pending.get(frame.id);
    if (!call) return;
    pending.delete(frame.id);
    if (!frame.ok) {
      call.settle({ ok: false, error: frame.error });
      return;
    }
    const value = (kioskMethods[call.method].result as z.ZodType).safeParse(frame.value);
    call.settle(
      value.success
        ? { ok: true, value: value.data }
        : { ok: false, error: { code: 'invalid-result', message: `host sent an invalid result for ${call.method}` } },
    );
  });

  pipe.onClose(() => {
    closed = true;
    for (const call of pending.values()) call.settle(failure('disconnected', 'connection to the kiosk host closed'));
    pending.clear();
    for (const listener of disconnectListeners) listener();
  });

  function call(method: MethodName, params: unknown, options: CallOptions = {}): Promise<ApiResult<unknown>> {
    if (closed) return Promise.resolve(failure('disconnected', 'connection to the kiosk host is closed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve(failure('cancelled', `${method} was cancelled`));
    const id = nextId++;
    return new Promise((resolve) => {
      const onAbort = (): void => {
        if (!pending.delete(id)) return;
        pipe.send(JSON.stringify({ type: 'cancel', id }));
        resolve(failure('cancelled', `${method} was cancelled`));
      };
      pending.set(id, {
        method,
        settle: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      pipe.send(JSON.stringify({ type: 'call', id, method, params }));
    });
  }

  const api: Record<string, unknown> = {
    on(event: EventName, listener: (payload: never) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onDisconnect(listener: () => void): () => void {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
  };
  for (const method of Object.keys(kioskMethods) as MethodName[]) {
    const [namespace, verb] = method.split('.') as [string, string];
    const group = (api[namespace] ??= {}) as Record<string, unknown>;
    group[verb] = (params: unknown, options?: CallOptions) => call(method, params, options);
  }
  return api as KioskApi;
}

function failure(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
