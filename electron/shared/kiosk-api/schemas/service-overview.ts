/**
 * What the overview screen shows before a service starts, as the KioskApi carries it
 * (`services.overview`); the host computes it in electron/host/service-rules/overview.ts.
 */
import { z } from 'zod';
import { type Step, StepSchema } from './service-results.js';
import { ServiceId } from './service-id.js';

const StepKind = z.enum(StepSchema.options.map((option) => option.shape.kind.value) as [Step['kind'], ...Step['kind'][]]);

/** Something the resident should have at hand before starting. */
export const BringItem = z.enum(['own-card', 'guardian-card', 'relatives-cards', 'card-to-check', 'pin-letter', 'pickup-receipt', 'payment']);
export type BringItem = z.infer<typeof BringItem>;

export const ServiceOverviewSchema = z.object({
  service: ServiceId,
  /** The steps in order; `ifNeeded` for those only some applicants meet (a minor's guardian, a new height). */
  steps: z.array(z.object({ kind: StepKind, ifNeeded: z.boolean() })).min(1),
  /** An honest estimate for a first visit, in whole minutes (config: kiosk-rules.json `visitMinutes`). */
  minutes: z.number().int().positive(),
  /** `from`: the fee grows with the choices (copies, pages); `fixed`: one amount; `free`: no payment step. */
  fee: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('free') }),
    z.object({ kind: z.literal('fixed'), avos: z.number().int().positive() }),
    z.object({ kind: z.literal('from'), avos: z.number().int().positive() }),
  ]),
  bring: z.array(BringItem),
});
export type ServiceOverview = z.infer<typeof ServiceOverviewSchema>;
