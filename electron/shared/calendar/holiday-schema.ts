/**
 * Shape of one year's holiday file (config/holidays/<year>.json). Operators replace these files
 * when the government publishes its list, so every check names the bad field.
 */
import { z } from 'zod';
import { LocalDateSchema } from './local-date.js';

export const HolidayKind = z.enum([
  /** A public holiday (公眾假日) that closes government offices. */
  'public',
  /** A compensatory rest day (補假) for a holiday falling on a Saturday or Sunday. */
  'compensatory',
  /** Any other day the government closes its offices (e.g. by Chief Executive's dispatch). */
  'government',
]);

export const HolidayEntrySchema = z.object({
  date: LocalDateSchema,
  kind: HolidayKind,
  name: z.object({ zh: z.string().min(1), pt: z.string().min(1).optional(), en: z.string().min(1) }),
});

export const HolidayYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Where the list came from and whether it was checked: shown on the technician screen. */
    source: z.string().min(1),
    holidays: z.array(HolidayEntrySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.holidays.forEach((holiday, index) => {
      if (!holiday.date.startsWith(`${file.year}-`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', index, 'date'],
          message: `date ${holiday.date} is not in year ${file.year}`,
        });
      }
      if (seen.has(holiday.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', index, 'date'],
          message: `date ${holiday.date} is listed twice`,
        });
      }
      seen.add(holiday.date);
    });
  });

export type HolidayEntry = z.infer<typeof HolidayEntrySchema>;
export type HolidayYear = z.infer<typeof HolidayYearSchema>;
