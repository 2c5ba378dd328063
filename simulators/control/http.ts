import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorControls } from '../index.js';
import { controlBackoffice, proxyBackoffice, type ProxyReply } from './backoffice-proxy.js';
import type { ClockControl } from '../../electron/host/config/clock.js';
import { ClockCommand, parseDuration } from './clock-command.js';
import { applyControlCommand, ControlCommandError, lineFaultsState, snapshot } from './commands.js';
import { LaunchRefused, type ScenarioLauncher } from './scenario-launcher.js';
import { z } from 'zod';

/** `POST /control/api/scenarios/run`: one library file, as the list names it. */
const ScenarioRunRequest = z.strictObject({ file: z.string().regex(/^scenarios\/[A-Za-z0-9._-]+\.ya?ml$/, 'a file of the list, e.g. scenarios/queue-ticket-same-day.yaml') });

import { PANEL_SCRIPT, PANEL_STYLE, panelHtml } from './panel.js';

/**
 * The simulators' tester API over HTTP, mounted by the host's server under `/control`:
 *
 * - `GET /control/` — the control panel page (no token: the page itself holds no secret)
 * - `GET /control/api/state` — every simulator's state (Bearer token)
 * - `POST /control/api/command` — one control command as JSON, ≤ 16 KiB (Bearer token)
 * - `POST /control/api/clock` — `{ jumpTo: ISO }` or `{ advanceBy: "2h" }`: moves an all-simulated
 *   kiosk's clock (Bearer token; 404 `no-clock-control` when the kiosk runs on the real clock)
 * - `GET /control/api/backoffice/applications` — the back-office simulator's last applications, newest
 *   first, with what each carried; `…/applications/{id}/photo`, `…/fingers/{finger}`, `…/signature` —
 *   the pictures (Bearer token; only when the host runs the back-office simulator: backoffice-proxy.ts)
 *
 * Errors are RFC 9457 problem details (`application/problem+json`).
 */
export interface ControlHandlerOptions {
  /** The per-launch secret the CLI and the panel send as `Authorization: Bearer <token>`. */
  token: string;
  /** More of the kiosk's state for testers, merged into `GET /control/api/state` (e.g. `staff-calls`). */
  extraState?: () => Record<string, unknown>;
  /** The back-office simulator the host runs, whose received applications the panel shows (none: a real back office). */
  backofficeSimulatorUrl?: string;
  /** That simulator's control token (its `/v1/_control/*` needs one). */
  backofficeSimulatorToken?: string;
  /** The panel's scenario launcher (a checkout with the library and its runner; none in a packaged kiosk). */
  scenarios?: ScenarioLauncher;
  /** The host's clock, movable (all-simulated kiosks only: config/clock.ts); its reading joins the state as `clock`. */
  clock?: ClockControl | null;
}

export type ControlHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

export const CONTROL_PREFIX = '/control';
export const MAX_BODY_BYTES = 16 * 1024;

