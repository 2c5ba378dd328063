import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { problem, send } from './problem.js';
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
}

export interface BackofficeServer {
  readonly url: string;
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
  const server: Server = createServer((req, res) => {
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
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      if (text.length > 0) {
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          send(res, problem(415, 'unsupported-media-type', 'Send application/json'));
          return;
        }
        try {
          body = JSON.parse(text);
        } catch {
          send(res, problem(400, 'malformed-json', 'The body is not JSON'));
          return;
        }
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const request: Request = { method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body };
      router.route(request).then(
        (reply) => send(res, reply),
        () => send(res, problem(500, 'internal', 'The back office failed')),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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

/** `npm run backoffice [-- --port N --db FILE --govpay-auto-pay]`: prints one JSON line with its URL. */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const server = await startBackofficeServer({
    port: Number(arg('--port') ?? process.env.BACKOFFICE_PORT ?? 0),
    dbPath: arg('--db') ?? ':memory:',
    govPayAutoPay: argv.includes('--govpay-auto-pay'),
  });
  process.stdout.write(JSON.stringify({ event: 'listening', url: server.url }) + '\n');
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`back office failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
