import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { Language } from '../../../electron/shared/kiosk-api/contract.js';
import { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { ServiceId } from '../../../electron/shared/kiosk-api/schemas/service-id.js';
import { UNSAID_IN_SOME_LANGUAGES } from '../../../renderer/speech/spoken-keys.js';

type Tree = { [key: string]: string | Tree };

const locales = Object.fromEntries(
  Language.options.map((language) => [language, JSON.parse(readFileSync(`locales/${language}.json`, 'utf8')) as Tree]),
) as Record<Language, Tree>;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const reference = flatten(locales['zh-Hant']);

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The names of every argument a message takes, nested plural and select branches included. */
function argumentNames(ast: Ast, into = new Set<string>()): Set<string> {
  for (const element of ast) {
    const kind = element.type as number; // 0 literal and 7 `#` carry no argument name
    if ('value' in element && typeof element.value === 'string' && kind !== 0 && kind !== 7) {
      into.add(element.value);
    }
    if ('options' in element) {
      for (const option of Object.values(element.options as Record<string, { value: Ast }>)) argumentNames(option.value, into);
    }
    if ('children' in element) argumentNames(element.children as Ast, into);
  }
  return into;
}

describe('locales', () => {
  it.each(Language.options)('%s has exactly the keys of the reference (zh-Hant)', (language) => {
    const keys = [...flatten(locales[language]).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(Language.options)('%s has no empty string (but the words its grammar does not say)', (language) => {
    const unsaid: ReadonlySet<string> = new Set(UNSAID_IN_SOME_LANGUAGES);
    const empty = [...flatten(locales[language])].filter(([key, value]) => value.trim() === '' && !unsaid.has(key)).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(Language.options)('%s: every message is valid ICU, takes the reference arguments, and formats', (language) => {
    for (const [key, message] of flatten(locales[language])) {
      const format = new IntlMessageFormat(message, language);
      const names = argumentNames(format.getAst());
      const expected = argumentNames(new IntlMessageFormat(reference.get(key) ?? '', 'zh-Hant').getAst());
      expect([...names].sort(), `${language} ${key}: arguments`).toEqual([...expected].sort());
      // Numbers fit every argument kind: plain, number, plural, and select (falls to `other`).
      const values = Object.fromEntries([...names].map((name) => [name, 2]));
      expect(() => format.format(values), `${language} ${key}`).not.toThrow();
    }
  });

  it('translates every API error code the renderer can receive', () => {
    const missing = ApiErrorCode.options.filter((code) => !reference.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('names every service', () => {
    const missing = ServiceId.options.filter((id) => !reference.has(`services.${id}`));
    expect(missing).toEqual([]);
  });

  it('uses plural forms where a count is shown (English)', () => {
    const en = flatten(locales.en).get('idle.countdown')!;
    expect(new IntlMessageFormat(en, 'en').format({ seconds: 1 })).toContain('1 second.');
    expect(new IntlMessageFormat(en, 'en').format({ seconds: 30 })).toContain('30 seconds.');
  });
});
