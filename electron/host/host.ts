import { clockFromConfig } from './config/clock.js';
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
import { biometricsHandlers } from './handlers/biometrics.js';
import { relativesHandlers } from './handlers/relatives.js';
import { guardianHandlers } from './handlers/guardian.js';
import { SimulatedPhotoSource } from './photo/simulated-photo-source.js';
import { createServiceRules, loadRulesConfig } from './services/index.js';
import { createLogger, type Logger } from './log.js';
import { SessionManager } from './sessions/session-manager.js';
import { applicationHandlers } from './applications/handlers.js';
import { govPayGateway, terminalGateway } from './applications/gateways.js';
import { ApplicationOrchestrator } from './applications/orchestrator.js';
import { BackofficeClient } from './backoffice/client.js';
import { printAndMeasureHandlers } from './handlers/print-and-measure.js';
import { counterHandlers } from './handlers/counter.js';
import { ownDataHandlers } from './handlers/own-data.js';
import type { CrashHook } from './journal/crash-points.js';
import { Journal } from './journal/journal.js';
import { resolveJournalKey } from './journal/key.js';
import { staffHandlers } from './handlers/staff.js';
import { StaffCalls } from './staff/staff-calls.js';
import { visitHandlers } from './handlers/visit.js';
import { CardCustody } from './visit/card-custody.js';
import { gateHandlers } from './visit/method-gates.js';
import { sessionEvidence } from './visit/session-evidence.js';
import { Visits } from './visit/visits.js';

export interface KioskHost {
  readonly config: HostConfig;
  readonly bridge: BridgeServer;
  readonly hub: DeviceHub;
  readonly sessions: SessionManager;
  readonly applications: ApplicationOrchestrator;
  /** Defined when any device class is simulated: drives the simulators (tests, testers). */
  readonly simulatorControls: SimulatorControls | undefined;
  /** Calls for staff from the touchscreen (tester state, technician screen). */
  readonly staffCalls: StaffCalls;
  /** The current visit's machine (electron/host/visit). */
  readonly visits: Visits;
  readonly log: Logger;
  stop(): Promise<void>;
}

/**
 * The kiosk host: the main-process core. It runs under plain Node (browser mode, tests) and inside
 * Electron's main process alike, so it must never import `electron`; transports connect to it
 * through `bridge.connect(pipe)`.
 */
