import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClockControl } from '../config/clock.js';
import { createWsTransport, KIOSK_WS_PATH } from '../bridge/ws-transport.js';
import type { KioskHost } from '../host.js';
import { controlApiEnabled } from '../config/test-mode.js';
import { testerControlHandler } from '../testing/tester-services.js';
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

export async function startBrowserModeServer(host: KioskHost, options: BrowserModeServerOptions = {}): Promise<BrowserModeServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  if (!/^[0-9a-f]{32,128}$/.test(token)) throw new RangeError('the kiosk token must be 32 to 128 hex digits');
  // The tester control API exists in test mode only; a kiosk with real hardware has no /control at all.
  const withControl = host.simulatorControls !== undefined && controlApiEnabled(host.config);
  const controlToken = withControl ? randomBytes(24).toString('hex') : undefined;
  let origin = '';

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

  const serveStatic = createStaticHandler(host.config.rendererDir, securityHeaders);
  const control = controlToken
    ? testerControlHandler(host, {
        token: controlToken,
        clockControl: options.clockControl ?? null,
        backoffice: options.backofficeSimulator,
        ...(options.scenarios
          ? {
              scenarios: {
                ...options.scenarios,
                // What the runner needs to drive this kiosk: what standalone.ts announces on its `listening` line.
                attachInfo: () => ({
                  url: `${origin}/#token=${token}`,
                  origin,
                  controlToken,
                  backofficeUrl: options.backofficeSimulator?.url ?? null,
                  backofficeControlToken: options.backofficeSimulator?.controlToken ?? null,
                }),
              },
            }
          : {}),
      })
    : undefined;
  const transport = createWsTransport({
    bridge: host.bridge,
    token,
    allowedOrigins: () => [origin],
    log: host.log,
  });

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (control?.(request, response)) return;
    serveStatic(request, response).catch((error: unknown) => {
      host.log.error('static file failed', { error: String(error) });
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if (!transport.handleUpgrade(request, socket, head)) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(host.config.http.port, host.config.http.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.config.http.host}:${port}`;

  return {
    kioskUrl: `${origin}/#token=${token}`,
    origin,
    controlUrl: control && controlToken ? `${origin}/control/#token=${controlToken}` : undefined,
    controlToken: control ? controlToken : undefined,
    close: async () => {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { KIOSK_WS_PATH };
