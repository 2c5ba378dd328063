import { dirname, join } from 'node:path';
import type { CardReader } from '../../../devices/card-reader/contract.js';
import { formatCardNumber } from '../../../devices/card-reader/card-number.js';
import type { HostConfig } from '../config/schema.js';
import { isTestMode } from '../config/test-mode.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { Logger } from '../log.js';
import type { maintenanceMethods } from '../../shared/kiosk-api/schemas/maintenance.js';
import { type MaintenanceView } from '../../shared/kiosk-api/schemas/maintenance.js';
import { Counters } from './counters.js';
import { maintenanceToolHandlers, type MaintenanceToolDeps } from './tools.js';
import { AuditTrail } from './audit-trail.js';
import { SIMULATED_TECHNICIAN, staffCardHash, type StaffMember } from './credentials.js';
import { MaintenanceMode } from './maintenance-mode.js';

/** Maintenance mode as the configuration sets it up; the simulator's technician joins in test mode only. */
export function maintenanceFromConfig(
  config: HostConfig,
  deps: { reader: CardReader; clock: () => Date; log: Logger; visitInProgress: () => boolean; publish: (view: MaintenanceView) => void },
): { mode: MaintenanceMode; audit: AuditTrail; counters: Counters } {
  const staff: StaffMember[] = [...config.maintenance.staff];
  if (isTestMode(config)) {
    staff.push({
      staffId: SIMULATED_TECHNICIAN.staffId,
      cardNumberSha256: staffCardHash(formatCardNumber(SIMULATED_TECHNICIAN.cardNumber)),
      pinScrypt: SIMULATED_TECHNICIAN.pinScrypt,
    });
  }
  const audit = new AuditTrail({
    file: config.journal.path === ':memory:' ? undefined : join(dirname(config.journal.path), 'audit.jsonl'),
    kioskId: config.kioskId,
    clock: deps.clock,
    log: deps.log,
  });
  const mode = new MaintenanceMode({
    reader: deps.reader,
    staff,
    limits: {
      pinTries: config.maintenance.pinTries,
      lockoutMs: config.maintenance.lockoutMinutes * 60_000,
      idleMs: config.maintenance.idleSeconds * 1000,
    },
    clock: deps.clock,
    audit,
    visitInProgress: deps.visitInProgress,
    publish: deps.publish,
  });
  const counters = new Counters({
    file: config.journal.path === ':memory:' ? undefined : join(dirname(config.journal.path), 'counters.json'),
    clock: deps.clock,
    log: deps.log,
  });
  return { mode, audit, counters };
}

type MaintenanceMethod = keyof typeof maintenanceMethods;

export function maintenanceHandlers(
  mode: MaintenanceMode,
  tools: MaintenanceToolDeps,
): Pick<KioskHandlers, MaintenanceMethod> {
  return {
    ...maintenanceToolHandlers(mode, tools),
    'maintenance.state': async () => mode.view(),
    'maintenance.begin': async (_params, { signal }) => mode.begin(signal),
    'maintenance.enterPin': async ({ pin }) => mode.enterPin(pin),
    'maintenance.touch': async () => mode.touch(),
    'maintenance.exit': async () => mode.exit(),
  };
}
