/**
 * The contact details a resident may change at the kiosk: phone, address, occupation and an
 * emergency contact. [001 ID Q18, Q31] Personal data: they travel only in the request of the
 * application (sealed in the journal, sent to the back office), never into a log.
 */
import { z } from 'zod';

/**
 * A phone number as the back office files it: a Macau number is 8 digits, mobile starting with 6,
 * landline with 2 (e.g. 66123456, 28123456); any other number is written with "+" and its country
 * code (E.164: up to 15 digits, e.g. +85291234567, +351912345678).
 */
export const ContactPhone = z
  .string()
  .regex(/^(?:[26]\d{7}|\+[1-9]\d{6,14})$/, 'expected 8 Macau digits starting with 6 or 2, or + and a country code');

/**
 * Free text typed on the kiosk's keyboard: Latin letters (with Portuguese accents), digits, spaces
 * and the punctuation of an address; with `chinese`, also Chinese characters (the address, typed by
 * pinyin on the keyboard). No control characters.
 */
const KioskText = (max: number, options: { chinese?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(
      options.chinese ? /^[A-Za-z0-9À-ÖØ-öø-ÿ\p{Script=Han} .,'’/#()&-]+$/u : /^[A-Za-z0-9À-ÖØ-öø-ÿ .,'’/#()&-]+$/,
      options.chinese ? 'Chinese characters, letters, digits, spaces and , . - / # ( ) only' : 'letters, digits, spaces and , . - / # ( ) only',
    );

export const ContactDetailsSchema = z.strictObject({
  phone: ContactPhone.optional(),
  address: KioskText(160, { chinese: true }).optional(),
  occupation: KioskText(60).optional(),
  emergencyContact: z.strictObject({ name: KioskText(80), phone: ContactPhone }).optional(),
});
export type ContactDetails = z.infer<typeof ContactDetailsSchema>;

/** The request's `dataChanges` names for the fields that are filled in. */
export function contactFieldsOf(details: ContactDetails): Array<'phone' | 'address' | 'occupation' | 'emergency-contact'> {
  return [
    ...(details.phone !== undefined ? (['phone'] as const) : []),
    ...(details.address !== undefined ? (['address'] as const) : []),
    ...(details.occupation !== undefined ? (['occupation'] as const) : []),
    ...(details.emergencyContact !== undefined ? (['emergency-contact'] as const) : []),
  ];
}
