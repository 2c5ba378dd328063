/**
 * What a resident is told before a service starts (the overview screen): its steps in order, those
 * that depend on the person marked "if needed", a time estimate, the fee or where it starts, and
 * what to have ready. Computed from the same rules as the visit's plan, before any card is read:
 * the plan for a typical applicant, and the one for an applicant who needs every optional step.
 */
import type { FactsInput, RequestOptions } from '../../shared/kiosk-api/schemas/service-facts.js';
import type { Step } from '../../shared/kiosk-api/schemas/service-results.js';
import { BringItem, type ServiceOverview } from '../../shared/kiosk-api/schemas/service-overview.js';
import type { ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';

export { BringItem, ServiceOverviewSchema, type ServiceOverview } from '../../shared/kiosk-api/schemas/service-overview.js';

export interface OverviewSources {
  steps(serviceId: ServiceId, facts: FactsInput, now: Date): Step[];
  quote(serviceId: ServiceId, request: RequestOptions): { total: number; incomplete: boolean };
  minutes(serviceId: ServiceId): number;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** A typical applicant, and one who needs every optional step (a minor, ten prints, a new height). */
function typicalAndFullest(serviceId: ServiceId, now: Date): [FactsInput, FactsInput] {
  const residency = serviceId === 'renew-nonpermanent' ? 'non-permanent' : 'permanent';
  const birth = (years: number) => new Date(now.getTime() - years * YEAR_MS).toISOString().slice(0, 10);
  const card = {
    number: '1234567(8)',
    residency,
    chip: 'contactless',
    firstIssueDate: '2000-01-01',
    currentIssueDate: '2016-01-01',
    expiry: { kind: 'date', date: '2026-01-01' },
  } as const;
  const person = (years: number, needs: boolean) => ({
    dateOfBirth: birth(years),
    interdiction: 'none',
    maritalStatus: 'single',
    relationsOnFile: { parents: true, children: true, spouse: true },
    ...(needs ? { captureNeeds: { tenFingerprints: true, height: true } } : { captureNeeds: { tenFingerprints: false, height: false } }),
  }) as const;
  return [
    { person: person(40, false), card },
    { person: person(10, true), card },
  ];
}

/** The steps that each step's kind asks the resident to bring. */
const BRINGS: Partial<Record<Step['kind'], BringItem>> = {
  'guardian-verification': 'guardian-card',
  'relatives-cards': 'relatives-cards',
  'enter-pin': 'pin-letter',
  'scan-pickup-receipt': 'pickup-receipt',
  payment: 'payment',
};

export function serviceOverview(sources: OverviewSources, serviceId: ServiceId, now: Date): ServiceOverview {
  const [typical, fullest] = typicalAndFullest(serviceId, now).map((facts) => sources.steps(serviceId, facts, now)) as [Step[], Step[]];
  const usual = new Set(typical.map((step) => step.kind));
  // The fullest plan in its order; a step of the typical plan it lacks (none today) is kept where it was.
  const kinds = [...new Set([...fullest.map((step) => step.kind), ...typical.map((step) => step.kind)])];
  const steps = kinds.map((kind) => ({ kind, ifNeeded: !usual.has(kind) }));

  const bring = new Set<BringItem>();
  for (const step of [...fullest, ...typical]) {
    if (step.kind === 'read-card') bring.add(step.whose === 'applicant' ? 'own-card' : 'card-to-check');
    const item = BRINGS[step.kind];
    if (item) bring.add(item);
  }

  return { service: serviceId, steps, minutes: sources.minutes(serviceId), fee: feeOf(sources, serviceId, kinds), bring: BringItem.options.filter((item) => bring.has(item)) };
}

/** No payment step: free. Otherwise the price of the least one can choose, `from` when choices change it. */
function feeOf(sources: OverviewSources, serviceId: ServiceId, kinds: readonly Step['kind'][]): ServiceOverview['fee'] {
  if (!kinds.includes('payment')) return { kind: 'free' };
  const plain = sources.quote(serviceId, {});
  if (!plain.incomplete && plain.total > 0 && !kinds.includes('choose-certificate-format')) return { kind: 'fixed', avos: plain.total };
  const least = Math.min(
    ...(['paper', 'electronic'] as const)
      .map((format) => sources.quote(serviceId, { certificate: format === 'paper' ? { format, copies: 1, pages: 1 } : { format, copies: 1 } }))
      .filter((quote) => !quote.incomplete && quote.total > 0)
      .map((quote) => quote.total),
  );
  return Number.isFinite(least) ? { kind: 'from', avos: least } : { kind: 'free' };
}
