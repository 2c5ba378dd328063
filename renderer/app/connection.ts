import { createKioskApi } from '../../electron/shared/kiosk-api/client.js';
import { useKiosk } from '../state/kiosk-store.js';
import { electronPipe, takeLaunchToken, webSocketPipe } from './pipes.js';

/**
 * Connects the renderer to the kiosk host and keeps it connected: when the host goes away the
 * screen says so, and the renderer retries until it is back.
 */
const RETRY_MS = 2000;

export function startConnection(): void {
  void connect();
}

async function connect(): Promise<void> {
  try {
    const pipe = window.kiosk ? electronPipe(window.kiosk) : await browserPipe();
    const connected = createKioskApi(pipe);
    const info = await connected.kiosk.info({});
    if (!info.ok) throw new Error(info.error.code);
    connected.onDisconnect(() => {
      useKiosk.getState().disconnected();
      setTimeout(() => void connect(), RETRY_MS);
    });
    useKiosk.getState().connected(connected, info.value);
  } catch (error) {
    useKiosk.getState().disconnected(error instanceof Error && error.message === 'no-token' ? 'no-token' : 'unreachable');
    setTimeout(() => void connect(), RETRY_MS);
  }
}

async function browserPipe() {
  const token = takeLaunchToken();
  if (!token) throw new Error('no-token');
  return webSocketPipe(token);
}
