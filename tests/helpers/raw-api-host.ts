import type WebSocket from 'ws';
import { createKioskApi, type KioskApi } from '../../electron/shared/kiosk-api/client.js';
import type { HostConfigInput } from '../../electron/host/config/schema.js';
import { parseHostConfig } from '../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../electron/host/host.js';
import { type BrowserModeServer, startBrowserModeServer } from '../../electron/host/http/browser-mode-server.js';
import { silentLogger } from '../../electron/host/log.js';
import { type BackofficeServer, type BackofficeServerOptions, startBackofficeServer } from '../../simulators/backoffice/server.js';
import { openKioskSocket, socketPipe } from './ws-pipe.js';

/**
 * An in-process host with simulated devices and its own back-office simulator, reached the way an
 * attacker would reach it: the raw KioskApi over the browser-mode WebSocket with the token.
 */
export interface RawApiHost {
  host: KioskHost;
  api: KioskApi;
  /** The back-office simulator the host sends to (its store holds what arrived). */
  backoffice: BackofficeServer;
  close(): Promise<void>;
}

export async function startRawApiHost(config: Partial<HostConfigInput> = {}, clock?: () => Date, backofficeOptions: BackofficeServerOptions = {}): Promise<RawApiHost> {
  const backoffice: BackofficeServer = await startBackofficeServer(backofficeOptions);
  const host = await createHost(
    parseHostConfig({
      rendererDir: 'dist/renderer',
      rulesDir: 'config',
      simulators: { delayMs: 0, paymentDefault: 'approve' },
      backoffice: { url: backoffice.url, timeoutMs: 2000, simulator: false },
      ...config,
    }),
    { log: silentLogger, ...(clock ? { clock } : {}) },
  );
  const server: BrowserModeServer = await startBrowserModeServer(host);
  const socket: WebSocket = await openKioskSocket(server.origin, { token: new URL(server.kioskUrl).hash.replace('#token=', '') });
  return {
    host,
    api: createKioskApi(socketPipe(socket)),
    backoffice,
    async close() {
      socket.close();
      await server.close();
      await host.stop();
      await backoffice.close();
    },
  };
}
