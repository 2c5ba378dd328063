import { z } from 'zod';
import { ApiErrorData } from './errors.js';

/**
 * The wire frames of KioskApi. Both transports (Electron IPC and the browser-mode WebSocket)
 * carry the same JSON text frames, so one engine on each side serves both and the renderer
 * cannot tell them apart.
 */

/** Frames larger than this are refused before parsing; no legitimate message comes close. */
export const MAX_FRAME_BYTES = 256 * 1024;

const CallId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Renderer → host. */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: CallId, method: z.string().max(100), params: z.unknown() }),
  /** Aborts the call's AbortSignal on the host: cancellation crosses the boundary explicitly. */
  z.object({ type: z.literal('cancel'), id: CallId }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** Host → renderer. */
// A plain union: two variants share `type: 'result'` (told apart by `ok`).
export const ServerFrame = z.union([
  z.object({ type: z.literal('result'), id: CallId, ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('result'), id: CallId, ok: z.literal(false), error: ApiErrorData }),
  /** A frame the host could not attribute to a call (malformed, oversized). */
  z.object({ type: z.literal('rejected'), error: ApiErrorData }),
  z.object({ type: z.literal('event'), event: z.string().max(100), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** One end of a text-frame pipe: what a transport gives the protocol engines. */
export interface FramePipe {
  send(frame: string): void;
  /** Returns a function that removes the listener. */
  onFrame(listener: (frame: string) => void): () => void;
  onClose(listener: () => void): () => void;
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}
