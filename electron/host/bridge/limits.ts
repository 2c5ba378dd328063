import type { HostConfig } from '../config/schema.js';
import { isTestMode } from '../config/test-mode.js';
import type { BridgeLimits } from './server.js';

/** What the bridge serves at most, from the configuration: one page in service; testers may open more (a second window, the e2e suite). */
export function bridgeLimitsOf(config: Pick<HostConfig, 'bridge' | 'testMode' | 'devices'> & Partial<Pick<HostConfig, 'loop'>>): BridgeLimits {
  return { maxConnections: config.bridge.maxConnections ?? (isTestMode(config) ? 8 : 1), maxCallsInFlight: config.bridge.maxCallsInFlight };
}
