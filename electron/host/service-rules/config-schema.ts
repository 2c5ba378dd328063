/**
 * The operator-replaceable configuration: fees, pickup table and office hours, and the few
 * rule values the seeds leave open. Validated once at start (see config-loader.ts).
 */
import { z } from 'zod';
import { HolidayYearSchema } from '../../shared/calendar/holiday-schema.js';
import { LocalTimeSchema, minutesOfTime } from '../../shared/calendar/local-date.js';
import { OfficeHoursSchema } from '../../shared/calendar/office-hours.js';
import { Finger, PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import { CounterOffice, PickupPlace, ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';
import { PickupAddressSchema } from '../../shared/kiosk-api/schemas/pickup-address.js';

// ---- fees.json ---------------------------------------------------------------------------

export const FeeCode = z.enum([
  'id-card-renewal-permanent',
  'id-card-renewal-nonpermanent',
  'kinship-certificate-paper-first-page',
  'kinship-certificate-paper-additional-page',
  'kinship-certificate-electronic',
  'personal-data-certificate',
]);
export type FeeCode = z.infer<typeof FeeCode>;

const FeeEntrySchema = z.object({
  /** Integer avos: MOP 15 = 1500. */
  amountAvos: z.number().int().nonnegative(),
  /** seed-NNN: stated by a seed; external: public source outside the seeds; unverified: placeholder. */
  origin: z.enum(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'external', 'unverified']),
  note: z.string().optional(),
});

export const FeesConfigSchema = z.object({
  currency: z.literal('MOP'),
  unit: z.literal('avos'),
  source: z.string().min(1),
  fees: z.object(
    Object.fromEntries(FeeCode.options.map((code) => [code, FeeEntrySchema])) as Record<
      FeeCode,
      typeof FeeEntrySchema
    >,
  ),
  /** Payment methods at the kiosk, per service; `default` for the others. [003; 001 Other Q13] */
  kioskPaymentMethods: z
    .object({ default: z.array(PaymentMethod).min(1) })
    .catchall(z.array(PaymentMethod).min(1))
    .superRefine((methods, ctx) => {
      // A misspelt service id would silently fall back to the default methods.
      for (const key of Object.keys(methods)) {
        if (key !== 'default' && !ServiceId.safeParse(key).success) {
          ctx.addIssue({ code: 'custom', path: [key], message: `unknown service id "${key}"` });
        }
      }
    }),
});
export type FeesConfig = z.infer<typeof FeesConfigSchema>;

// ---- pickup.json ---------------------------------------------------------------------------

/**
 * Minutes of a time, or NaN when the time itself is invalid: zod still runs the refinements
 * below after a field-level failure, and that failure is already reported with its path.
 */
function minutesOrNaN(time: string): number {
  try {
    return minutesOfTime(time);
  } catch {
    return Number.NaN;
  }
}

const ReadyAtSchema = z.object({
  /** 0 = the receipt day, 1 = next working day, … */
  workingDaysLater: z.number().int().min(0).max(60),
  at: LocalTimeSchema,
});

const PlaceRuleSchema = z.discriminatedUnion('rule', [
  /** Ready time read from the receipt-time bands (the seed 003 table). */
  z.object({ rule: z.literal('by-band') }),
  /** Ready N working days after the receipt day, at a fixed time. */
  /** (At least 1, so the ready time can never precede a submission late on the receipt day.) */
  z.object({ rule: z.literal('working-days'), workingDaysLater: z.number().int().min(1).max(60), at: LocalTimeSchema }),
  /** Ready N working days after another place is ready (Hengqin: HQ + 5 [004]). */
  z.object({ rule: z.literal('after-place'), basePlace: PickupPlace, extraWorkingDays: z.number().int().min(0).max(60) }),
]);

const BandSchema = z.object({
  /** The band runs from this time (inclusive) until the next band's `from` (exclusive). */
  from: LocalTimeSchema,
  ready: z.partialRecord(PickupPlace, ReadyAtSchema),
});

const PickupScheduleSchema = z
  .object({
    bands: z.array(BandSchema).default([]),
    places: z.partialRecord(PickupPlace, PlaceRuleSchema),
    collectWithinDays: z.partialRecord(PickupPlace, z.number().int().positive()).default({}),
  })
  .superRefine((schedule, ctx) => {
    schedule.bands.forEach((band, index) => {
      const next = schedule.bands[index + 1];
      if (next && minutesOrNaN(next.from) <= minutesOrNaN(band.from)) {
        ctx.addIssue({ code: 'custom', path: ['bands', index + 1, 'from'], message: 'bands must be in ascending time order' });
      }
      for (const [place, ready] of Object.entries(band.ready)) {
        // A same-day ready time must come after the band ends, or it would precede the receipt.
        if (ready && ready.workingDaysLater === 0) {
          const endsAt = next ? minutesOrNaN(next.from) : 24 * 60;
          if (!next || minutesOrNaN(ready.at) < endsAt) {
            ctx.addIssue({
              code: 'custom',
              path: ['bands', index, 'ready', place, 'at'],
              message: 'a same-day ready time must not be earlier than the end of its band',
            });
          }
        }
      }
    });
    for (const [place, rule] of Object.entries(schedule.places)) {
      if (rule?.rule === 'by-band') {
        if (schedule.bands.length === 0) {
          ctx.addIssue({ code: 'custom', path: ['places', place], message: 'by-band needs at least one band' });
        }
        schedule.bands.forEach((band, index) => {
          if (!band.ready[place as PickupPlace]) {
            ctx.addIssue({ code: 'custom', path: ['bands', index, 'ready', place], message: `missing ready time for ${place}` });
          }
        });
      }
      if (rule?.rule === 'after-place') {
        const base = schedule.places[rule.basePlace];
        if (!base || base.rule === 'after-place') {
          ctx.addIssue({
            code: 'custom',
            path: ['places', place, 'basePlace'],
            message: 'basePlace must be a place of this schedule with a by-band or working-days rule',
          });
        }
      }
    }
  });
export type PickupSchedule = z.infer<typeof PickupScheduleSchema>;

export const PickupConfigSchema = z.object({
  source: z.string().min(1),
  /** Opening hours of every pickup place, Macau time. [003, 004] */
  offices: z.record(PickupPlace, OfficeHoursSchema),
  /** Every pickup place's address in the four languages: the one copy screens and receipts show. */
  addresses: z.record(PickupPlace, PickupAddressSchema),
  /** Whose hours are "office hours" in the rules (DSI counters). [003] */
  officeHoursOffice: PickupPlace,
  schedules: z.record(z.string().min(1), PickupScheduleSchema),
  /** Which schedule each document-producing service uses; services not listed have no pickup. */
  serviceSchedules: z.partialRecord(ServiceId, z.string().min(1)),
}).superRefine((config, ctx) => {
  for (const [service, name] of Object.entries(config.serviceSchedules)) {
    if (name !== undefined && !(name in config.schedules)) {
      ctx.addIssue({ code: 'custom', path: ['serviceSchedules', service], message: `unknown schedule "${name}"` });
    }
  }
});
export type PickupConfig = z.infer<typeof PickupConfigSchema>;

// ---- kiosk-rules.json ----------------------------------------------------------------------

/** Values the seeds leave open; each one is listed in docs/service-rules.md. */
export const KioskRulesConfigSchema = z.object({
  source: z.string().min(1),
  /** Warn when the residence certificate expires within this many days. [000 says "warn"] */
  residenceCertificateWarnDays: z.number().int().min(0).max(90),
  /** When someone born on 29 February has a birthday in a common year. */
  leapDayBirthday: z.enum(['february-28', 'march-1']),
  /** Fingers captured for a new card when ten are not required. */
  standardFingers: z.array(Finger).min(1),
  /** Used when the back office does not say what the new card needs captured. */
  captureDefaults: z.object({ tenFingerprints: z.boolean(), height: z.boolean() }),
  /** Whether the marriage-registration day counts as day 1 of the 60 days. [001 ID Q16] */
  marriageWindowCountsRegistrationDay: z.boolean(),
  /** Same-day queue tickets stop this many minutes before an office closes. */
  sameDayTicketCutoffMinutes: z.number().int().min(0).max(240),
  /** Where the overview's time estimates come from (the resident-time model). */
  visitMinutesSource: z.string().min(1),
  /** The time estimate the overview gives before each service, whole minutes for a first visit. */
  visitMinutes: z.record(ServiceId, z.number().int().min(1).max(30)),
  /**
   * Paying at a counter (office hours only, where the rules allow it) [001 ID Q31]: the fee is due at
   * any of these DSI counters by the close of office hours on the day it was chosen (the seeds give
   * no deadline: the conservative one is the day itself, so the application is not held unpaid).
   */
  counterPayment: z.object({ payBy: z.literal('close-of-office-hours-today'), counters: z.array(CounterOffice).min(1) }),
});
export type KioskRulesConfig = z.infer<typeof KioskRulesConfigSchema>;

// ---- everything --------------------------------------------------------------------------

export const RulesConfigSchema = z.object({
  holidays: z.array(HolidayYearSchema).min(1),
  fees: FeesConfigSchema,
  pickup: PickupConfigSchema,
  rules: KioskRulesConfigSchema,
});
export type RulesConfig = z.infer<typeof RulesConfigSchema>;