export async function createHost(
  config: HostConfig,
  /** `crash`: only the crash-point test's headless host passes one (never configuration or environment). */
  options: { log?: Logger; clock?: () => Date; crash?: CrashHook } = {},
): Promise<KioskHost> {
  const log = options.log ?? createLogger({ level: config.devMode ? 'debug' : 'info' });
  const clock = options.clock ?? clockFromConfig(config);
  // Refused at start, naming the file and field, if an operator's data file is malformed.
  const rules = createServiceRules(loadRulesConfig(config.rulesDir));
  const composed = await composeDevices(config, log);
  const { devices, simulatorControls } = composed;
  const hub = new DeviceHub(devices, { initialBackoffMs: 500, maxBackoffMs: 30_000, log });

  // The session manager is built before the bridge it reports to; events go through this holder.
  const bridgeRef: { current?: BridgeServer } = {};
  if (config.journal.path === ':memory:') log.warn('journal is in memory: payments will not survive a crash (set journal.path)');
  // The host's clock: queuedAt is the application date the back office judges (a minor's 18th birthday) by.
  const journal = new Journal({ path: config.journal.path, key: resolveJournalKey(config.journal), clock, ...(options.crash ? { crash: options.crash } : {}) });
  const backoffice = new BackofficeClient({ url: config.backoffice.url, timeoutMs: config.backoffice.timeoutMs });
  const sessionsRef: { current?: SessionManager } = {};
  const applications = new ApplicationOrchestrator({
    journal,
    backoffice,
    gateways: { terminal: terminalGateway(hub.get('payment-terminal')), govpay: govPayGateway(backoffice, { pollMs: 1000, clock }) },
    kioskId: config.kioskId,
    log,
    clock,
    confirm: {
      withinMs: config.payments.confirmWithinSeconds * 1000,
      firstPauseMs: config.payments.firstEnquiryPauseMs,
      maxPauseMs: config.payments.maxEnquiryPauseSeconds * 1000,
    },
    // A payment nobody could confirm while the resident waited: a person must look at it.
    onOverdue: () => staffCalls.call('payment-unconfirmed'),
    onChange: (status) => {
      const current = sessionsRef.current?.current();
      if (current && applications.belongsTo(status.applicationId, current.id)) bridgeRef.current?.emit('applications.changed', status);
    },
  });
  const sessionEnds = new Set<Promise<void>>();
  const staffCalls = new StaffCalls({ kioskId: config.kioskId, clock, log });
  const visitsRef: { current?: Visits } = {};
  // Which placement a card on the reader is: a visit never reads a card left from before it, and ends by asking for the card.
  const custody = new CardCustody({
    staffAfterSeconds: config.visit.takeCardStaffSeconds,
    callStaff: (screen) => staffCalls.call(screen),
    onChange: () => visitsRef.current?.publish(),
    clock,
  });
  const sessions = new SessionManager({
    idle: config.idle,
    cardPlacement: () => custody.placement(),
    onEvent: (event) => {
      switch (event.type) {
        case 'started':
          applications.sessionStarted(event.info.sessionId);
          custody.visitStarted();
          bridgeRef.current?.emit('session.changed', { state: 'active', session: event.info });
          visitsRef.current?.publish();
          break;
        case 'changed':
          bridgeRef.current?.emit('session.changed', { state: 'active', session: event.info });
          break;
        case 'idle-warning':
          bridgeRef.current?.emit('session.idleWarning', { sessionId: event.sessionId, secondsLeft: event.secondsLeft });
          break;
        case 'ended':
          log.info('session ended', { sessionId: event.sessionId, reason: event.reason });
          {
            const ending = applications.sessionEnded(event.sessionId, event.reason).catch((error: unknown) => {
              log.error('journal: ending the session failed', { sessionId: event.sessionId, error: String(error) });
            });
            sessionEnds.add(ending);
            void ending.finally(() => sessionEnds.delete(ending));
          }
          bridgeRef.current?.emit('session.changed', { state: 'ended', sessionId: event.sessionId, reason: event.reason });
          custody.visitEnded(event.reason, event.language);
          visitsRef.current?.publish();
          break;
      }
    },
  });
  sessionsRef.current = sessions;

  // TODO(backoffice): a back-office PhotoSource instead of the simulated one when it serves share codes.
  const biometrics = biometricsHandlers({
    sessions,
    hub,
    config,
    photoSource: new SimulatedPhotoSource(clock),
    emit: (event, payload) => bridgeRef.current?.emit(event, payload),
    clock,
    placement: () => custody.placement(),
  });
  const captures = { biometrics: biometrics.biometrics, photos: biometrics.photos };
  const visits = new Visits({
    rules,
    sessions,
    custody,
    clock,
    evidenceOf: (session, application) => sessionEvidence(session, { ...captures, applications }, application),
    emit: (state) => bridgeRef.current?.emit('visit.changed', state),
  });
  visitsRef.current = visits;
  const handlers: KioskHandlers = {
    ...kioskHandlers(config, hub),
    ...sessionHandlers(sessions),
    ...visitHandlers(visits),
    ...identityHandlers(sessions, hub, custody, config, async (cardNumber, signal) => {
      const found = await backoffice.person(cardNumber, signal);
      return found.ok ? found.value : undefined;
    }),
    ...serviceHandlers(rules, sessions, clock),
    ...biometrics.handlers,
    ...relativesHandlers(sessions, hub, config),
    ...guardianHandlers(sessions, hub, custody, config),
    ...applicationHandlers({ rules, sessions, visits, orchestrator: applications, captures, clock }),
    ...printAndMeasureHandlers(sessions, hub, applications),
    ...counterHandlers({ sessions, hub, backoffice, rules, clock, config, custody }),
    ...ownDataHandlers({
      sessions,
      hub,
      options: config,
      lookupKinship: async (cardNumber, signal) => {
        const found = await backoffice.kinship(cardNumber, signal);
        return found.ok ? found.value : undefined;
      },
      lookupGuardians: async (cardNumber, signal) => {
        const found = await backoffice.person(cardNumber, signal);
        return found.ok ? found.value.guardians : undefined;
      },
      clock,
    }),
    ...staffHandlers(staffCalls),
  };
  // The raw KioskApi cannot skip or reorder a visit's steps (electron/host/visit/method-gates.ts).
  const liveBridge = createBridgeServer({ handlers: gateHandlers(handlers, visits), log, translateError: translateDeviceError });
  bridgeRef.current = liveBridge;

  hub.onHealth((entry) => liveBridge.emit('device.health', entry));
  const reader = hub.get('card-reader');
  reader.on('card-inserted', () => liveBridge.emit('card.presence', { present: true }));
  reader.on('card-removed', () => liveBridge.emit('card.presence', { present: false }));

  await hub.start();
  custody.attach(reader);
  // Before any resident: finish or reverse whatever a crash left (docs/journal.md), then keep retrying.
  const recovered = await applications.recover();
  log.info('journal recovered', { ...recovered });
  applications.startWorker(config.backoffice.retryIntervalSeconds * 1000);
  log.info('kiosk host started', { kioskId: config.kioskId, devices: hub.health().map((h) => `${h.device}:${h.state}`) });

  return {
    config,
    bridge: liveBridge,
    hub,
    sessions,
    applications,
    simulatorControls,
    staffCalls,
    visits,
    log,
    async stop() {
      sessions.dispose();
      custody.dispose();
      applications.stop();
      await Promise.all(sessionEnds);
      liveBridge.close();
      await hub.stop();
      await composed.stop();
      journal.close();
    },
  };
}
