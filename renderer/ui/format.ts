import type { Language } from '../../electron/shared/kiosk-api/contract.js';

/** English dates as the Macao government writes them, day first: "24 November 2026" (en-GB), not "November 24, 2026". */
function dateLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}

/**
 * Building an `Intl` formatter costs far more than formatting with one (locale data is resolved each
 * time), and screens format on every render: each formatter is built once per language and kept.
 */
function cached<F>(make: (language: Language) => F): (language: Language) => F {
  const made = new Map<Language, F>();
  return (language) => {
    let formatter = made.get(language);
    if (!formatter) made.set(language, (formatter = make(language)));
    return formatter;
  };
}

const instantFormat = cached((language) => new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Macau' }));
const macauDayFormat = cached((language) => new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'Asia/Macau' }));
const dateFormat = cached((language) => new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' }));
const mopFormat = cached((language) => new Intl.NumberFormat(language, { style: 'currency', currency: 'MOP' }));
const macauClockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Macau' });

const decimalFormat = cached((language) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }));

/** A number in the resident's language: a decimal comma in Portuguese ("158,8"), a point elsewhere. */
export function formatDecimal(value: number, language: Language): string {
  return decimalFormat(language).format(value);
}

/** Presentation only: the host's instants, dates and avos shown in the resident's language. */
export function formatInstant(iso: string, language: Language): string {
  return instantFormat(language).format(new Date(iso));
}

/** An instant that starts a Macau day reads as that date alone ("from 18 January 2032"), not "12:00 a.m.". */
export function formatFrom(iso: string, language: Language): string {
  const instant = new Date(iso);
  return macauClockFormat.format(instant) === '00:00' ? macauDayFormat(language).format(instant) : formatInstant(iso, language);
}

export function formatDate(isoDate: string, language: Language): string {
  return dateFormat(language).format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatMop(avos: number, language: Language): string {
  return mopFormat(language).format(avos / 100);
}

const macauMinuteFormat = new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Asia/Macau' });

/** An instant as Macau's clocks show it, to the minute, "2026-11-24, 10:30": the technician's screens. */
export function formatMacauMinute(iso: string): string {
  return macauMinuteFormat.format(new Date(iso));
}
