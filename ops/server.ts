import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { z } from 'zod';
import { ALL_KIOSKS, CommandBody, CommandMessage, commandTopic, FLEET_CONTRACT_VERSION, FleetMessageError, KioskId, parseKioskMessage } from '../fleet/contract.js';
import { FleetView } from './fleet-view.js';
import { dashboardPage } from './page.js';

export interface OpsServerOptions {
  brokerUrl: string;
  username: string;
  password?: string | undefined;
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer } | undefined;
  /** 0 picks a free port. Always 127.0.0.1: a reverse proxy with the bureau's sign-on fronts it in production. */
  port?: number;
  /** The page's bearer token; random when absent. */
  token?: string;
  /** The operator named in commands and the kiosks' audit trails. */
  operator?: string;
  /** The broker session's id; one per dashboard instance. */
  clientId?: string;
  onWarn?: (message: string, fields: Record<string, unknown>) => void;
}

export interface OpsServer {
  origin: string;
  /** The page, with its token in the fragment (never sent to a server log). */
  url: string;
  token: string;
  view: FleetView;
  /** Resolves once the broker has acknowledged the subscription. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** What the page posts: a command body for one kiosk (fleet/contract.ts). */
const CommandRequest = z.strictObject({ command: CommandBody });

/**
 * The operations dashboard service (`npm run ops`): subscribes to every kiosk's topics, folds them
 * into a FleetView, and serves the live page (Server-Sent Events) and the commands back to a kiosk.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const operator = options.operator ?? options.username;
  const view = new FleetView();
  const streams = new Set<ServerResponse>();
  const client: MqttClient = mqtt.connect(options.brokerUrl, {
    // A persistent session: the broker keeps what arrives while the dashboard reconnects (a broker restart).
    clientId: options.clientId ?? 'ops-dashboard',
    clean: false,
    username: options.username,
    ...(options.password !== undefined ? { password: options.password } : {}),
    protocolVersion: 4,
    reconnectPeriod: 500,
    ...(options.tls ? { ...options.tls, rejectUnauthorized: true } : {}),
  });
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  client.on('connect', () => client.subscribe(ALL_KIOSKS, { qos: 1 }, () => resolveReady()));
  client.on('error', (error) => options.onWarn?.('ops: broker connection error', { error: error.message }));
  client.on('message', (topic, payload) => {
    let change;
    try {
      change = view.apply(parseKioskMessage(topic, payload));
    } catch (error) {
      view.stats.invalid++;
      options.onWarn?.('ops: message refused', { topic, code: error instanceof FleetMessageError ? error.code : 'internal' });
      return;
    }
    if (!change) return;
    const frame = `data: ${JSON.stringify({ type: 'change', ...change, stats: view.stats })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const authorised = (request: IncomingMessage, url: URL): boolean => {
    const given = request.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('token') ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.setHeader('Cache-Control', 'no-store');
    if (request.method === 'GET' && url.pathname === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" });
      response.end(dashboardPage());
      return;
    }
    if (!url.pathname.startsWith('/api/')) return send(response, 404, { error: 'not-found' });
    if (!authorised(request, url)) return send(response, 401, { error: 'unauthorised' });
    if (request.method === 'GET' && url.pathname === '/api/fleet') return send(response, 200, view.snapshot());
    if (request.method === 'GET' && url.pathname === '/api/stream') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      response.write(`data: ${JSON.stringify({ type: 'snapshot', snapshot: view.snapshot() })}\n\n`);
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    const command = /^\/api\/kiosks\/([^/]+)\/commands$/.exec(url.pathname);
    if (request.method === 'POST' && command) {
      void readJson(request).then((body) => {
        const kioskId = KioskId.safeParse(decodeURIComponent(command[1]!));
        const parsed = CommandRequest.safeParse(body);
        if (!kioskId.success || !parsed.success) return send(response, 400, { error: 'invalid-command' });
        const message = CommandMessage.parse({
          v: FLEET_CONTRACT_VERSION,
          commandId: randomUUID().replaceAll('-', ''),
          kioskId: kioskId.data,
          by: operator,
          issuedAt: new Date().toISOString(),
          command: parsed.data.command,
        });
        client.publish(commandTopic(kioskId.data), JSON.stringify(message), { qos: 1 }, (error) => {
          if (error) send(response, 503, { error: 'broker-unavailable' });
          else send(response, 202, { commandId: message.commandId });
        });
      }, () => send(response, 400, { error: 'invalid-command' }));
      return;
    }
    send(response, 404, { error: 'not-found' });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    view,
    ready,
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.endAsync(true);
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
