import { clockFromConfig } from './config/clock.js';
import { DeviceHub } from '../../devices/hub/device-hub.js';
import { bridgeLimitsOf } from './bridge/limits.js';
import { type BridgeServer, createBridgeServer, type KioskHandlers } from './bridge/server.js';
import type { HostConfig } from './config/schema.js';
import { composeDevices } from './hardware/compose.js';
import { translateDeviceError } from './hardware/translate-error.js';
import { identityHandlers } from './handlers/identity.js';
import { kioskHandlers } from './handlers/kiosk.js';
import { serviceHandlers } from './handlers/services.js';
import { sessionHandlers } from './handlers/session.js';
import { biometricsHandlers } from './handlers/biometrics.js';
import { relativesHandlers } from './handlers/relatives.js';
import { guardianHandlers } from './handlers/guardian.js';
import { SimulatedPhotoSource } from './photo/simulated-photo-source.js';
import { createServiceRules, loadRulesConfig } from './service-rules/index.js';
import type { Logger } from './log.js';
import { createPinoLogger } from './logging/pino-logger.js';
import { SessionManager } from './sessions/session-manager.js';
import { applicationHandlers } from './applications/handlers.js';
import { counterPayment, counterPaymentHandlers } from './applications/counter-payment.js';
import { govPayGateway, terminalGateway } from './applications/gateways.js';
import { ApplicationOrchestrator } from './applications/orchestrator.js';
import { BackofficeClient } from './backoffice/client.js';
import { printAndMeasureHandlers } from './handlers/print-and-measure.js';
import { heightHandlers } from './handlers/height.js';
import { counterHandlers } from './handlers/counter.js';
import { ownDataHandlers } from './handlers/own-data.js';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { acquireHostLock, type HostLock } from './journal/host-lock.js';
import { JournalAvailability } from './journal/availability.js';
import { isTestMode } from './config/test-mode.js';
import { staffHandlers } from './handlers/staff.js';
import { StaffCalls } from './staff/staff-calls.js';
import { visitHandlers } from './handlers/visit.js';
import { CardCustody } from './visit/card-custody.js';
import { gateHandlers } from './visit/method-gates.js';
import { sessionEvidence } from './visit/session-evidence.js';
import { Visits } from './visit/visits.js';
import { refuseUnavailableServices } from './availability/gate.js';
import { ServiceAvailability } from './availability/monitor.js';
import { loadServiceDevices } from './availability/service-devices.js';
import { CounterOffice } from '../shared/kiosk-api/schemas/service-id.js';
import { maintenanceFromConfig, maintenanceHandlers } from './maintenance/from-config.js';
import { countFaults, countUsage } from './maintenance/counting.js';
import { calibratedGauge, GaugeCalibration } from './maintenance/gauge-calibration.js';
import { RecentLog } from './maintenance/recent-log.js';
import { type Fleet, fleetFromConfig } from './fleet/from-config.js';
import { summariseOutbox } from './fleet/outbox-summary.js';
import { readClientTls } from './backoffice/client-tls.js';
import { refuseVisitsOutOfService } from './journal/availability.js';
import { summariseJournal } from './journal/journal-summary.js';
import { openJournal } from './journal/open-with-key.js';
import { yieldToEventLoop } from './process/yield.js';
import { startStep } from './process/start-trace.js';
import type { CreateHostOptions, KioskHost } from './kiosk-host.js';

export type { CreateHostOptions, KioskHost } from './kiosk-host.js';
export type { JournalSummary } from './journal/journal-summary.js';

/**
 * The kiosk host: the main-process core. It runs under plain Node (browser mode, tests) and inside
 * Electron's main process alike, so it must never import `electron`; transports connect to it
 * through `bridge.connect(pipe)`.
 */
export async function createHost(config: HostConfig, options: CreateHostOptions = {}): Promise<KioskHost> {
  // Structured logs (pino): stderr, and rotating files in the state directory when the journal is on disk.
  const ownLog = options.log ? undefined : createPinoLogger({ level: config.devMode ? 'debug' : 'info', stateDir: config.journal.path === ':memory:' ? undefined : dirname(config.journal.path) });
  const log = options.log ?? ownLog!;
  const clock = options.clock ?? clockFromConfig(config);
  // One host per state directory, before anything reads the journal (journal/host-lock.ts).
  const lock = config.journal.path === ':memory:' ? undefined : acquireHostLock(dirname(config.journal.path), options.runMode ?? 'browser');
  try {
    const host = await startHost(config, { ...options, log, clock }, lock);
    if (!ownLog) return host;
    const stop = host.stop.bind(host);
    return Object.assign(host, { stop: async () => (await stop(), ownLog.close()) });
  } catch (error) {
    lock?.release();
    ownLog?.close();
    throw error;
  }
}

