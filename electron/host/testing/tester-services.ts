import { randomBytes } from 'node:crypto';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { createControlHandler, type ControlHandler } from '../../../simulators/control/http.js';
import { createScenarioLauncher } from '../../../simulators/control/scenario-launcher.js';
import { adjustableClockFromConfig, type ClockControl } from '../config/clock.js';
import { backofficeSimulatorEnabled } from '../config/test-mode.js';
import type { HostConfig } from '../config/schema.js';
import type { KioskHost } from '../host.js';

/**
 * What a test-mode kiosk gives testers beside the host, the same in browser mode (standalone.ts)
 * and in Electron's main process (electron-control-server.ts): the back-office simulator in this
 * process, the kiosk's clock (movable when everything is simulated: config/clock.ts), and the
 * control API built on them. One path, so a browser-mode test of the clock covers Electron's too.
 */
export interface TesterBackoffice {
  /** The configuration the host runs with (the back office's URL is the simulator's when it runs). */
  config: HostConfig;
  clock: () => Date;
  clockControl: ClockControl | null;
  backoffice: BackofficeServer | undefined;
}

/** Before the host: its clock and, when configured, the back-office simulator on a free port. */
export async function startTesterBackoffice(loaded: HostConfig): Promise<TesterBackoffice> {
  const { now: clock, control: clockControl } = adjustableClockFromConfig(loaded);
  const backoffice = backofficeSimulatorEnabled(loaded) ? await startBackofficeServer({ port: 0, clock, controlToken: randomBytes(24).toString('hex') }) : undefined;
  const config = backoffice ? { ...loaded, backoffice: { ...loaded.backoffice, url: backoffice.url } } : loaded;
  return { config, clock, clockControl, backoffice };
}

export interface TesterControlOptions {
  token: string;
  clockControl: ClockControl | null;
  backoffice: Pick<BackofficeServer, 'url' | 'controlToken'> | undefined;
  /** A checkout with the scenario library, and how the runner reaches this kiosk's page (browser mode only). */
  scenarios?: { repoRoot: string; reportDir: string; attachInfo(): Record<string, unknown> };
}

/** The control API of a browser-mode host, made once its token is (http/browser-mode-server.ts `attach`). */
export function testerControl(
  host: Pick<KioskHost, 'simulatorControls' | 'staffCalls' | 'journalSummary' | 'bridge'>,
  options: Omit<TesterControlOptions, 'token' | 'scenarios'> & { scenarios?: { repoRoot: string; reportDir: string } },
): (token: string, attachInfo: () => Record<string, unknown>) => ControlHandler | undefined {
  const { scenarios, ...rest } = options;
  return (token, attachInfo) => testerControlHandler(host, { ...rest, token, ...(scenarios ? { scenarios: { ...scenarios, attachInfo } } : {}) });
}

/** The control API of this host (`/control`): its simulators, staff calls, journal summary, clock, back-office simulator and scenario launcher. */
export function testerControlHandler(host: Pick<KioskHost, 'simulatorControls' | 'staffCalls' | 'journalSummary' | 'bridge'>, options: TesterControlOptions): ControlHandler | undefined {
  if (!host.simulatorControls) return undefined;
  const scenarios = options.scenarios;
  return createControlHandler(host.simulatorControls, {
    token: options.token,
    extraState: () => ({ 'staff-calls': host.staffCalls.snapshot(), journal: host.journalSummary() }),
    clock: options.clockControl,
    ...(scenarios
      ? {
          scenarios: createScenarioLauncher(
            scenarios.repoRoot,
            // The run needs a page of its own: none while another kiosk page is connected.
            { attachInfo: scenarios.attachInfo, kioskPageConnected: () => host.bridge.connectionCount() > 0 },
            { reportDir: scenarios.reportDir },
          ),
        }
      : {}),
    // The panel shows what the in-process back-office simulator received (never a real back office's data).
    ...(options.backoffice ? { backofficeSimulatorUrl: options.backoffice.url, backofficeSimulatorToken: options.backoffice.controlToken } : {}),
  });
}