export function createControlHandler(controls: SimulatorControls, options: ControlHandlerOptions): ControlHandler {
  if (options.token.length < 16) throw new RangeError('the control token must be at least 16 characters');
  const expected = digest(options.token);
  const html = panelHtml();
  const csp = [
    "default-src 'none'",
    `script-src '${hashSource(PANEL_SCRIPT)}'`,
    `style-src '${hashSource(PANEL_STYLE)}'`,
    "connect-src 'self'",
    // The captured pictures arrive by fetch (with the token) and are shown as blob: URLs.
    'img-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

  const authorised = (request: IncomingMessage): boolean => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    // Compare digests so the comparison takes the same time whatever the length.
    return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
  };

  return (request, response) => {
    const path = pathOf(request.url);
    if (path !== CONTROL_PREFIX && !path.startsWith(`${CONTROL_PREFIX}/`)) return false;
    const method = request.method ?? 'GET';

    if (path === CONTROL_PREFIX) {
      response.writeHead(308, { Location: `${CONTROL_PREFIX}/`, 'Cache-Control': 'no-store' }).end();
      return true;
    }
    if (path === `${CONTROL_PREFIX}/`) {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(response, 'GET, HEAD');
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': csp,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      response.end(method === 'HEAD' ? undefined : html);
      return true;
    }
    if (path === `${CONTROL_PREFIX}/api/state`) {
      if (method !== 'GET') return methodNotAllowed(response, 'GET');
      if (!authorised(request)) return unauthorised(response);
      sendJson(response, 200, {
        ...snapshot(controls),
        ...options.extraState?.(),
        ...(options.clock ? { clock: options.clock.state() } : {}),
        lineFaults: lineFaultsState(controls),
      });
      return true;
    }
    if (path === `${CONTROL_PREFIX}/api/scenarios` || path === `${CONTROL_PREFIX}/api/scenarios/run`) {
      const run = path.endsWith('/run');
      if (method !== (run ? 'POST' : 'GET')) return methodNotAllowed(response, run ? 'POST' : 'GET');
      if (!authorised(request)) return unauthorised(response);
      const launcher = options.scenarios;
      if (!launcher) {
        sendProblem(response, 404, 'no-scenario-launcher', 'No scenario launcher', 'this kiosk was not started from a checkout with the scenario library (run scenarios with npm run scenario)');
        return true;
      }
      if (!run) {
        sendJson(response, 200, { files: launcher.list(), run: launcher.run() });
        return true;
      }
      handleJson(request, response, (input) => {
        const parsed = ScenarioRunRequest.safeParse(input);
        if (!parsed.success) throw new ControlCommandError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
        try {
          sendJson(response, 202, { ok: true, run: launcher.start(parsed.data.file) });
        } catch (error) {
          if (!(error instanceof LaunchRefused)) throw error;
          sendProblem(response, error.status, error.code, error.status === 404 ? 'No such scenario' : 'Cannot run now', error.message);
        }
      }, { async: true });
      return true;
    }
    if (path === `${CONTROL_PREFIX}/api/command`) {
      if (method !== 'POST') return methodNotAllowed(response, 'POST');
      if (!authorised(request)) return unauthorised(response);
      handleCommand(controls, request, response);
      return true;
    }
    if (path === `${CONTROL_PREFIX}/api/clock`) {
      if (method !== 'POST') return methodNotAllowed(response, 'POST');
      if (!authorised(request)) return unauthorised(response);
      const clock = options.clock;
      if (!clock) {
        sendProblem(response, 404, 'no-clock-control', 'No clock control', 'this kiosk runs on the real clock (a real device or back office is configured)');
        return true;
      }
      handleJson(request, response, (input) => {
        const parsed = ClockCommand.safeParse(input);
        if (!parsed.success) throw new ControlCommandError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
        if ('jumpTo' in parsed.data) clock.jumpTo(new Date(parsed.data.jumpTo));
        else clock.advanceBy(parseDuration(parsed.data.advanceBy)!);
        return { ok: true, clock: clock.state() };
      });
      return true;
    }
    if (path === `${CONTROL_PREFIX}/api/printed`) {
      if (method !== 'GET') return methodNotAllowed(response, 'GET');
      if (!authorised(request)) return unauthorised(response);
      // The printed-receipt viewer: the last receipts as the paper reads them, newest first.
      const all = controls['receipt-printer'].printed();
      const shown = all.map((p, index) => ({ p, index })).slice(-PRINTED_SHOWN).reverse();
      // Each with the paper as a PNG: its index in the printer's list, and its time so a cleared list never shows an old picture.
      sendJson(response, 200, {
        receipts: shown.map(({ p, index }) => ({ at: new Date(p.at).toISOString(), text: p.text, png: `${CONTROL_PREFIX}/api/printed/${index}.png?at=${p.at}` })),
      });
      return true;
    }
    const printedPng = /^\/api\/printed\/(\d{1,6})\.png$/.exec(path.slice(CONTROL_PREFIX.length));
    if (printedPng) {
      if (method !== 'GET') return methodNotAllowed(response, 'GET');
      if (!authorised(request)) return unauthorised(response);
      const printed = controls['receipt-printer'].printed()[Number(printedPng[1])];
      if (!printed) {
        sendProblem(response, 404, 'no-such-receipt', 'No such receipt', 'nothing was printed at that place in the list (cleared?)');
        return true;
      }
      // The receipt renderer (ESC/POS, QR, sharp) loads with the first receipt asked for, not at the host's start.
      void import('../receipt-printer/paper-png.js').then(({ receiptPng }) => receiptPng(printed.receipt)).then(
        (png) => response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end(png),
        (error: unknown) => sendProblem(response, 500, 'render-failed', 'The receipt could not be drawn', String(error).slice(0, 200)),
      );
      return true;
    }
    const backofficeControlPath = path.startsWith(BACKOFFICE_PREFIX) ? path.slice(BACKOFFICE_PREFIX.length) : '';
    if (backofficeControlPath === '/faults' || backofficeControlPath.startsWith('/govpay/')) {
      if (!authorised(request)) return unauthorised(response);
      if (!options.backofficeSimulatorUrl) {
        sendProblem(response, 404, 'no-backoffice-simulator', 'No back-office simulator', 'this kiosk talks to a real back office');
        return true;
      }
      const url = options.backofficeSimulatorUrl;
      const forward = (body: unknown) =>
        void controlBackoffice(url, method === 'POST' ? 'POST' : 'GET', backofficeControlPath, body, { controlToken: options.backofficeSimulatorToken }).then((reply) => sendProxied(response, reply));
      if (method === 'GET') forward(undefined);
      else if (method === 'POST') handleJson(request, response, (input) => forward(input), { async: true });
      else return methodNotAllowed(response, 'GET, POST');
      return true;
    }
    if (path.startsWith(BACKOFFICE_PREFIX)) {
      if (method !== 'GET') return methodNotAllowed(response, 'GET');
      if (!authorised(request)) return unauthorised(response);
      if (!options.backofficeSimulatorUrl) {
        sendProblem(response, 404, 'no-backoffice-simulator', 'No back-office simulator', 'this kiosk talks to a real back office');
        return true;
      }
      void proxyBackoffice(options.backofficeSimulatorUrl, path.slice(BACKOFFICE_PREFIX.length), { controlToken: options.backofficeSimulatorToken }).then((reply) => sendProxied(response, reply));
      return true;
    }
    sendProblem(response, 404, 'not-found', 'Not found', `${path} is not part of the control API`);
    return true;
  };
}

