import type { IntlMessageFormat } from 'intl-messageformat';

/** A message's AST, as intl-messageformat parses it (and accepts it instead of the ICU source). */
export type MessageAst = ReturnType<IntlMessageFormat['getAst']>;
type Element = MessageAst[number];

/**
 * The AST as a locale ships it, smaller: a text element is its string, a plural or select option
 * is its elements, and the plural defaults (offset 0, cardinal) are left out. `expandAst` restores it.
 */
export type CompactElement = string | CompactSelect | CompactPlural | Exclude<Element, { type: 0 | 5 | 6 }>;
interface CompactSelect {
  type: 5;
  value: string;
  options: Record<string, CompactElement[]>;
}
interface CompactPlural {
  type: 6;
  value: string;
  options: Record<string, CompactElement[]>;
  offset?: number;
  pluralType?: 'ordinal';
}

/**
 * A message with ICU arguments, compiled at build time (compile-messages.ts) to its compact AST,
 * wrapped in a tuple: locales hold no arrays of their own, so an array in a compiled bundle is
 * always one of these.
 */
export type CompiledMessage = readonly [ast: readonly CompactElement[]];

/**
 * A locale as the renderer loads it: the tree of locales/<lang>.json, where a message without
 * arguments is its final text (ICU quoting already undone) and a message with arguments is compiled.
 */
export interface CompiledBundle {
  readonly [key: string]: string | CompiledMessage | CompiledBundle;
}

export function isCompiledMessage(value: unknown): value is CompiledMessage {
  return Array.isArray(value);
}

const mapOptions = <A, B>(options: Record<string, A>, map: (option: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(options).map(([key, option]) => [key, map(option)]));

/** Build time: the AST in its compact form. */
export function compactAst(ast: MessageAst): CompactElement[] {
  return ast.map((element): CompactElement => {
    if (element.type === 0) return element.value;
    if (element.type === 5) return { type: 5, value: element.value, options: mapOptions(element.options, (option) => compactAst(option.value)) };
    if (element.type === 6) {
      const { type, value, options, offset, pluralType } = element;
      return { type, value, options: mapOptions(options, (option) => compactAst(option.value)), ...(offset ? { offset } : {}), ...(pluralType === 'ordinal' ? { pluralType } : {}) };
    }
    return element;
  });
}

/** Run time: intl-messageformat's AST from the compact form. */
export function expandAst(compact: readonly CompactElement[]): MessageAst {
  return compact.map((element): Element => {
    if (typeof element === 'string') return { type: 0, value: element };
    if (element.type === 5) return { type: 5, value: element.value, options: mapOptions(element.options, (option) => ({ value: expandAst(option) })) };
    if (element.type === 6) return { type: 6, value: element.value, options: mapOptions(element.options, (option) => ({ value: expandAst(option) })), offset: element.offset ?? 0, pluralType: element.pluralType ?? 'cardinal' };
    return element;
  });
}

const printOptions = (options: Record<string, readonly CompactElement[]>): string =>
  Object.entries(options)
    .map(([key, option]) => ` ${key} {${printAst(option)}}`)
    .join('');

/**
 * Run time, for a message that cannot be formatted (a missing argument, say): its ICU source again,
 * which is what i18next-icu showed then (the source is not shipped: this prints it from the AST).
 */
export function printAst(compact: readonly CompactElement[]): string {
  return compact
    .map((element) => {
      if (typeof element === 'string') return element;
      switch (element.type) {
        case 1:
          return `{${element.value}}`;
        case 2:
        case 3:
        case 4: {
          const kind = element.type === 2 ? 'number' : element.type === 3 ? 'date' : 'time';
          const { style } = element;
          const shown = !style ? '' : typeof style === 'string' ? `, ${style}` : 'tokens' in style ? `, ::${style.tokens.map((token) => [token.stem, ...token.options].join('/')).join(' ')}` : `, ::${style.pattern}`;
          return `{${element.value}, ${kind}${shown}}`;
        }
        case 5:
          return `{${element.value}, select,${printOptions(element.options)}}`;
        case 6:
          return `{${element.value}, ${element.pluralType === 'ordinal' ? 'selectordinal' : 'plural'},${element.offset ? ` offset:${element.offset}` : ''}${printOptions(element.options)}}`;
        case 7:
          return '#';
        default:
          return `<${element.value}>${printAst(compactAst(element.children))}</${element.value}>`;
      }
    })
    .join('');
}