async function startHost(
  config: HostConfig,
  options: CreateHostOptions & { log: Logger; clock: () => Date },
  lock: HostLock | undefined,
): Promise<KioskHost> {
  const { clock } = options;
  // The last log entries, for the technician's log viewer and the diagnostics bundle (named fields only).
  const recentLog = new RecentLog(clock);
  const log = recentLog.tap(options.log);
  const testMode = isTestMode(config);
  // Where the kiosk keeps its own files beside the journal (counters, calibration, diagnostics); a temporary folder when the journal is in memory.
  const stateDir = config.journal.path === ':memory:' ? join(tmpdir(), 'dsi-kiosk-state') : dirname(config.journal.path);
  // Refused at start, naming the file and field, if an operator's data file is malformed.
  const rulesConfig = loadRulesConfig(config.rulesDir);
  const rules = createServiceRules(rulesConfig);
  const serviceDevices = loadServiceDevices(config.rulesDir);
  startStep('rules loaded');
  // Between the long synchronous steps: the page's requests are served while the host starts (wave 28).
  await yieldToEventLoop();
  // The journal and its key before any device or far end starts: a refusal leaves nothing running.
  const journal = openJournal(config, options, log);
  startStep('journal opened');
  await yieldToEventLoop();
  const availability = new JournalAvailability(journal, config.journal.minFreeMegabytes * 1024 * 1024, log);
  const composed = await composeDevices(config, log).catch((error: unknown) => {
    journal.close();
    throw error;
  });
  const { devices, simulatorControls } = composed;
  startStep('devices composed');
  await yieldToEventLoop();
  // The technician's calibration applies to every measurement: a resident's and a test rod's alike.
  const calibration = new GaugeCalibration({ file: config.journal.path === ':memory:' ? undefined : join(stateDir, 'gauge-calibration.json'), clock, log });
  const hub = new DeviceHub({ ...devices, 'height-gauge': calibratedGauge(devices['height-gauge'], calibration) }, { initialBackoffMs: 500, maxBackoffMs: 30_000, log });

  // The session manager is built before the bridge it reports to; events go through this holder.
  const bridgeRef: { current?: BridgeServer } = {};
  // Fleet telemetry starts once the devices have (below); the callbacks before it reach it through this.
  const fleetRef: { current?: Fleet } = {};
  const serviceAvailability = new ServiceAvailability(
    serviceDevices,
    hub,
    log,
    (now) => {
      bridgeRef.current?.emit('availability.changed', now);
      fleetRef.current?.telemetry.onAvailability(now);
    },
    CounterOffice.options.map((office) => ({ office, hours: rulesConfig.pickup.offices[office] })),
  );
  if (config.journal.path === ':memory:') log.warn('journal is in memory: payments will not survive a crash (set journal.path)');
  const backoffice = new BackofficeClient({ url: config.backoffice.url, timeoutMs: config.backoffice.timeoutMs, tls: readClientTls(config) });
  const sessionsRef: { current?: SessionManager } = {};
  const counter = counterPayment({ hours: rules.officeHours, office: rulesConfig.pickup.officeHoursOffice, rule: rulesConfig.rules.counterPayment, clock });
  const applications = new ApplicationOrchestrator({
    counterPayBy: counter.payBy,
    journal,
    backoffice,
    gateways: { terminal: terminalGateway(hub.get('payment-terminal')), govpay: govPayGateway(backoffice, { pollMs: 1000, clock }) },
    kioskId: config.kioskId,
    log,
    clock,
    requireJournalWritable: (what) => availability.require(what),
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
  // Staff answer a call from the operations dashboard or at the kiosk (maintenance mode): the resident is told, the fleet too.
  const acknowledgeStaffCall = (callId: string, by: string): boolean => {
    const call = staffCalls.acknowledge(callId);
    if (call) fleetRef.current?.telemetry.onStaffCall('acknowledged', call, by);
    return call !== undefined;
  };
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
          fleetRef.current?.telemetry.onVisitStarted();
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
  const maintenance = maintenanceFromConfig(config, {
    reader: hub.get('card-reader'),
    clock,
    log,
    visitInProgress: () => sessions.current() !== undefined,
    publish: (view) => {
      bridgeRef.current?.emit('maintenance.changed', view);
      fleetRef.current?.telemetry.onMaintenance(view);
    },
  });
  const handlers: KioskHandlers = {
    ...kioskHandlers(config, hub),
    'kiosk.availability': async () => serviceAvailability.now(),
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
    ...counterPaymentHandlers({ counter, sessions, visits, orchestrator: applications }),
    ...printAndMeasureHandlers(sessions, hub, applications, { rules, config, clock, counters: counter.counters }),
    ...heightHandlers({ sessions, hub, emit: (event, payload) => bridgeRef.current?.emit(event, payload) }),
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
    ...maintenanceHandlers(maintenance.mode, {
      hub,
      counters: maintenance.counters,
      audit: maintenance.audit,
      kioskId: config.kioskId,
      clock,
      journal,
      orchestrator: applications,
      calibration,
      recentLog,
      stateDir,
      config,
      staffCalls,
      acknowledgeStaffCall,
      availability: () => {
        const now = serviceAvailability.now();
        return { inService: now.inService, unavailable: now.services.filter((entry) => !entry.available).map((entry) => entry.service) };
      },
    }),
  };
  const liveBridge = createBridgeServer({
    // The raw KioskApi cannot skip or reorder a visit's steps (electron/host/visit/method-gates.ts),
    // and starts no visit while the journal could not record its payment.
    handlers: gateHandlers(
      countUsage(refuseUnavailableServices(refuseVisitsOutOfService(handlers, availability), serviceAvailability, maintenance.mode), maintenance.counters),
      visits,
    ),
    log,
    translateError: translateDeviceError,
    // One renderer page in service; testers may open more (a second window, the e2e suite).
    limits: bridgeLimitsOf(config),
  });
  bridgeRef.current = liveBridge;

  hub.onHealth((entry) => liveBridge.emit('device.health', entry));
  // Each time a device goes offline or degraded (paper low or out, unplugged): the technician's fault counters.
  countFaults(hub, maintenance.counters);
  const reader = hub.get('card-reader');
  reader.on('card-inserted', () => liveBridge.emit('card.presence', { present: true }));
  reader.on('card-removed', () => liveBridge.emit('card.presence', { present: false }));

  startStep('services built');
  serviceAvailability.start();
  await hub.start();
  startStep('devices started (availability known)');
  serviceAvailability.settled();
  custody.attach(reader);
  await yieldToEventLoop();
  fleetRef.current = await fleetFromConfig(config, {
    log,
    sources: {
      health: () => hub.health(),
      availability: () => serviceAvailability.now(),
      operatorHold: () => serviceAvailability.isOperatorHold(),
      counters: () => maintenance.counters.view(),
      outbox: () => summariseOutbox(journal, clock(), (config.fleet?.queuedAlertMinutes ?? 30) * 60),
      maintenanceOpen: () => maintenance.mode.isOpen(),
    },
    acknowledgeStaffCall,
    setOperatorHold: (held) => serviceAvailability.setOperatorHold(held),
    audit: (entry) => maintenance.audit.record(entry),
  });
  hub.onHealth((entry) => fleetRef.current?.telemetry.onDeviceHealth(entry));
  staffCalls.subscribe(({ type, call }) => {
    if (type === 'called') fleetRef.current?.telemetry.onStaffCall('called', call);
    else if (call.acknowledgedAt) liveBridge.emit('staff.acknowledged', { callId: call.callId, acknowledgedAt: call.acknowledgedAt });
  });
  // Before any resident: finish or reverse whatever a crash left (docs/journal.md), then keep retrying.
  const recovered = await applications.recover();
  startStep('journal recovered');
  log.info('journal recovered', { ...recovered });
  applications.startWorker(config.backoffice.retryIntervalSeconds * 1000);
  availability.check();
  log.info('kiosk host started', { kioskId: config.kioskId, testMode, devices: hub.health().map((h) => `${h.device}:${h.state}`) });

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
    testMode,
    availability,
    services: serviceAvailability,
    maintenance: maintenance.mode,
    audit: maintenance.audit,
    counters: maintenance.counters,
    fleet: fleetRef.current,
    recordFault: (kind, code) => journal.recordHostEvent(kind, code),
    journalSummary: () => summariseJournal(journal),
    async stop() {
      sessions.dispose();
      serviceAvailability.stop();
      maintenance.mode.dispose();
      custody.dispose();
      applications.stop();
      await fleetRef.current?.stop();
      await Promise.all(sessionEnds);
      liveBridge.close();
      await hub.stop();
      await composed.stop();
      journal.close();
      lock?.release();
    },
  };
}
