import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publishControlEndpoint } from '../../../simulators/control/discovery.js';
import { controlApiEnabled } from '../config/test-mode.js';
import type { HostConfig } from '../config/schema.js';
import type { CreateHostOptions, KioskHost } from '../host.js';
import type { Logger } from '../log.js';
import { startTesterBackoffice, testerControlHandler } from './tester-services.js';

/** Where a test-mode Electron kiosk's control API listens (its page talks over IPC, so this server serves `/control` only). */
export interface ElectronTesterEndpoint {
  origin: string;
  controlUrl: string;
  controlToken: string;
}

export type ElectronHost = Pick<KioskHost, 'bridge' | 'stop' | 'recordFault'> & { tester: ElectronTesterEndpoint | undefined };

type CreateHost = (config: HostConfig, options: CreateHostOptions & { log: Logger }) => Promise<KioskHost>;

/**
 * Electron's main process gets what browser mode gives testers (standalone.ts), through the same
 * code (tester-services.ts): the back-office simulator in process, the kiosk's clock, movable at run
 * time when everything is simulated, and the control API with the panel, the CLI's discovery entry
 * and `POST /control/api/clock`. Browser mode serves `/control` beside the kiosk page; Electron's
 * page travels over IPC, so here `/control` gets a loopback server of its own. Outside test mode
 * this adds nothing: the real clock, the configured back office, no control API.
 *
 * Wraps `createHost` so `electron/main/app.ts` stays as it is (it knows only create and stop).
 */
export function withTesterServices(createHost: CreateHost, options: { announce?: (line: string) => void } = {}): (config: HostConfig, hostOptions: CreateHostOptions & { log: Logger }) => Promise<ElectronHost> {
  const announce = options.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
  return async (loaded, hostOptions) => {
    const { config, clock, clockControl, backoffice } = await startTesterBackoffice(loaded);
    let host: KioskHost;
    try {
      host = await createHost(config, { ...hostOptions, clock });
    } catch (error) {
      await backoffice?.close();
      throw error;
    }
    const token = randomBytes(24).toString('hex');
    const control = controlApiEnabled(host.config) ? testerControlHandler(host, { token, clockControl, backoffice }) : undefined;
    let tester: ElectronTesterEndpoint | undefined;
    let closeControl = async (): Promise<void> => {};
    if (control) {
      const server = createServer((request, response) => {
        if (!control(request, response)) response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        // Loopback, any free port: the kiosk's own port (config.http) is browser mode's.
        server.listen(0, config.http.host, () => resolve());
      });
      const origin = `http://${config.http.host}:${(server.address() as AddressInfo).port}`;
      tester = { origin, controlUrl: `${origin}/control/#token=${token}`, controlToken: token };
      const unpublish = process.env.KIOSK_CONTROL_DISCOVERY !== '0' ? publishControlEndpoint({ url: origin, token, pid: process.pid }) : () => {};
      closeControl = async () => {
        unpublish();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      };
      announce(`TEST MODE (Electron)\nTester panel:   ${tester.controlUrl}\nTester CLI:     npm run sim -- help   (finds this kiosk by itself)`);
      if (backoffice) announce(`Back office:    ${backoffice.url}   (simulator)`);
    }
    return {
      bridge: host.bridge,
      recordFault: host.recordFault,
      tester,
      stop: async () => {
        await closeControl();
        await host.stop();
        await backoffice?.close();
      },
    };
  };
}
