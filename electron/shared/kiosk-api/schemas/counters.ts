import { z } from 'zod';

/** The technician's counters as the KioskApi carries them (`maintenance.counters`): counts only, never whose. Kept apart from counters.ts (file IO) so the shared contract can use it. */
export const CountersSchema = z.object({
  since: z.iso.datetime({ offset: true }),
  counts: z.record(z.string().max(80), z.number().int().nonnegative()),
});
export type CountersView = z.infer<typeof CountersSchema>;
