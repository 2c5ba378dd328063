/**
 * Locale sections that only lazy code reads, kept out of every language's locale chunk (issue 20,
 * the entry chunk: zh-Hant's chunk is part of the first paint). Each is a chunk of its own,
 * `virtual:kiosk-locale-section/<section>`, holding that section in all four languages, and is added
 * to i18next by the code that reads it (addLocaleSection), before that code shows or says anything:
 *
 * - `speech`: the speaker's own words (renderer/speech/speaker.ts, loaded after the first paint);
 * - `maintenance`: the technician's screens (renderer/maintenance/, a lazy screen);
 * - `reasons`, `referrals`: why a service is refused and where to go instead (RefusalScreen, lazy;
 *   the reasons also ContactDetailsScreen, for a minor's or ward's card);
 * - the words of parts only lazy screens use: `govPay`, `declines`, `paymentMethods` (PaymentScreen),
 *   `withdrawal` (WithdrawalScreen, ReceiptScreen), `residenceCertificate` (ReviewScreen's notice),
 *   `slip` (the counter's ticket and authenticity screens), `keyboard` (OnScreenKeyboard), `guidance`
 *   (DeviceGuidance). A section read by several modules is added by each (adding it again is harmless).
 *
 * Read by the build (compiled-locales-plugin.ts) and tests/unit/build/locale-sections.test.ts; a
 * section may move here only when no code of the entry chunk asks for one of its keys.
 */
export const LAZY_SECTIONS = [
  'speech',
  'maintenance',
  'reasons',
  'referrals',
  'govPay',
  'declines',
  'paymentMethods',
  'withdrawal',
  'residenceCertificate',
  'slip',
  'keyboard',
  'guidance',
] as const;
export type LazySection = (typeof LAZY_SECTIONS)[number];
