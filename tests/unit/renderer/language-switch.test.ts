import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { changeLanguage, startVisit } from '../../../renderer/flows/visit.js';
import { initI18n } from '../../../renderer/i18n/i18n.js';
import { useKiosk } from '../../../renderer/state/kiosk-store.js';

/**
 * A language tap switches the page's language (i18next and html[lang]) before the store shows the
 * result, so React renders the menu once, already in the new language, and the page's style is
 * recalculated once (issue 20, wave 27: the "English" tap rendered and laid out the menu twice).
 */
const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
const api = {
  session: { start: () => ok({ sessionId: 's-1' }), setLanguage: () => ok({}) },
  services: { list: () => ok({ services: [] }) },
} as unknown as KioskApi;

describe('a language tap', () => {
  beforeAll(() => {
    // The page's root element is all the switch touches of the DOM (vitest runs these in Node).
    (globalThis as { document?: unknown }).document = { documentElement: { lang: 'zh-Hant' } };
    initI18n();
  });

  it('has switched i18next and html[lang] when the store shows the menu, and again when the language changes mid-visit', async () => {
    useKiosk.setState({ api, screen: { name: 'attract' }, language: 'zh-Hant', sessionId: undefined });
    const seen: Array<{ screen: string; store: string; i18n: string; html: string }> = [];
    const stop = useKiosk.subscribe((state, before) => {
      if (state.screen !== before.screen || state.language !== before.language) {
        seen.push({ screen: state.screen.name, store: state.language, i18n: i18next.language, html: document.documentElement.lang });
      }
    });
    expect(await startVisit('en')).toBeUndefined();
    await changeLanguage('pt');
    stop();
    expect(seen).toEqual([
      { screen: 'menu', store: 'en', i18n: 'en', html: 'en' },
      { screen: 'menu', store: 'pt', i18n: 'pt', html: 'pt' },
    ]);
  });
});
