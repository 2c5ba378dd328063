import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import declines from 'virtual:kiosk-locale-section/declines';
import govPay from 'virtual:kiosk-locale-section/govPay';
import guidance from 'virtual:kiosk-locale-section/guidance';
import keyboard from 'virtual:kiosk-locale-section/keyboard';
import maintenance from 'virtual:kiosk-locale-section/maintenance';
import paymentMethods from 'virtual:kiosk-locale-section/paymentMethods';
import reasons from 'virtual:kiosk-locale-section/reasons';
import referrals from 'virtual:kiosk-locale-section/referrals';
import residenceCertificate from 'virtual:kiosk-locale-section/residenceCertificate';
import slip from 'virtual:kiosk-locale-section/slip';
import speech from 'virtual:kiosk-locale-section/speech';
import withdrawal from 'virtual:kiosk-locale-section/withdrawal';
import en from 'virtual:kiosk-locale/en';
import pt from 'virtual:kiosk-locale/pt';
import zhHans from 'virtual:kiosk-locale/zh-Hans';
import zhHant from 'virtual:kiosk-locale/zh-Hant';
import { describe, expect, it } from 'vitest';
import { Language } from '../../../electron/shared/kiosk-api/contract.js';
import { addLocaleSection } from '../../../renderer/i18n/add-locale-section.js';
import { compileMessages } from '../../../renderer/i18n/compile-messages.js';
import type { CompiledBundle } from '../../../renderer/i18n/compiled-messages.js';
import { initI18n, loadLanguage } from '../../../renderer/i18n/i18n.js';
import { LAZY_SECTIONS, type LazySection } from '../../../renderer/i18n/lazy-sections.js';

/**
 * The locale split for the entry chunk (renderer/i18n/lazy-sections.ts) loses no message: each
 * language's chunk and the lazy sections together are the whole locale, and once the lazy code has
 * added its section every key of locales/<lang>.json is there, in all four languages, whichever
 * arrives first (the section or the language's own chunk).
 */
const LOCALES: Record<Language, CompiledBundle> = { 'zh-Hant': zhHant, 'zh-Hans': zhHans, pt, en };
const SECTIONS: Record<LazySection, Readonly<Record<Language, CompiledBundle>>> = {
  speech,
  maintenance,
  reasons,
  referrals,
  govPay,
  declines,
  paymentMethods,
  withdrawal,
  residenceCertificate,
  slip,
  keyboard,
  guidance,
};
const json = (language: Language): unknown => JSON.parse(readFileSync(`locales/${language}.json`, 'utf8'));

function keys(messages: unknown, path = ''): string[] {
  return Object.entries(messages as Record<string, unknown>).flatMap(([key, value]) => (typeof value === 'string' ? [`${path}${key}`] : keys(value, `${path}${key}.`)));
}

describe('lazy locale sections', () => {
  it('each language chunk holds no lazy section, and with the sections is the whole locale', () => {
    expect(Object.keys(SECTIONS).sort()).toEqual([...LAZY_SECTIONS].sort());
    for (const language of Language.options) {
      for (const section of LAZY_SECTIONS) expect(LOCALES[language], `${language} ${section}`).not.toHaveProperty(section);
      const merged = { ...LOCALES[language], ...Object.fromEntries(LAZY_SECTIONS.map((section) => [section, SECTIONS[section][language]])) };
      expect(merged, language).toEqual(compileMessages(json(language), language));
    }
  });

  it('every message is reachable in every language once the lazy code has added its sections', async () => {
    initI18n();
    // The speaker can start before a language's own chunk has arrived: the chunk must not drop it.
    addLocaleSection('speech', speech);
    await Promise.all(Language.options.map((language) => loadLanguage(language)));
    for (const section of LAZY_SECTIONS) addLocaleSection(section, SECTIONS[section]);
    for (const language of Language.options) {
      const missing = keys(json(language)).filter((key) => i18next.getResource(language, 'translation', key) === undefined);
      expect(missing, language).toEqual([]);
    }
    expect(i18next.t('speech.readScreen', { lng: 'pt' })).toBe((json('pt') as { speech: { readScreen: string } }).speech.readScreen);
    expect(i18next.t('maintenance.title', { lng: 'zh-Hant' })).not.toBe('maintenance.title');
  });
});
