import type { HostConfig } from '../config/schema.js';
import { configDigest } from '../fleet/config-digest.js';
import { HOST_VERSION } from '../handlers/kiosk.js';
import type { CountersView } from './counters.js';

/**
 * What the two diagnostics of a kiosk both say: the fleet's MQTT `diagnostics` message (asked for
 * from the operations dashboard) and the technician's bundle (maintenance mode). Read by one
 * function, so the two never disagree on the versions, the configuration's digest or the counters.
 */
export interface SharedDiagnostics {
  versions: { host: string; node: string; platform: string };
  /** The fleet's canonical digest of the configuration (secrets left out), never the configuration itself. */
  configDigest: string;
  counters: CountersView;
}

export function sharedDiagnostics(config: HostConfig, counters: () => CountersView): SharedDiagnostics {
  return {
    versions: { host: HOST_VERSION, node: process.versions.node, platform: `${process.platform}-${process.arch}` },
    configDigest: configDigest(config),
    counters: counters(),
  };
}
