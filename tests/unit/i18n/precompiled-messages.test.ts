import { readFileSync } from 'node:fs';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { Language } from '../../../electron/shared/kiosk-api/contract.js';
import { compileMessages } from '../../../renderer/i18n/compile-messages.js';
import { type CompiledBundle, expandAst, isCompiledMessage, printAst } from '../../../renderer/i18n/compiled-messages.js';
import { icuFormat } from '../../../renderer/i18n/icu-format.js';

/**
 * The renderer's locales are precompiled at build time (renderer/i18n/compile-messages.ts) and
 * formatted by its own i18next plugin (icu-format.ts) instead of i18next-icu parsing them at run
 * time. Every message must read exactly as it did with i18next-icu: that pair is the reference here.
 */
type Tree = { [key: string]: string | Tree };
const sources = Object.fromEntries(Language.options.map((language) => [language, JSON.parse(readFileSync(`locales/${language}.json`, 'utf8')) as Tree])) as Record<Language, Tree>;

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

function argumentNames(message: string, language: string): string[] {
  const names = new Set<string>();
  const walk = (ast: ReturnType<IntlMessageFormat['getAst']>): void => {
    for (const element of ast) {
      if (element.type !== 0 && element.type !== 7) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).getAst());
  return [...names];
}

async function withICU(resources: Record<string, Tree>): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(ICU).init({ resources: Object.fromEntries(Object.entries(resources).map(([lng, tree]) => [lng, { translation: tree }])), lng: Object.keys(resources)[0], fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
  return instance;
}

async function withCompiled(resources: Record<string, CompiledBundle>): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(icuFormat).init({ resources: Object.fromEntries(Object.entries(resources).map(([lng, bundle]) => [lng, { translation: bundle }])), lng: Object.keys(resources)[0], fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
  return instance;
}

const t = (instance: i18n, key: string, values: Record<string, unknown>, lng: string): unknown => instance.t(key as never, { ...values, lng } as never);

/** One message with each kind of argument the locales use: plural (with `#` and `=0`), select, number, date. */
const SAMPLE = '{count, plural, =0 {no tries left} one {# try left} other {# tries left}}; {method, select, card {by card} other {at the counter}}; {amount, number}; {height, number, ::.0}; {on, date, long}';

describe('precompiled locale messages', () => {
  it.each(Language.options)('%s: every message reads as it did with i18next-icu (all arguments, and none)', async (language) => {
    const today = await withICU({ [language]: sources[language] });
    const compiled = await withCompiled({ [language]: compileMessages(sources[language], language) });
    for (const [key, source] of flatten(sources[language])) {
      const values = Object.fromEntries(argumentNames(source, language).map((name) => [name, 2]));
      expect(t(compiled, key, values, language), `${language} ${key}`).toEqual(t(today, key, values, language));
      expect(t(compiled, key, {}, language), `${language} ${key} without its arguments`).toEqual(t(today, key, {}, language));
    }
  });

  it('formats plural, select, number and date arguments as i18next-icu did, and a missing one as the source', async () => {
    const today = await withICU({ en: { sample: SAMPLE }, pt: { sample: SAMPLE } });
    const compiled = await withCompiled({ en: compileMessages({ sample: SAMPLE }, 'en'), pt: compileMessages({ sample: SAMPLE }, 'pt') });
    const on = new Date(Date.UTC(2026, 11, 7, 12));
    for (const lng of ['en', 'pt']) {
      for (const values of [
        { count: 0, method: 'card', amount: 1234.5, height: 158.84, on },
        { count: 1, method: 'cash', amount: 90, height: 170, on },
        { count: 3, method: 'card', amount: 0.25, height: 99.95, on },
      ]) {
        expect(t(compiled, 'sample', values, lng)).toEqual(t(today, 'sample', values, lng));
      }
      // A missing argument: the message's source, as before.
      const missing = { count: 2, method: 'card', amount: 1 };
      expect(t(today, 'sample', missing, lng)).toBe(SAMPLE);
      expect(t(compiled, 'sample', missing, lng)).toBe(SAMPLE);
    }
    expect(t(compiled, 'sample', { count: 1, method: 'card', amount: 1234.5, height: 158.84, on }, 'pt')).toBe('1 try left; by card; 1.234,5; 158,8; 7 de dezembro de 2026');
  });

  it('stores a message without arguments as its text, ICU quoting undone', () => {
    const compiled = compileMessages({ a: { plain: 'Insert your card', quoted: "Don''t remove the '{card}'", tag: 'Press <0>OK</0>' }, counted: '{n, plural, other {# left}}' }, 'en');
    expect(compiled).toMatchObject({ a: { plain: 'Insert your card', quoted: "Don't remove the {card}", tag: 'Press <0>OK</0>' } });
    expect(isCompiledMessage(compiled.counted)).toBe(true);
  });

  it('compacts the AST without losing anything: expanded, it is the parsed AST; printed, it parses to the same', () => {
    for (const language of Language.options) {
      for (const [key, source] of [...flatten(sources[language]), ['sample', SAMPLE] as [string, string]]) {
        const compiled = compileMessages({ message: source }, language).message;
        if (!isCompiledMessage(compiled)) continue;
        const parsed = new IntlMessageFormat(source, language, undefined, { ignoreTag: true }).getAst();
        expect(expandAst(compiled[0]), `${language} ${key}`).toEqual(parsed);
        expect(new IntlMessageFormat(printAst(compiled[0]), language, undefined, { ignoreTag: true }).getAst(), `${language} ${key} printed`).toEqual(parsed);
      }
    }
  });

  it('fails the build on a message that is not ICU', () => {
    expect(() => compileMessages({ broken: { one: '{count, plural, one {#}' } }, 'en')).toThrow(/locales\/en\.json: broken\.one is not an ICU message/);
  });
});
