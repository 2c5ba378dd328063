import type { FramePipe } from '../../shared/kiosk-api/protocol.js';

/** Two connected in-memory FramePipe ends, delivering asynchronously like a real transport. */
export function createPipePair(): { client: FramePipe; server: FramePipe; close(): void; sentByClient: string[] } {
  const toServer = new Set<(frame: string) => void>();
  const toClient = new Set<(frame: string) => void>();
  const closeListeners = new Set<() => void>();
  const sentByClient: string[] = [];
  let closed = false;
  const end = (from: Set<(frame: string) => void>, to: Set<(frame: string) => void>, record?: string[]): FramePipe => ({
    send: (frame) => {
      if (closed) return;
      record?.push(frame);
      queueMicrotask(() => to.forEach((listener) => listener(frame)));
    },
    onFrame: (listener) => {
      from.add(listener);
      return () => from.delete(listener);
    },
    onClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  });
  return {
    client: end(toClient, toServer, sentByClient),
    server: end(toServer, toClient),
    sentByClient,
    close: () => {
      closed = true;
      closeListeners.forEach((listener) => listener());
    },
  };
}
