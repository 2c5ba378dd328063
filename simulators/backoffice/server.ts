import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { problem, type Reply, send } from './problem.js';
import { createRouter, type Faults, type Request } from './routes.js';
import { BackofficeStore } from './store.js';

/**
 * Above the largest valid `ApplicationSubmission` (captured.ts: a 1.5 MB photo, ten 400 kB finger
 * images, a 500 kB signature, base64-encoded: about 8.2 MB), so any application the schema accepts
 * can arrive; tests/integration/backoffice/completeness.test.ts sends one.
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BackofficeServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** SQLite file, or `:memory:` (the default). */
  dbPath?: string;
  clock?: () => Date;
  govPayTtlMs?: number;
  /** GovPay payments are paid as soon as the kiosk polls them (demo mode: nobody has the app). */
  govPayAutoPay?: boolean;
  /** The bearer token `/v1/_control/*` needs; a random one when absent (read it from `controlToken`). */
  controlToken?: string;
  /**
   * Serve HTTPS and require a client certificate signed by `ca` (mutual TLS, as the real gateway
   * does). A submission is then accepted only from the kiosk its certificate names (subject CN).
   */
  tls?: { key: string | Buffer; cert: string | Buffer; ca: string | Buffer };
}

export interface BackofficeServer {
  readonly url: string;
  /** For `Authorization: Bearer …` on `/v1/_control/*` (tests and testers only). */
  readonly controlToken: string;
  readonly store: BackofficeStore;
  readonly faults: Faults;
  close(): Promise<void>;
}

/**
 * The back-office simulator: the DSI and PSP systems as the kiosk sees them, an HTTP JSON server on
 * 127.0.0.1 with an embedded SQLite database of fictional residents. Started in-process by
 * `npm start` (standalone host) and by the tests, or on its own with `npm run backoffice`.
 */
export async function startBackofficeServer(options: BackofficeServerOptions = {}): Promise<BackofficeServer> {
  const store = new BackofficeStore(options.dbPath ?? ':memory:');
  const router = createRouter({ store, clock: options.clock ?? (() => new Date()), govPayTtlMs: options.govPayTtlMs ?? 5 * 60_000 });
  router.faults.govPayAutoPay = options.govPayAutoPay ?? false;
  const controlToken = options.controlToken ?? randomBytes(24).toString('hex');
  const respond = createResponder(router, controlToken);
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        send(res, problem(413, 'too-large', 'The request body is too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      void respond({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, bodyText: Buffer.concat(chunks).toString('utf8'), clientId: clientIdOf(req) }).then((reply) =>
        send(res, reply),
      );
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert, ca: options.tls.ca, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' }, handle)
    : createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    controlToken,
    store,
    faults: router.faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

/** One request as the server has read it (tests/unit/fuzz drives this directly). */
export interface RawRequest {
  method: string;
  url: string;
  headers: Request['headers'];
  bodyText: string;
  clientId: string | undefined;
}

/**
 * The request → reply function behind the HTTP server: the control token, the body's media type and
 * JSON, then the router. Whatever the request, the answer is a reply (a problem with a stable code
 * for anything wrong); an exception from the router is a 500 `internal`, which the fuzz test treats
 * as a bug.
 */
export function createResponder(router: { route(req: Request): Promise<Reply> }, controlToken: string): (raw: RawRequest) => Promise<Reply> {
  if (controlToken.length < 16) throw new RangeError('the control token must be at least 16 characters');
  const expectedToken = digest(controlToken);
  return async (raw) => {
    let path: string;
    try {
      path = new URL(raw.url, 'http://localhost').pathname;
    } catch {
      return problem(400, 'bad-request', 'The request target is not a URL path');
    }
    // Tests and testers only: what the back office holds, faults, documents made ready.
    if (path.startsWith('/v1/_control/') && !bearerMatches(raw.headers.authorization, expectedToken)) {
      return problem(401, 'unauthorised', 'The control endpoints need "Authorization: Bearer <control token>"');
    }
    let body: unknown;
    if (raw.bodyText.length > 0) {
      if (!String(raw.headers['content-type'] ?? '').startsWith('application/json')) return problem(415, 'unsupported-media-type', 'Send application/json');
      try {
        body = JSON.parse(raw.bodyText);
      } catch {
        return problem(400, 'malformed-json', 'The body is not JSON');
      }
    }
    try {
      return await router.route({ method: raw.method, path, headers: raw.headers, body, clientId: raw.clientId });
    } catch {
      return problem(500, 'internal', 'The back office failed');
    }
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function bearerMatches(authorization: string | string[] | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(typeof authorization === 'string' ? authorization : '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
}

/** The kiosk a verified client certificate names (its subject CN); undefined over plain HTTP. */
function clientIdOf(req: IncomingMessage): string | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return undefined;
  const cn = socket.getPeerCertificate().subject?.CN;
  return Array.isArray(cn) ? cn[0] : cn;
}
