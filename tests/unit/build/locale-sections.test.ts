import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Language } from '../../../electron/shared/kiosk-api/contract.js';
import { compileMessages } from '../../../renderer/i18n/compile-messages.js';
import type { CompiledBundle } from '../../../renderer/i18n/compiled-messages.js';
import { LAZY_SECTIONS } from '../../../renderer/i18n/lazy-sections.js';
import { rendererChunks } from '../../helpers/renderer-chunks.js';

/**
 * The locale sections only lazy code reads (renderer/i18n/lazy-sections.ts: the speaker's words, the
 * technician's screens, the refusal's reasons) stay out of what the first paint loads and out of each
 * language's locale chunk, and are in a lazy chunk (issue 20, the entry chunk). The probes are each
 * section's texts that are found nowhere else in the language's messages, looked for as whole string
 * literals (a schema's error text may contain a message's words). Needs a build.
 */
const dist = join(process.cwd(), 'dist/renderer');

function texts(messages: CompiledBundle[string] | readonly unknown[]): string[] {
  if (typeof messages === 'string') return [messages];
  return Object.values(messages).flatMap((value) => (typeof value === 'string' || (value && typeof value === 'object') ? texts(value as CompiledBundle[string]) : []));
}

function probes(language: Language, section: string): string[] {
  const compiled = compileMessages(JSON.parse(readFileSync(`locales/${language}.json`, 'utf8')), language) as Record<string, CompiledBundle[string]>;
  const rest = JSON.stringify(Object.fromEntries(Object.entries(compiled).filter(([key]) => !(LAZY_SECTIONS as readonly string[]).includes(key))));
  const messages = compiled[section];
  if (messages === undefined) throw new Error(`locales/${language}.json has no section ${section}`);
  // Quotes, backslashes and `$` may be written otherwise by the minifier; a compiled message's argument
  // names (one word of ASCII) are names the code uses too; a text the rest of the locale also has proves nothing.
  return [...new Set(texts(messages))].filter((text) => text.length >= 2 && !/["'`\\$\n]/.test(text) && /\s|[^ -~]/.test(text) && !rest.includes(`"${text}"`));
}

/** The chunk holds the text as a whole string (the minifier quotes with any of the three). */
const holds = (code: string, text: string): boolean => ['"', "'", '`'].some((quote) => code.includes(`${quote}${text}${quote}`));

describe('lazy locale sections', () => {
  it.each(LAZY_SECTIONS.flatMap((section) => Language.options.map((language) => [section, language] as const)))('%s in %s: not loaded by the first paint nor in the locale chunk, in a lazy chunk', (section, language) => {
    expect(existsSync(join(dist, 'index.html')), 'run `npm run build` first').toBe(true);
    const { initial, lazy, code } = rendererChunks(dist);
    const localeChunk = lazy.find((name) => name.startsWith(`_kiosk-locale_${language}-`));
    const found = probes(language, section);
    expect(found.length, 'probes').toBeGreaterThan(0);
    for (const probe of found) {
      const holders = [...code].filter(([, text]) => holds(text, probe)).map(([name]) => name);
      expect(holders, probe).not.toHaveLength(0);
      for (const holder of holders) {
        expect(initial, `${section}: "${probe}" is loaded by the first paint (${holder})`).not.toContain(holder);
        expect(lazy).toContain(holder);
        expect(holder, `${section}: "${probe}" is in the ${language} locale chunk`).not.toBe(localeChunk);
      }
    }
  });
});
