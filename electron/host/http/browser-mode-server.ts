import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClockControl } from '../config/clock.js';
import { bridgeWhenReady } from '../bridge/bridge-when-ready.js';
import { bridgeLimitsOf } from '../bridge/limits.js';
import { createWsTransport, KIOSK_WS_PATH } from '../bridge/ws-transport.js';
import type { HostConfig } from '../config/schema.js';
import type { KioskHost } from '../kiosk-host.js';
import { controlApiEnabled } from '../config/test-mode.js';
import type { Logger } from '../log.js';
import type { ControlHandler } from '../../../simulators/control/http.js';
import { createStaticHandler } from './static-files.js';

export interface BrowserModeServer {
  /** Open this in a browser: the page, with the per-launch token in the fragment (never sent to a server). */
  kioskUrl: string;
  /** The bare origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** The tester control panel (test mode only: config/test-mode.ts). */
  controlUrl: string | undefined;
  controlToken: string | undefined;
  close(): Promise<void>;
}

/**
 * Browser mode: the host serves the built renderer and the WebSocket transport of KioskApi on
 * 127.0.0.1, with a fresh token per launch. The token sits in the URL fragment, which the browser
 * never sends to the server, and the renderer moves it to sessionStorage at once.
 */
export interface BrowserModeServerOptions {
  /** The kiosk page's token: per launch by default; a kiosk in service keeps one across restarts (http/launch-file.ts). */
  token?: string;
  /** The in-process back-office simulator (test mode), whose applications the tester panel shows through its control API. */
  backofficeSimulator?: { url: string; controlToken: string };
  /** The host's movable clock (all-simulated kiosks), offered on the control API. */
  clockControl?: ClockControl | null;
  /** A checkout with the scenario library: the panel's launcher runs its files against this kiosk. */
  scenarios?: { repoRoot: string; reportDir: string };
}

/** What the server needs beside the host once it has started (`attach`). */
export interface AttachOptions {
  /** The in-process back-office simulator (test mode), named in what the scenario runner is handed. */
  backofficeSimulator?: { url: string; controlToken: string };
  /**
   * The tester control API of this host (testing/tester-services.ts `testerControl`), built by the
   * caller so the server does not load it; `attachInfo` is what the scenario runner needs to drive
   * this kiosk (what standalone.ts announces on its `listening` line).
   */
  control?: (controlToken: string, attachInfo: () => Record<string, unknown>) => ControlHandler | undefined;
}

/**
 * The server before the host is ready (issue 20, cold start): it serves the renderer's files and
 * accepts the page's WebSocket, so the page downloads, evaluates and renders while the host starts.
 * KioskApi answers nothing until `attach` (bridge/bridge-when-ready.ts), and `/control` is 503.
 */
export interface ServingBrowserModeServer {
  kioskUrl: string;
  origin: string;
  /** The host has started (journal recovered, availability known): the held connections and every later one reach its bridge. */
  attach(host: KioskHost, options?: AttachOptions): BrowserModeServer;
  close(): Promise<void>;
}

export type ServingConfig = Pick<HostConfig, 'rendererDir' | 'http' | 'bridge' | 'testMode' | 'devices'> & Partial<Pick<HostConfig, 'loop'>>;

/** Opens the server from the configuration alone, before the host exists; `attach` it once the host has started. */
export async function openBrowserModeServer(config: ServingConfig, options: { token?: string; log: Logger }): Promise<ServingBrowserModeServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  if (!/^[0-9a-f]{32,128}$/.test(token)) throw new RangeError('the kiosk token must be 32 to 128 hex digits');
  let log = options.log;
  const logProxy: Pick<Logger, 'warn' | 'error'> = { warn: (message, fields) => log.warn(message, fields), error: (message, fields) => log.error(message, fields) };
  let origin = '';
  let control: ControlHandler | undefined;
  let attached = false;

  const securityHeaders = (): Record<string, string> => ({
    'Content-Security-Policy': [
      "default-src 'self'",
      `connect-src 'self' ws://${new URL(origin).host}`,
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
      "style-src 'self'",
      // WebAssembly of the app's own (the face analyser's TensorFlow.js backend); no JavaScript eval.
      "script-src 'self' 'wasm-unsafe-eval'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  });

  // The page's first files from memory while the host starts (static-files.ts).
  const serveStatic = createStaticHandler(config.rendererDir, securityHeaders, { entryInMemory: () => !attached });
  const pending = bridgeWhenReady({ maxConnections: bridgeLimitsOf(config).maxConnections, log: logProxy });
  const transport = createWsTransport({
    bridge: pending.connector,
    token,
    allowedOrigins: () => [origin],
    log: logProxy,
  });

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!attached && isControlPath(request.url)) {
      // Its token does not exist yet: it is made, and announced, once the host has started.
      response.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('the kiosk host is starting');
      return;
    }
    if (control?.(request, response)) return;
    serveStatic(request, response).catch((error: unknown) => {
      log.error('static file failed', { error: String(error) });
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if (!transport.handleUpgrade(request, socket, head)) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.http.port, config.http.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${config.http.host}:${port}`;
  const kioskUrl = `${origin}/#token=${token}`;

  const close = async (): Promise<void> => {
    pending.close();
    transport.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    kioskUrl,
    origin,
    close,
    attach(host, attachOptions = {}) {
      if (attached) throw new Error('the browser-mode server is attached already');
      attached = true;
      log = host.log;
      // The tester control API exists in test mode only; a kiosk with real hardware has no /control at all.
      const withControl = host.simulatorControls !== undefined && controlApiEnabled(host.config);
      const controlToken = withControl ? randomBytes(24).toString('hex') : undefined;
      control = controlToken
        ? attachOptions.control?.(controlToken, () => ({
            url: kioskUrl,
            origin,
            controlToken,
            backofficeUrl: attachOptions.backofficeSimulator?.url ?? null,
            backofficeControlToken: attachOptions.backofficeSimulator?.controlToken ?? null,
          }))
        : undefined;
      pending.ready(host.bridge);
      return {
        kioskUrl,
        origin,
        controlUrl: control && controlToken ? `${origin}/control/#token=${controlToken}` : undefined,
        controlToken: control ? controlToken : undefined,
        close,
      };
    },
  };
}

/** Opens the server for a host that has started already (tests, tools): serving and attached at once, with its control API in test mode. */
export async function startBrowserModeServer(host: KioskHost, options: BrowserModeServerOptions = {}): Promise<BrowserModeServer> {
  const serving = await openBrowserModeServer(host.config, { ...(options.token ? { token: options.token } : {}), log: host.log });
  const { testerControl } = await import('../testing/tester-services.js');
  return serving.attach(host, {
    ...(options.backofficeSimulator ? { backofficeSimulator: options.backofficeSimulator } : {}),
    control: testerControl(host, { clockControl: options.clockControl ?? null, backoffice: options.backofficeSimulator, ...(options.scenarios ? { scenarios: options.scenarios } : {}) }),
  });
}

function isControlPath(target: string | undefined): boolean {
  const path = (target ?? '/').split('?')[0]!;
  return path === '/control' || path.startsWith('/control/');
}

export { KIOSK_WS_PATH };
