/**
 * A pickup place's street address in the kiosk's four languages. The host's pickup table
 * (config/pickup.json) is the one source: the pickup screen, the review summary and the printed
 * receipt all show the string the host sends with each PickupOption, so they cannot disagree.
 */
import { z } from 'zod';

/** Long enough for the longest official address with its building and floor, short enough for one screen row. */
export const PICKUP_ADDRESS_MAX_CHARS = 120;

const AddressText = z.string().trim().min(1).max(PICKUP_ADDRESS_MAX_CHARS);

export const PickupAddressSchema = z.strictObject({
  'zh-Hant': AddressText,
  'zh-Hans': AddressText,
  pt: AddressText,
  en: AddressText,
});
export type PickupAddress = z.infer<typeof PickupAddressSchema>;
