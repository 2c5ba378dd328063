import WebSocket from 'ws';
import type { FramePipe } from '../../electron/shared/kiosk-api/protocol.js';

/** Connects to a browser-mode host as a page would; resolves with the socket once open. */
export function openKioskSocket(origin: string, options: { token?: string; originHeader?: string } = {}): Promise<WebSocket> {
  const protocols = ['kiosk.v1', ...(options.token ? [`token.${options.token}`] : [])];
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/kiosk`, protocols, { origin: options.originHeader ?? origin });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

export function socketPipe(socket: WebSocket): FramePipe {
  return {
    send: (frame) => socket.send(frame),
    onFrame: (listener) => {
      const handler = (data: WebSocket.RawData) => listener(data.toString());
      socket.on('message', handler);
      return () => socket.off('message', handler);
    },
    onClose: (listener) => {
      socket.on('close', listener);
      return () => socket.off('close', listener);
    },
  };
}

/** Sends one raw text frame and resolves with the next frame the host sends back. */
export function exchange(socket: WebSocket, frame: string): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString())));
    socket.send(frame);
  });
}
