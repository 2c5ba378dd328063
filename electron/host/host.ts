import { DeviceHub } from '../../devices/hub/device-hub.js';
import type { SimulatorControls } from '../../simulators/index.js';
import { type BridgeServer, createBridgeServer, type KioskHandlers } from './bridge/server.js';
import type { HostConfig } from './config/schema.js';
import { composeDevices } from './devices/compose.js';
import { translateDeviceError } from './devices/translate-error.js';
import { identityHandlers } from './handlers/identity.js';
import { kioskHandlers } from './handlers/kiosk.js';
import { serviceHandlers } from './handlers/services.js';
import { sessionHandlers } from './handlers/session.js';
import { createServiceRules, loadRulesConfig } from './services/index.js';
import { createLogger, type Logger } from './log.js';
import { SessionManager } from './sessions/session-manager.js';

export interface KioskHost {
  readonly config: HostConfig;
  readonly bridge: BridgeServer;
  readonly hub: DeviceHub;
  readonly sessions: SessionManager;
  /** Defined when any device class is simulated: drives the simulators (tests, testers). */
  readonly simulatorControls: SimulatorControls | undefined;
  readonly log: Logger;
  stop(): Promise<void>;
}

/**
 * The kiosk host: the main-process core. It runs under plain Node (browser mode, tests) and inside
 * Electron's main process alike, so it must never import `electron`; transports connect to it
 * through `bridge.connect(pipe)`.
 */
export async function createHost(config: HostConfig, options: { log?: Logger; clock?: () => Date } = {}): Promise<KioskHost> {
  const log = options.log ?? createLogger({ level: config.devMode ? 'debug' : 'info' });
  const clock = options.clock ?? (() => new Date());
  // Refused at start, naming the file and field, if an operator's data file is malformed.
  const rules = createServiceRules(loadRulesConfig(config.rulesDir));
  const { devices, simulatorControls } = composeDevices(config);
  const hub = new DeviceHub(devices, { initialBackoffMs: 500, maxBackoffMs: 30_000, log });

  // The session manager is built before the bridge it reports to; events go through this holder.
  const bridgeRef: { current?: BridgeServer } = {};
  const sessions = new SessionManager({
    idle: config.idle,
    onEvent: (event) => {
      switch (event.type) {
        case 'started':
        case 'changed':
          bridgeRef.current?.emit('session.changed', { state: 'active', session: event.info });
          break;
        case 'idle-warning':
          bridgeRef.current?.emit('session.idleWarning', { sessionId: event.sessionId, secondsLeft: event.secondsLeft });
          break;
        case 'ended':
          log.info('session ended', { sessionId: event.sessionId, reason: event.reason });
          bridgeRef.current?.emit('session.changed', { state: 'ended', sessionId: event.sessionId, reason: event.reason });
          break;
      }
    },
  });

  const handlers: KioskHandlers = {
    ...kioskHandlers(config, hub),
    ...sessionHandlers(sessions),
    ...identityHandlers(sessions, hub, config),
    ...serviceHandlers(rules, sessions, clock),
  };
  const liveBridge = createBridgeServer({ handlers, log, translateError: translateDeviceError });
  bridgeRef.current = liveBridge;

  hub.onHealth((entry) => liveBridge.emit('device.health', entry));
  const reader = hub.get('card-reader');
  reader.on('card-inserted', () => liveBridge.emit('card.presence', { present: true }));
  reader.on('card-removed', () => liveBridge.emit('card.presence', { present: false }));

  await hub.start();
  log.info('kiosk host started', { kioskId: config.kioskId, devices: hub.health().map((h) => `${h.device}:${h.state}`) });

  return {
    config,
    bridge: liveBridge,
    hub,
    sessions,
    simulatorControls,
    log,
    async stop() {
      sessions.dispose();
      liveBridge.close();
      await hub.stop();
    },
  };
}
