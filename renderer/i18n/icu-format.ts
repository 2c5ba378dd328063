import type { I18nFormatModule } from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';
import { type CompiledMessage, expandAst, isCompiledMessage, printAst } from './compiled-messages.js';

/**
 * i18next's format step for the precompiled locales (compile-messages.ts), in place of i18next-icu:
 * the same formatting (intl-messageformat, tags left as text) from the ASTs made at build time, so
 * the renderer ships no ICU parser. A message without arguments is already its text. A message
 * that cannot be formatted (a missing argument, say) reads as its ICU source, as with i18next-icu.
 *
 * Formatters are kept per compiled message and language: a message is formatted on every render,
 * and building an IntlMessageFormat (its Intl formatters) costs far more than formatting with one.
 * Keyed by the compiled message itself, a bundle added again brings new ones and never an old one.
 */
const formatters = new WeakMap<object, Map<string, IntlMessageFormat>>();
/** What a message that cannot be formatted reads as (its source, printed once). */
const sources = new WeakMap<object, string>();

function formatterFor(message: CompiledMessage, language: string): IntlMessageFormat {
  let byLanguage = formatters.get(message);
  if (!byLanguage) formatters.set(message, (byLanguage = new Map()));
  let formatter = byLanguage.get(language);
  if (!formatter) byLanguage.set(language, (formatter = new IntlMessageFormat(expandAst(message[0]), language, undefined, { ignoreTag: true })));
  return formatter;
}

export function formatMessage(stored: unknown, values: Record<string, unknown> | undefined, language: string): unknown {
  if (!isCompiledMessage(stored)) return stored;
  try {
    return formatterFor(stored, language).format(values as Parameters<IntlMessageFormat['format']>[0]);
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
