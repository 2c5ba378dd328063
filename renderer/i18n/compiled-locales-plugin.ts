import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compileMessages } from './compile-messages.js';
import type { CompiledBundle } from './compiled-messages.js';
import { LAZY_SECTIONS, type LazySection } from './lazy-sections.js';

/**
 * `virtual:kiosk-locale/<lang>`: locales/<lang>.json with its ICU messages parsed to ASTs at build
 * time (renderer/i18n/compile-messages.ts), so the renderer ships no ICU parser (issue 20), less the
 * sections only lazy code reads (lazy-sections.ts). `virtual:kiosk-locale-section/<section>`: one
 * such section in every language, `{ <lang>: messages }`, a chunk of its own. The JSON files are
 * watched: an edit reloads the locale in the development server. Used by the renderer's build and by
 * vitest (unit tests that start the renderer's i18n).
 */
export function compiledLocales(): Plugin {
  const localePrefix = 'virtual:kiosk-locale/';
  const sectionPrefix = 'virtual:kiosk-locale-section/';
  const localeId = '\0kiosk-locale:';
  const sectionId = '\0kiosk-locale-section:';
  const localesDir = new URL('../../locales/', import.meta.url);
  const isSection = (name: string): name is LazySection => (LAZY_SECTIONS as readonly string[]).includes(name);
  return {
    name: 'kiosk-compiled-locales',
    resolveId(id) {
      if (id.startsWith(localePrefix) && /^[\w-]+$/.test(id.slice(localePrefix.length))) return `${localeId}${id.slice(localePrefix.length)}`;
      if (id.startsWith(sectionPrefix) && isSection(id.slice(sectionPrefix.length))) return `${sectionId}${id.slice(sectionPrefix.length)}`;
      return null;
    },
    load(id) {
      const compile = (language: string): CompiledBundle => {
        const file = fileURLToPath(new URL(`${language}.json`, localesDir));
        this.addWatchFile(file);
        return compileMessages(JSON.parse(readFileSync(file, 'utf8')), language);
      };
      if (id.startsWith(localeId)) {
        const bundle: Record<string, CompiledBundle[string]> = { ...compile(id.slice(localeId.length)) };
        for (const section of LAZY_SECTIONS) delete bundle[section];
        return `export default ${JSON.stringify(bundle)};`;
      }
      if (id.startsWith(sectionId)) {
        const section = id.slice(sectionId.length);
        const languages = readdirSync(localesDir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
        const messages = Object.fromEntries(
          languages.map((language) => {
            const messages = compile(language)[section];
            if (!messages) throw new Error(`locales/${language}.json has no section ${section} (renderer/i18n/lazy-sections.ts)`);
            return [language, messages];
          }),
        );
        return `export default ${JSON.stringify(messages)};`;
      }
      return null;
    },
  };
}
