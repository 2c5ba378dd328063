import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { type FramePipe, MAX_FRAME_BYTES } from './protocol.js';
import type { BridgeServer } from './server.js';

/** The subprotocol the renderer asks for; the token travels as a second `token.<hex>` entry. */
export const KIOSK_SUBPROTOCOL = 'kiosk.v1';
export const KIOSK_WS_PATH = '/kiosk';

export interface WsTransportOptions {
  bridge: BridgeServer;
  /** The per-launch secret; a connection without it is refused before the upgrade. */
  token: string;
  /** Origins allowed to connect (the host's own page), e.g. `http://127.0.0.1:5173`. */
  allowedOrigins: () => readonly string[];
  log: { warn(message: string, fields?: Record<string, unknown>): void };
}

/**
 * Browser mode's transport of KioskApi: a WebSocket on the host's loopback HTTP server. Frames
 * over the bridge's limit still reach the bridge (which answers with a typed error and keeps the
 * connection); only absurd ones (4× the limit) make `ws` close the socket.
 */
export function createWsTransport(options: WsTransportOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES * 4,
    handleProtocols: (protocols) => (protocols.has(KIOSK_SUBPROTOCOL) ? KIOSK_SUBPROTOCOL : false),
  });

  function refuse(socket: Duplex, status: number, reason: string, request: IncomingMessage): void {
    options.log.warn('kiosk websocket refused', { reason, origin: request.headers.origin ?? null });
    socket.write(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  }

  /** Handles an HTTP upgrade; returns false when the path is not ours. */
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== KIOSK_WS_PATH) return false;
    const origin = request.headers.origin;
    if (!origin || !options.allowedOrigins().includes(origin)) {
      refuse(socket, 403, 'origin', request);
      return true;
    }
    const offered = String(request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((entry) => entry.trim());
    const tokenEntry = offered.find((entry) => entry.startsWith('token.'));
    if (!tokenEntry || !sameSecret(tokenEntry.slice('token.'.length), options.token)) {
      refuse(socket, 401, 'token', request);
      return true;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      options.bridge.connect(pipeOf(ws));
    });
    return true;
  }

  return {
    handleUpgrade,
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

function pipeOf(ws: WebSocket): FramePipe {
  return {
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(frame);
    },
    onFrame: (listener) => {
      const handler = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void => {
        // Binary frames are not part of the protocol; hand them on as text so the bridge rejects them.
        const text = isBinary ? '\u0000binary' : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8');
        listener(text);
      };
      ws.on('message', handler);
      return () => ws.off('message', handler);
    },
    onClose: (listener) => {
      ws.on('close', listener);
      return () => ws.off('close', listener);
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
