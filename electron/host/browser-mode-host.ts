import { join } from 'node:path';
import { publishControlEndpoint } from '../../simulators/control/discovery.js';
import { scenarioLibraryAt } from '../../simulators/control/scenario-launcher.js';
import type { HostConfig } from './config/schema.js';
import { isTestMode } from './config/test-mode.js';
import { createHost, type KioskHost } from './host.js';
import type { BrowserModeServer, ServingBrowserModeServer } from './http/browser-mode-server.js';
import { installRoot } from './install-root.js';
import { yieldToEventLoop } from './process/yield.js';
import { startStep } from './process/start-trace.js';
import type { BackofficeServer } from '../../simulators/backoffice/server.js';
import { startTesterBackoffice, testerControl } from './testing/tester-services.js';

/**
 * The heavy half of browser mode's start (standalone.ts imports it once its server is serving the
 * page): the tester services, `createHost` (rules, journal opened and recovered, devices online),
 * then the server attached to the started host. Everything the host needs is loaded by this
 * module's imports, so the page loads while they are read (docs/performance.md, wave 28).
 */
export interface StartedBrowserModeHost {
  host: KioskHost;
  config: HostConfig;
  server: BrowserModeServer;
  backoffice: BackofficeServer | undefined;
  /** Publishes the control API for the tester CLI (`npm run sim`); returns how to take it back. */
  publishControl(): () => void;
}

export async function startBrowserModeHost(loaded: HostConfig, serving: ServingBrowserModeServer, onHost: (host: KioskHost) => void): Promise<StartedBrowserModeHost> {
  const testMode = isTestMode(loaded);
  // `backoffice.simulator` (test mode only): the back-office simulator runs in this process, on a free port.
  // Movable while it runs (control API) when every device and the back office are simulated.
  // (testing/tester-services.ts: the same in Electron's main process.)
  const { config, clock, clockControl, backoffice } = await startTesterBackoffice(loaded);
  startStep('tester services started');
  await yieldToEventLoop();
  const host = await createHost(config, { clock, runMode: 'browser' });
  startStep('createHost done');
  onHost(host);
  // Started from a checkout (not a packaged kiosk): the panel can run the scenario library.
  const checkout = scenarioLibraryAt(installRoot) ? installRoot : undefined;
  const backofficeSimulator = backoffice ? { url: backoffice.url, controlToken: backoffice.controlToken } : undefined;
  const server = serving.attach(host, {
    ...(backofficeSimulator ? { backofficeSimulator } : {}),
    control: testerControl(host, {
      clockControl,
      backoffice: backofficeSimulator,
      ...(testMode && checkout ? { scenarios: { repoRoot: checkout, reportDir: join(checkout, 'tests/artifacts/scenarios-panel') } } : {}),
    }),
  });
  return {
    host,
    config,
    server,
    backoffice,
    publishControl: () =>
      server.controlToken && process.env.KIOSK_CONTROL_DISCOVERY !== '0'
        ? publishControlEndpoint({ url: server.origin, token: server.controlToken, pid: process.pid })
        : () => {},
  };
}
