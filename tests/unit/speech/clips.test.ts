import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Language } from '../../../electron/shared/kiosk-api/contract.js';
import { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { clipsOf } from '../../../renderer/speech/data-items.js';
import { clipKeys } from '../../../renderer/speech/plan.js';
import { SCREEN_FALLBACK, SPOKEN_KEYS, TITLE_PROMPTS, UNSAID_IN_SOME_LANGUAGES } from '../../../renderer/speech/spoken-keys.js';

/** The pre-rendered speech (scripts/render-speech.mjs) matches the one list of spoken keys. */
const AUDIO = 'assets/audio';

function message(language: Language, key: string): unknown {
  let node: unknown = JSON.parse(readFileSync(`locales/${language}.json`, 'utf8'));
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('spoken keys and their clips', () => {
  it.each(Language.options)('%s has a clip for every spoken key', (language) => {
    const missing = SPOKEN_KEYS.filter((key) => message(language, key) !== '' && !existsSync(join(AUDIO, language, `${key}.ogg`)));
    expect(missing).toEqual([]);
  });

  it.each(Language.options)('%s: a word the language does not say (an empty message) has no clip and is left out of what is played', (language) => {
    for (const key of UNSAID_IN_SOME_LANGUAGES) {
      const said = message(language, key) !== '';
      expect(existsSync(join(AUDIO, language, `${key}.ogg`)), `${language} ${key}`).toBe(said);
      const clips = clipKeys([{ text: 'Step 3 of 9', clips: clipsOf(`speech.step.lead %3 speech.step.of %9 ${key}`) }], (k) => message(language, k) as string);
      expect(clips.includes(key), `${language} ${key}`).toBe(said);
    }
  });

  it.each(Language.options)('%s has no clip that is not a spoken key', (language) => {
    const clips = readdirSync(join(AUDIO, language)).filter((name) => name !== 'texts.json');
    const orphans = clips.filter((name) => !name.endsWith('.ogg') || !SPOKEN_KEYS.includes(name.slice(0, -'.ogg'.length)));
    expect(orphans).toEqual([]);
  });

  it.each(Language.options)('%s: every spoken key is a message without arguments (a clip cannot say a name or a number)', (language) => {
    for (const key of SPOKEN_KEYS) {
      const text = message(language, key);
      expect(typeof text, `${language} ${key}`).toBe('string');
      const ast = new IntlMessageFormat(text as string, language).getAst();
      expect(ast.every((element) => element.type === 0), `${language} ${key} takes arguments`).toBe(true);
    }
  });

  it('covers every API error, every screen title it knows, the greeting and the idle warning', () => {
    for (const code of ApiErrorCode.options) expect(SPOKEN_KEYS).toContain(`errors.${code}`);
    for (const [title, prompts] of Object.entries(TITLE_PROMPTS)) for (const key of [title, ...prompts]) expect(SPOKEN_KEYS).toContain(key);
    for (const key of SCREEN_FALLBACK.greeting) expect(SPOKEN_KEYS).toContain(key);
    expect(SPOKEN_KEYS).toContain('speech.idleWarning');
  });

  it('keeps the clips small (under 3.5 MB in all), mono Ogg files', () => {
    let total = 0;
    for (const language of Language.options) {
      for (const name of readdirSync(join(AUDIO, language))) {
        if (!name.endsWith('.ogg')) continue;
        const file = join(AUDIO, language, name);
        total += statSync(file).size;
        // Ogg pages start with "OggS"; Opus streams carry "OpusHead" in the first page.
        const head = readFileSync(file).subarray(0, 64).toString('latin1');
        expect(head.startsWith('OggS') && head.includes('OpusHead'), file).toBe(true);
      }
    }
    // The package budget for spoken prompts in four languages (~14 kbit/s Opus): raised from 3 MB when
    // the overview, the device successes, the photo countdown and the card's keep-still were voiced.
    expect(total).toBeLessThan(3.5 * 1024 * 1024);
  });
});
