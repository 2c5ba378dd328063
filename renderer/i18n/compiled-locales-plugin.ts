import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compileMessages } from './compile-messages.js';

/**
 * `virtual:kiosk-locale/<lang>`: locales/<lang>.json with its ICU messages parsed to ASTs at build
 * time (renderer/i18n/compile-messages.ts), so the renderer ships no ICU parser (issue 20). The
 * JSON file is watched: an edit reloads the locale in the development server. Used by the renderer's
 * build and by vitest (unit tests that start the renderer's i18n).
 */
export function compiledLocales(): Plugin {
  const prefix = 'virtual:kiosk-locale/';
  const resolved = '\0kiosk-locale:';
  return {
    name: 'kiosk-compiled-locales',
    resolveId: (id) => (id.startsWith(prefix) && /^[\w-]+$/.test(id.slice(prefix.length)) ? `${resolved}${id.slice(prefix.length)}` : null),
    load(id) {
      if (!id.startsWith(resolved)) return null;
      const language = id.slice(resolved.length);
      const file = fileURLToPath(new URL(`../../locales/${language}.json`, import.meta.url));
      this.addWatchFile(file);
      const bundle = compileMessages(JSON.parse(readFileSync(file, 'utf8')), language);
      return `export default ${JSON.stringify(bundle)};`;
    },
  };
}
