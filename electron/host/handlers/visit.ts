import type { KioskHandlers } from '../bridge/server.js';
import type { StepKind } from '../service-rules/index.js';
import type { Visits } from '../visit/visits.js';

type VisitMethod = 'visit.state' | 'visit.choose' | 'visit.complete' | 'visit.back';

/** The visit machine through KioskApi (electron/host/visit): the renderer shows what these answer. */
export function visitHandlers(visits: Visits): Pick<KioskHandlers, VisitMethod> {
  return {
    'visit.state': async () => visits.state(),
    'visit.choose': async ({ service }) => visits.choose(service),
    'visit.complete': async ({ step, choices }) => visits.complete(step as StepKind, choices),
    'visit.back': async () => visits.back(),
  };
}
