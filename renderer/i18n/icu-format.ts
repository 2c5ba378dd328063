import type { I18nFormatModule } from 'i18next';
import { type Formatters, formatToParts, IntlMessageFormat, type MessageFormatPart } from 'intl-messageformat';
import { type CompiledMessage, expandAst, isCompiledMessage, type MessageAst, printAst } from './compiled-messages.js';

/**
 * i18next's format step for the precompiled locales (compile-messages.ts), in place of i18next-icu:
 * the same formatting (intl-messageformat, tags left as text) from the ASTs made at build time, so
 * the renderer ships no ICU parser. A message without arguments is already its text. A message
 * that cannot be formatted (a missing argument, say) reads as its ICU source, as with i18next-icu.
 *
 * Formatted with intl-messageformat's own `formatToParts` over the expanded AST, with one set of
 * Intl formatters for every message, rather than an IntlMessageFormat per message: each of those
 * resolves its locale (`supportedLocalesOf`, `new Intl.Locale`) and builds its own NumberFormat and
 * PluralRules. A screen's first render formats 30 to 60 messages it never formatted before, and
 * at 4x CPU that construction was 36 ms of the overview's 77 ms render (docs/performance.md, wave 28).
 * Keyed by the compiled message itself, a bundle added again brings new ASTs and never an old one.
 */
const asts = new WeakMap<object, MessageAst>();
/** What a message that cannot be formatted reads as (its source, printed once). */
const sources = new WeakMap<object, string>();

/** One Intl object per (locales, options): what intl-messageformat memoizes per message, shared. */
function memoized<T>(make: (locales: string | string[] | undefined, options: object | undefined) => T): (locales?: string | string[], options?: object) => T {
  const made = new Map<string, T>();
  return (locales, options) => {
    const key = JSON.stringify([locales, options]);
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(locales, options)));
    return value;
  };
}
const formatters: Formatters = {
  getNumberFormat: memoized((locales, options) => new Intl.NumberFormat(locales, options)),
  getDateTimeFormat: memoized((locales, options) => new Intl.DateTimeFormat(locales, options)),
  getPluralRules: memoized((locales, options) => new Intl.PluralRules(locales, options)),
};

function astOf(message: CompiledMessage): MessageAst {
  let ast = asts.get(message);
  if (!ast) asts.set(message, (ast = expandAst(message[0])));
  return ast;
}

/** As IntlMessageFormat's `format`: one part is its value, adjacent text parts are joined. */
function joined(parts: MessageFormatPart<unknown>[]): unknown {
  if (parts.length === 1) return parts[0]!.value;
  const result = parts.reduce<unknown[]>((all, part) => {
    if (!all.length || part.type !== 0 || typeof all[all.length - 1] !== 'string') all.push(part.value);
    else all[all.length - 1] += part.value as string;
    return all;
  }, []);
  return result.length <= 1 ? (result[0] ?? '') : result;
}

export function formatMessage(stored: unknown, values: Record<string, unknown> | undefined, language: string): unknown {
  if (!isCompiledMessage(stored)) return stored;
  try {
    return joined(formatToParts(astOf(stored), language, formatters, IntlMessageFormat.formats, values as Parameters<typeof formatToParts>[4]));
  } catch {
    let source = sources.get(stored);
    if (source === undefined) sources.set(stored, (source = printAst(stored[0])));
    return source;
  }
}

/** What i18next calls on an `i18nFormat` module (its own typings declare only the type). */
interface CompiledFormatModule extends I18nFormatModule {
  handleAsObject: false;
  parse(stored: unknown, options: Record<string, unknown>, language: string): unknown;
}

export const icuFormat: CompiledFormatModule = {
  type: 'i18nFormat',
  // A compiled message is an array: i18next must hand it to `parse`, not treat it as a nested object.
  handleAsObject: false,
  parse: (stored, options, language) => formatMessage(stored, options, language),
};
