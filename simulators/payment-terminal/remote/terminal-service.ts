import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { isDeviceError } from '../../../devices/errors.js';
import { SimulatedPaymentTerminal } from '../simulated-payment-terminal.js';
import { PlannedOutcomeWire, ReferenceBody, SaleBody } from './protocol.js';

export interface TerminalService {
  readonly url: string;
  readonly terminal: SimulatedPaymentTerminal;
  close(): Promise<void>;
}

/**
 * The simulated payment terminal in a process of its own, behind the loopback protocol. A sale
 * whose caller disappears (the host was killed) runs to its end, and the ledger keeps the truth
 * for the next `enquire`, as a real terminal does. `/control/*` queues outcomes and lists sales.
 */
export async function startTerminalService(options: { port?: number; delayMs?: number } = {}): Promise<TerminalService> {
  const terminal = new SimulatedPaymentTerminal({ delayMs: options.delayMs ?? 0, paymentDefault: 'approve' });
  await terminal.open();
  const inFlight = new Map<string, AbortController>();

  const server = createServer((req, res) => {
    void readJson(req).then(async (body) => {
      try {
        await handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname, body, res);
      } catch (error) {
        if (isDeviceError(error)) reply(res, 409, { error: { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) } });
        else reply(res, 400, { error: { code: 'protocol', message: error instanceof Error ? error.message : 'bad request' } });
      }
    });
  });

  async function handle(method: string, path: string, body: unknown, res: ServerResponse): Promise<void> {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /status':
        return reply(res, 200, terminal.status());
      case 'GET /capabilities':
        return reply(res, 200, terminal.capabilities());
      case 'POST /sale': {
        const sale = parse(SaleBody, body);
        // Deliberately not tied to the HTTP request: a vanished caller does not stop a real terminal.
        const controller = new AbortController();
        inFlight.set(sale.reference, controller);
        try {
          return reply(res, 200, await terminal.sale(sale, controller.signal));
        } finally {
          inFlight.delete(sale.reference);
        }
      }
      case 'POST /abort': {
        const { reference } = parse(ReferenceBody, body);
        inFlight.get(reference)?.abort();
        return reply(res, 200, {});
      }
      case 'POST /enquire':
        return reply(res, 200, await terminal.enquire(parse(ReferenceBody, body).reference));
      case 'POST /void':
        return reply(res, 200, await terminal.void(parse(ReferenceBody, body).reference));
      case 'POST /control/queue':
        terminal.control.queueOutcome(parse(PlannedOutcomeWire, body));
        return reply(res, 200, {});
      case 'POST /control/clear':
        terminal.control.clearQueue();
        return reply(res, 200, {});
      case 'GET /control/transactions':
        return reply(res, 200, { transactions: terminal.control.transactions() });
      default:
        return reply(res, 404, { error: { code: 'not-found', message: route } });
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    terminal,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => void terminal.close().then(resolve));
      }),
  };
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return schema.parse(body);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return; // the caller is gone; the ledger already has the truth
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const portArg = process.argv.indexOf('--port');
  startTerminalService({ port: portArg >= 0 ? Number(process.argv[portArg + 1]) : 0 })
    .then((service) => {
      process.stdout.write(JSON.stringify({ event: 'listening', url: service.url }) + '\n');
      process.on('SIGTERM', () => void service.close().then(() => process.exit(0)));
    })
    .catch((error: unknown) => {
      process.stderr.write(`terminal service failed: ${String(error)}\n`);
      process.exit(1);
    });
}
