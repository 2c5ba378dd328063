import { loadHostConfig } from './config/load.js';
import { isTestMode } from './config/test-mode.js';
import { openBrowserModeServer } from './http/browser-mode-server.js';
import { type LaunchFile, persistentToken, writeLaunchFile } from './http/launch-file.js';
import type { KioskHost } from './kiosk-host.js';
import { createLogger } from './log.js';
import { exitCodeFor } from './process/exit-codes.js';
import { installFatalHandlers } from './process/fatal-handler.js';
import { yieldToEventLoop } from './process/yield.js';
import { startStep } from './process/start-trace.js';
startStep('entry evaluated (Node started, the serving half loaded)');

/**
 * Browser mode's entry: the kiosk host under plain Node, serving the renderer and KioskApi on
 * 127.0.0.1. Prints two JSON lines on stdout for launchers and tests, then a few lines for people:
 * - `{"event":"serving",…}` as soon as the page is served (the configuration read, nothing else
 *   started): a browser may open the page now; it loads and shows "connecting" while the host
 *   starts, and its KioskApi calls wait, unanswered, until the host is ready
 *   (bridge/bridge-when-ready.ts; docs/performance.md, wave 28);
 * - `{"event":"listening",…}` once the host is ready: the journal recovered, the devices online,
 *   availability known, the control API up. Tests and tools that drive the kiosk wait for this one.
 * Tokens (the kiosk URL's, the control API's, the back-office simulator's) are printed in test mode
 * only; the kiosk page is opened through the 0600 launch file named in `launchFile`
 * (http/launch-file.ts), so no token is ever on a command line. Exit codes: process/exit-codes.ts.
 */
let host: KioskHost | undefined;
/** A test-mode launch file names this process's page: removed if the host fails to start. */
let testLaunch: LaunchFile | undefined;

async function main(): Promise<void> {
  const startLog = createLogger();
  // From the first line: a fault at any time journals (once the host exists) and exits for a restart.
  installFatalHandlers({
    log: startLog,
    target: () => (host ? { record: host.recordFault, stop: () => host!.stop() } : {}),
    exit: (code) => process.exit(code),
  });

  const loaded = loadHostConfig({ env: process.env, argv: process.argv.slice(2) });
  startStep('configuration read');
  const testMode = isTestMode(loaded);
  // The page first (issue 20, cold start): it downloads, evaluates and renders while the host starts.
  // In service, the page on screen survives a host restart: same token (and the configured port).
  const serving = await openBrowserModeServer(loaded, { ...(testMode ? {} : { token: persistentToken() }), log: startLog });
  const launch = writeLaunchFile(serving.kioskUrl, undefined, testMode ? process.pid : 'stable');
  if (testMode) testLaunch = launch;
  startStep('serving');
  // Open this in Chromium (`file://…`): it forwards to the kiosk page with its token.
  process.stdout.write(JSON.stringify({ event: 'serving', origin: serving.origin, testMode, launchFile: launch.path, url: testMode ? serving.kioskUrl : null }) + '\n');

  // The host's modules in steps: evaluating each is one long synchronous block, and the page's
  // requests are served between them (docs/performance.md, wave 28).
  const steps: [string, () => Promise<unknown>][] = [
    ['the contract', () => import('../shared/kiosk-api/contract.js')],
    ['the tester services', () => import('./testing/tester-services.js')],
    ['host.ts', () => import('./host.js')],
  ];
  for (const [name, load] of steps) {
    await load();
    startStep(`imported ${name}`);
    await yieldToEventLoop();
  }
  const { startBrowserModeHost } = await import('./browser-mode-host.js');
  const started = await startBrowserModeHost(loaded, serving, (created) => {
    host = created;
  });
  startStep('listening');
  const { config, server, backoffice } = started;
  process.stdout.write(
    JSON.stringify({
      event: 'listening',
      origin: server.origin,
      testMode,
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
  const unpublish = started.publishControl();
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
  testLaunch?.remove();
  const code = (error as { code?: unknown }).code;
  process.stderr.write(`kiosk host failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodeFor(code));
});
