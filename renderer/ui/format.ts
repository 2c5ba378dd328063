import type { Language } from '../../electron/host/bridge/contract.js';

/** English dates as the Macao government writes them, day first: "24 November 2026" (en-GB), not "November 24, 2026". */
function dateLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}

/** A number in the resident's language: a decimal comma in Portuguese ("158,8"), a point elsewhere. */
export function formatDecimal(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** Presentation only: the host's instants, dates and avos shown in the resident's language. */
export function formatInstant(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Macau' }).format(new Date(iso));
}

/** An instant that starts a Macau day reads as that date alone ("from 18 January 2032"), not "12:00 a.m.". */
export function formatFrom(iso: string, language: Language): string {
  const instant = new Date(iso);
  const macauClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Macau' }).format(instant);
  return macauClock === '00:00'
    ? new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'Asia/Macau' }).format(instant)
    : formatInstant(iso, language);
}

export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatMop(avos: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'MOP' }).format(avos / 100);
}

const macauMinuteFormat = new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Asia/Macau' });

/** An instant as Macau's clocks show it, to the minute, "2026-11-24, 10:30": the technician's screens. */
export function formatMacauMinute(iso: string): string {
  return macauMinuteFormat.format(new Date(iso));
}
