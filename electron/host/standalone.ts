import { join } from 'node:path';
import { publishControlEndpoint } from '../../simulators/control/discovery.js';
import { scenarioLibraryAt } from '../../simulators/control/scenario-launcher.js';
import { loadHostConfig } from './config/load.js';
import { isTestMode } from './config/test-mode.js';
import { createHost, type KioskHost } from './host.js';
import { startBrowserModeServer } from './http/browser-mode-server.js';
import { persistentToken, writeLaunchFile } from './http/launch-file.js';
import { installRoot } from './install-root.js';
import { createLogger } from './log.js';
import { exitCodeFor } from './process/exit-codes.js';
import { installFatalHandlers } from './process/fatal-handler.js';
import { startTesterBackoffice } from './testing/tester-services.js';

/**
 * Browser mode's entry: the kiosk host under plain Node, serving the renderer and KioskApi on
 * 127.0.0.1. Prints one JSON line `{"event":"listening",…}` on stdout for launchers and tests,
 * then a few lines for people. Tokens (the kiosk URL's, the control API's, the back-office
 * simulator's) are printed in test mode only; the kiosk page is opened through the 0600 launch
 * file named in `launchFile` (http/launch-file.ts), so no token is ever on a command line.
 * Exit codes: process/exit-codes.ts.
 */
let host: KioskHost | undefined;

async function main(): Promise<void> {
  const startLog = createLogger();
  // From the first line: a fault at any time journals (once the host exists) and exits for a restart.
  installFatalHandlers({
    log: startLog,
    target: () => (host ? { record: host.recordFault, stop: () => host!.stop() } : {}),
    exit: (code) => process.exit(code),
  });

  const loaded = loadHostConfig({ env: process.env, argv: process.argv.slice(2) });
  const testMode = isTestMode(loaded);
  // `backoffice.simulator` (test mode only): the back-office simulator runs in this process, on a free port.
  // Movable while it runs (control API) when every device and the back office are simulated.
  // (testing/tester-services.ts: the same in Electron's main process.)
  const { config, clock, clockControl, backoffice } = await startTesterBackoffice(loaded);
  host = await createHost(config, { clock, runMode: 'browser' });
  // Started from a checkout (not a packaged kiosk): the panel can run the scenario library.
  const checkout = scenarioLibraryAt(installRoot) ? installRoot : undefined;
  // In service, the page on screen survives a host restart: same token (and the configured port).
  const server = await startBrowserModeServer(host, {
    ...(testMode ? {} : { token: persistentToken() }),
    clockControl,
    ...(testMode && checkout ? { scenarios: { repoRoot: checkout, reportDir: join(checkout, 'tests/artifacts/scenarios-panel') } } : {}),
    ...(backoffice ? { backofficeSimulator: { url: backoffice.url, controlToken: backoffice.controlToken } } : {}),
  });
  const launch = writeLaunchFile(server.kioskUrl, undefined, testMode ? process.pid : 'stable');
  process.stdout.write(
    JSON.stringify({
      event: 'listening',
      origin: server.origin,
      testMode,
      // Open this in Chromium (`file://…`): it forwards to the kiosk page with its token.
      launchFile: launch.path,
      url: testMode ? server.kioskUrl : null,
      controlUrl: server.controlUrl ?? null,
      controlToken: server.controlToken ?? null,
      // The in-process back-office simulator, for testers and end-to-end tests (its `/v1/_control/*` needs the token).
      backofficeUrl: backoffice?.url ?? null,
      backofficeControlToken: backoffice?.controlToken ?? null,
    }) + '\n',
  );
  if (testMode) {
    process.stdout.write(`\nTEST MODE (simulated devices or testMode: true)\nKiosk:          ${server.kioskUrl}\n`);
    if (server.controlUrl) process.stdout.write(`Tester panel:   ${server.controlUrl}\n`);
    if (backoffice) process.stdout.write(`Back office:    ${backoffice.url}   (simulator; GovPay: POST /v1/govpay/payments/<ref>/pay)\n`);
    if (server.controlUrl) process.stdout.write('Tester CLI:     npm run sim -- help   (finds this kiosk by itself)\n');
    if (config.loop) process.stdout.write(`Hardware loop:  every device through its real driver; far ends (ptys, scanner socket) in ${config.loop.dir}\n`);
  } else {
    process.stdout.write(`\nKiosk:          open file://${launch.path} in the kiosk browser (it holds this launch's token)\n`);
  }
  const unpublish =
    server.controlToken && process.env.KIOSK_CONTROL_DISCOVERY !== '0'
      ? publishControlEndpoint({ url: server.origin, token: server.controlToken, pid: process.pid })
      : () => {};
  process.stdout.write('Press Ctrl+C to stop.\n\n');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    host?.log.info('stopping', { signal });
    unpublish();
    // A kiosk in service keeps kiosk.html: the browser reopens it after a restart.
    if (testMode) launch.remove();
    await server.close();
    await host?.stop();
    host = undefined;
    await backoffice?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  process.stderr.write(`kiosk host failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodeFor(code));
});
