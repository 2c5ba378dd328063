import i18next from 'i18next';
import type { Language } from '../../electron/shared/kiosk-api/contract.js';
import type { CompiledBundle } from './compiled-messages.js';
import type { LazySection } from './lazy-sections.js';

/**
 * Adds a lazy locale section (lazy-sections.ts) in every language, merged into each language's
 * messages (a language whose own chunk arrives later keeps it: that chunk has no such section).
 * Silent: no 'added' event, so the screens shown do not render again for messages they never read.
 * Call it after initI18n (which replaces i18next's store) and before the section's keys are read.
 */
export function addLocaleSection(section: LazySection, messages: Readonly<Record<Language, CompiledBundle>>): void {
  for (const [language, bundle] of Object.entries(messages)) {
    i18next.addResourceBundle(language, 'translation', { [section]: bundle }, true, true, { silent: true, skipCopy: true });
  }
}
