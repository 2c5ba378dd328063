import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KioskId } from '../../../fleet/contract.js';
import type { KioskLink } from '../../../fleet/kiosk-link.js';
import { ConfigError } from '../config/load.js';
import type { HostConfig } from '../config/schema.js';
import { HOST_VERSION } from '../handlers/kiosk.js';
import type { Logger } from '../log.js';
import { sharedDiagnostics } from '../maintenance/shared-diagnostics.js';
import { FleetCommands } from './commands.js';
import { configDigest } from './config-digest.js';
import { fleetDiagnosticsMessage } from './diagnostics-message.js';
import { type TelemetrySources, FleetTelemetry } from './telemetry.js';

export interface FleetDeps {
  sources: TelemetrySources;
  log: Logger;
  acknowledgeStaffCall(callId: string, by: string): boolean;
  setOperatorHold(held: boolean): void;
  audit(entry: { action: string; detail: string }): void;
}

export interface Fleet {
  telemetry: FleetTelemetry;
  link: KioskLink;
  stop(): Promise<void>;
}

/**
 * Fleet telemetry from the host's configuration (`fleet`, docs/fleet.md); undefined when it is
 * off, so a kiosk without a broker runs as before. The outbox lives in the state directory (beside
 * the journal), in memory when the journal is. The MQTT client (about a fifth of the host's start-up
 * imports) is loaded only when the fleet is on: docs/performance.md, cold start.
 */
export async function fleetFromConfig(config: HostConfig, deps: FleetDeps): Promise<Fleet | undefined> {
  const fleet = config.fleet;
  if (!fleet) return undefined;
  if (!KioskId.safeParse(config.kioskId).success) throw new ConfigError(`kioskId: "${config.kioskId}" cannot name an MQTT topic (letters, digits, - and _ only)`);
  const read = (file: string, field: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new ConfigError(`fleet.${field}: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  };
  const password = fleet.passwordFile ? read(fleet.passwordFile, 'passwordFile').toString('utf8').trim() : fleet.password;
  const tls = fleet.tls
    ? { ca: read(fleet.tls.caFile, 'tls.caFile'), ...(fleet.tls.certFile ? { cert: read(fleet.tls.certFile, 'tls.certFile') } : {}), ...(fleet.tls.keyFile ? { key: read(fleet.tls.keyFile, 'tls.keyFile') } : {}) }
    : undefined;
  const digest = configDigest(config);
  const wall = () => new Date();
  const started = Date.now();
  const telemetryRef: { current?: FleetTelemetry } = {};
  const commandsRef: { current?: FleetCommands } = {};
  const { KioskLink } = await import('../../../fleet/kiosk-link.js');
  const link = new KioskLink({
    kioskId: config.kioskId,
    url: fleet.url,
    username: fleet.username,
    password,
    tls,
    outboxFile: config.journal.path === ':memory:' ? undefined : join(dirname(config.journal.path), 'fleet-outbox.json'),
    maxTelemetry: fleet.maxQueuedTelemetry,
    clock: wall,
    onCommand: (command) => commandsRef.current?.handle(command),
    onWarn: (message, fields) => deps.log.warn(message, fields),
  });
  commandsRef.current = new FleetCommands(config.kioskId, wall, {
    acknowledgeStaffCall: deps.acknowledgeStaffCall,
    setOperatorHold: deps.setOperatorHold,
    audit: deps.audit,
    publishResult: (result) => link.publish('command-result', result),
    sendDiagnostics: (commandId) =>
      link.publish(
        'diagnostics',
        fleetDiagnosticsMessage(
          commandId,
          sharedDiagnostics(config, deps.sources.counters),
          deps.sources.health(),
          telemetryRef.current?.recentFaults() ?? [],
          Math.floor((Date.now() - started) / 1000),
        ),
      ),
  });
  const telemetry = new FleetTelemetry(link, deps.sources, { version: HOST_VERSION, configDigest: digest, periodMs: fleet.countersSeconds * 1000, clock: wall });
  telemetryRef.current = telemetry;
  deps.log.info('fleet telemetry on', { url: fleet.url, kioskId: config.kioskId });
  return {
    telemetry,
    link,
    async stop() {
      telemetry.dispose();
      await link.close();
    },
  };
}