const BACKOFFICE_PREFIX = `${CONTROL_PREFIX}/api/backoffice`;
/** How many printed receipts the viewer gets. */
const PRINTED_SHOWN = 10;

function sendProxied(response: ServerResponse, reply: ProxyReply): void {
  if (reply.kind === 'json') return sendJson(response, 200, reply.body);
  if (reply.kind === 'problem') return sendProblem(response, reply.status, reply.slug, reply.title, reply.detail);
  response.writeHead(200, { 'Content-Type': reply.contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(reply.bytes);
}

function handleCommand(controls: SimulatorControls, request: IncomingMessage, response: ServerResponse): void {
  handleJson(request, response, (input) => applyControlCommand(controls, input));
}

/** A JSON body (≤ MAX_BODY_BYTES) given to `apply`; its answer is sent as JSON, its refusal as a 400 problem. */
function handleJson(request: IncomingMessage, response: ServerResponse, apply: (input: unknown) => unknown, options: { async?: boolean } = {}): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    sendProblem(response, 415, 'unsupported-media-type', 'Unsupported media type', 'send the command as application/json');
    request.resume();
    return;
  }
  readBody(request, MAX_BODY_BYTES).then(
    (body) => {
      if (body === null) {
        sendProblem(response, 413, 'too-large', 'Content too large', `a command is at most ${MAX_BODY_BYTES} bytes`, {
          Connection: 'close',
        });
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        sendProblem(response, 400, 'invalid-json', 'Invalid JSON', 'the request body is not valid JSON');
        return;
      }
      try {
        const answer = apply(parsed);
        // An async handler answers by itself (a forwarded request).
        if (!options.async) sendJson(response, 200, answer);
      } catch (error) {
        if (error instanceof ControlCommandError || error instanceof RangeError || error instanceof TypeError) {
          sendProblem(response, 400, 'invalid-command', 'Invalid control command', error.message);
        } else {
          sendProblem(response, 500, 'internal', 'Internal error', 'the simulator failed to apply the command');
        }
      }
    },
    () => {
      if (!response.headersSent) sendProblem(response, 400, 'bad-request', 'Bad request', 'the request body could not be read');
    },
  );
}

/** The body as UTF-8, or null once it exceeds `limit` bytes (the rest is not buffered). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > limit) {
    request.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Uint8Array) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

function sendProblem(
  response: ServerResponse,
  status: number,
  slug: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(JSON.stringify({ type: `urn:dsi-kiosk:problem:${slug}`, title, status, detail }));
}

function unauthorised(response: ServerResponse): true {
  sendProblem(response, 401, 'unauthorised', 'Unauthorised', 'send the control token as "Authorization: Bearer <token>"', {
    'WWW-Authenticate': 'Bearer realm="kiosk-simulators"',
  });
  return true;
}

function methodNotAllowed(response: ServerResponse, allow: string): true {
  sendProblem(response, 405, 'method-not-allowed', 'Method not allowed', `use ${allow}`, { Allow: allow });
  return true;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A CSP source allowing exactly this inline script or style. */
function hashSource(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
