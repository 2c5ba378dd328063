import { startBackofficeServer } from '../../simulators/backoffice/server.js';
import { publishControlEndpoint } from '../../simulators/control/discovery.js';
import { clockFromConfig } from './config/clock.js';
import { loadHostConfig } from './config/load.js';
import { createHost } from './host.js';
import { startBrowserModeServer } from './http/browser-mode-server.js';

/**
 * Browser mode's entry: the kiosk host under plain Node, serving the renderer and KioskApi on
 * 127.0.0.1. Prints one JSON line `{"event":"listening",…}` on stdout for launchers and tests,
 * then the URLs for people.
 */
async function main(): Promise<void> {
  const loaded = loadHostConfig({ env: process.env, argv: process.argv.slice(2) });
  // `backoffice.simulator`: the back-office simulator runs in this process, on a free port.
  const clock = clockFromConfig(loaded);
  const backoffice = loaded.backoffice.simulator ? await startBackofficeServer({ port: 0, clock }) : undefined;
  const config = backoffice ? { ...loaded, backoffice: { ...loaded.backoffice, url: backoffice.url } } : loaded;
  const host = await createHost(config, { clock });
  const server = await startBrowserModeServer(host);
  process.stdout.write(
    JSON.stringify({
      event: 'listening',
      url: server.kioskUrl,
      origin: server.origin,
      controlUrl: server.controlUrl ?? null,
      controlToken: server.controlToken ?? null,
      // The in-process back-office simulator, for testers and end-to-end tests (its `/v1/_control/*`).
      backofficeUrl: backoffice?.url ?? null,
    }) + '\n',
  );
  process.stdout.write(`\nKiosk:          ${server.kioskUrl}\n`);
  if (server.controlUrl) process.stdout.write(`Tester panel:   ${server.controlUrl}\n`);
  if (backoffice) process.stdout.write(`Back office:    ${backoffice.url}   (simulator; GovPay: POST /v1/govpay/payments/<ref>/pay)\n`);
  if (server.controlUrl) process.stdout.write('Tester CLI:     npm run sim -- help   (finds this kiosk by itself)\n');
  if (config.loop) process.stdout.write(`Hardware loop:  every device through its real driver; far ends (ptys, scanner socket) in ${config.loop.dir}\n`);
  const unpublish =
    server.controlToken && process.env.KIOSK_CONTROL_DISCOVERY !== '0'
      ? publishControlEndpoint({ url: server.origin, token: server.controlToken, pid: process.pid })
      : () => {};
  process.stdout.write('Press Ctrl+C to stop.\n\n');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    host.log.info('stopping', { signal });
    unpublish();
    await server.close();
    await host.stop();
    await backoffice?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  process.stderr.write(`kiosk host failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(code === 'config-invalid' ? 78 : 1);
});
