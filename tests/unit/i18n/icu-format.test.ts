import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMessages } from '../../../renderer/i18n/compile-messages.js';
import { type CompiledBundle } from '../../../renderer/i18n/compiled-messages.js';
import { formatMessage } from '../../../renderer/i18n/icu-format.js';

/**
 * The renderer's formatter builds no Intl object per message (issue 20, wave 28): a screen's first
 * render formats dozens of messages it never formatted before, and an IntlMessageFormat per message
 * resolved its locale and built its own NumberFormat and PluralRules each time (36 ms of the
 * overview's render at 4x CPU). The formatted text itself is checked against i18next-icu in
 * precompiled-messages.test.ts.
 */
const bundle = compileMessages(
  {
    a: '{n, plural, one {# minute} other {# minutes}}',
    b: 'about {n, plural, one {# hour} other {# hours}}',
    c: '{amount, number} avos, {n, plural, one {# step} other {# steps}}',
  },
  'en',
) as Record<string, CompiledBundle[string]>;

afterEach(() => vi.restoreAllMocks());

describe('the precompiled messages formatter', () => {
  it('formats new messages without resolving the locale or building Intl formatters again', () => {
    expect(formatMessage(bundle.a, { n: 1 }, 'en')).toBe('1 minute'); // the formatters for en, built once
    const resolved = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    const plurals = vi.spyOn(Intl, 'PluralRules');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    const texts = [formatMessage(bundle.b, { n: 2 }, 'en'), formatMessage(bundle.c, { n: 3, amount: 9000 }, 'en')];
    expect(resolved).not.toHaveBeenCalled();
    expect(plurals).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
    expect(texts).toEqual(['about 2 hours', '9,000 avos, 3 steps']);
  });

  it('reads as its source when an argument is missing', () => {
    expect(formatMessage(bundle.c, { n: 3 }, 'en')).toBe('{amount, number} avos, {n, plural, one {# step} other {# steps}}');
  });
});
