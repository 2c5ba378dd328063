import type { FramePipe } from '../../electron/shared/kiosk-api/protocol.js';
import type { KioskPreloadApi } from '../../electron/preload/api.js';

/**
 * The two ways to reach the kiosk host. Both yield the same FramePipe, so the KioskApi built on
 * top cannot tell which one carries it.
 */

declare global {
  interface Window {
    /** Present inside Electron, exposed by the preload through contextBridge. */
    kiosk?: KioskPreloadApi;
  }
}

export function electronPipe(kiosk: KioskPreloadApi): FramePipe {
  return {
    send: (frame) => kiosk.send(frame),
    onFrame: (listener) => kiosk.onFrame(listener),
    onClose: (listener) => kiosk.onClose(listener),
  };
}

const TOKEN_KEY = 'kiosk.token';

/** Takes the per-launch token from the URL fragment once, and keeps it for reloads of this tab. */
export function takeLaunchToken(): string | undefined {
  const match = /(?:^#|&)token=([0-9a-f]{16,128})(?:&|$)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** Opens the browser-mode WebSocket; resolves once open, rejects if it cannot connect. */
export function webSocketPipe(token: string): Promise<FramePipe> {
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/kiosk`;
  const socket = new WebSocket(url, ['kiosk.v1', `token.${token}`]);
  return new Promise((resolve, reject) => {
    socket.addEventListener('error', () => reject(new Error('kiosk host unreachable')), { once: true });
    socket.addEventListener(
      'open',
      () =>
        resolve({
          send: (frame) => {
            if (socket.readyState === WebSocket.OPEN) socket.send(frame);
          },
          onFrame: (listener) => {
            const handler = (event: MessageEvent): void => {
              if (typeof event.data === 'string') listener(event.data);
            };
            socket.addEventListener('message', handler);
            return () => socket.removeEventListener('message', handler);
          },
          onClose: (listener) => {
            socket.addEventListener('close', listener);
            return () => socket.removeEventListener('close', listener);
          },
        }),
      { once: true },
    );
  });
}
