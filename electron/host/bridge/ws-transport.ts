import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ApiErrorCode } from '../../shared/kiosk-api/errors.js';
import { MAX_FRAME_BYTES, type ServerFrame } from '../../shared/kiosk-api/protocol.js';
import type { BridgeConnector, ClosablePipe } from './bridge-when-ready.js';

/** The subprotocol the renderer asks for; the token travels as a second `token.<hex>` entry. */
export const KIOSK_SUBPROTOCOL = 'kiosk.v1';
export const KIOSK_WS_PATH = '/kiosk';

export interface WsTransportOptions {
  /** The host's bridge, or what holds connections until the host is ready (bridge-when-ready.ts). */
  bridge: BridgeConnector;
  /** The per-launch secret; a connection without it is refused before the upgrade. */
  token: string;
  /** Origins allowed to connect (the host's own page), e.g. `http://127.0.0.1:5173`. */
  allowedOrigins: () => readonly string[];
  log: { warn(message: string, fields?: Record<string, unknown>): void };
}

/** What `ws` itself buffers of one message: beyond it the socket closes with 1009 before the bridge sees anything. */
export const MAX_WS_MESSAGE_BYTES = MAX_FRAME_BYTES * 4;

/**
 * Browser mode's transport of KioskApi: a WebSocket on the host's loopback HTTP server. Frames
 * over the bridge's limit still reach the bridge (which answers with a typed error and keeps the
 * connection). What the bridge cannot be shown ends the connection, never the host: a frame of
 * invalid UTF-8 is answered `malformed-frame` and closed (1007); a message over
 * `MAX_WS_MESSAGE_BYTES` (1009) and any other WebSocket protocol error close the socket, logged
 * with their typed code. Every socket has an `'error'` listener: without one, `ws` re-throws the
 * error as an uncaught exception and the whole host goes down.
 */
export function createWsTransport(options: WsTransportOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_WS_MESSAGE_BYTES,
    // Checked here instead (strict decoder): an invalid frame gets a typed answer before the close.
    skipUTF8Validation: true,
    handleProtocols: (protocols) => (protocols.has(KIOSK_SUBPROTOCOL) ? KIOSK_SUBPROTOCOL : false),
  });
  wss.on('error', (error) => options.log.warn('kiosk websocket server error', { error: String(error) }));

  function refuse(socket: Duplex, status: 401 | 403 | 503, reason: string, request: IncomingMessage): void {
    options.log.warn('kiosk websocket refused', { reason, origin: request.headers.origin ?? null });
    const text = { 401: 'Unauthorized', 403: 'Forbidden', 503: 'Service Unavailable' }[status];
    socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  }

  /** Handles an HTTP upgrade; returns false when the path is not ours. */
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (pathOf(request.url) !== KIOSK_WS_PATH) return false;
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
    // One renderer page in service: a second connection is refused before the upgrade (the page retries).
    if (!options.bridge.accepting()) {
      refuse(socket, 503, 'connections', request);
      return true;
    }
    // Errors on the raw socket before or during the upgrade (a reset, garbage) end that socket only.
    socket.on('error', (error) => options.log.warn('kiosk websocket: socket error', { error: errorCode(error) }));
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error) => {
        // `ws` has already closed the socket with the matching status (1007, 1009, 1002).
        options.log.warn('kiosk websocket closed on a protocol error', { code: typedCode(error), wsCode: errorCode(error) });
      });
      try {
        options.bridge.connect(pipeOf(ws, options.log));
      } catch (error) {
        // Full since the check above (two upgrades at once): close, and the page retries.
        options.log.warn('kiosk websocket: bridge refused the connection', { error: String(error) });
        ws.close(1013, 'try-again-later');
      }
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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function pipeOf(ws: WebSocket, log: WsTransportOptions['log']): ClosablePipe {
  return {
    // Turned away after the upgrade (a held connection over its limits): the page retries.
    close: () => ws.close(1013, 'try-again-later'),
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(frame);
    },
    onFrame: (listener) => {
      const handler = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void => {
        // Binary frames are not part of the protocol; hand them on as text so the bridge rejects them.
        if (isBinary) return listener('\u0000binary');
        const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        let text: string;
        try {
          text = strictUtf8.decode(bytes);
        } catch {
          log.warn('kiosk websocket closed on a protocol error', { code: 'malformed-frame', wsCode: 'invalid-utf8' });
          const rejected: ServerFrame = { type: 'rejected', error: { code: 'malformed-frame', message: 'the frame is not valid UTF-8' } };
          ws.send(JSON.stringify(rejected));
          ws.close(1007, 'malformed-frame');
          return;
        }
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

/** The request target's path; a target that is not a URL path (`//[`) is nobody's, never an exception. */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return undefined;
  }
}

/** The KioskApi code a WebSocket protocol error stands for (`ws` sets `code` on its errors). */
function typedCode(error: unknown): ApiErrorCode {
  return errorCode(error) === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'frame-too-large' : 'malformed-frame';
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code.slice(0, 64) : 'unknown';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
