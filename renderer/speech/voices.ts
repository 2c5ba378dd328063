import type { Language } from '../../electron/shared/kiosk-api/contract.js';

/** BCP 47 tags a platform voice may carry for each kiosk language, best first (Macau: Cantonese for Traditional Chinese). */
const VOICE_TAGS: Record<Language, readonly string[]> = {
  'zh-Hant': ['zh-MO', 'zh-HK', 'yue', 'zh-yue', 'zh-TW'],
  'zh-Hans': ['zh-CN', 'cmn', 'zh-cmn', 'zh-SG', 'zh'],
  pt: ['pt-PT', 'pt-MO', 'pt', 'pt-BR'],
  en: ['en-GB', 'en-HK', 'en', 'en-US'],
};

/** The platform voice for the language, if the platform has one (speechSynthesis.getVoices()). */
export function voiceFor(voices: readonly Pick<SpeechSynthesisVoice, 'lang'>[], language: Language): number {
  const norm = (tag: string) => tag.toLowerCase().replace('_', '-');
  for (const tag of VOICE_TAGS[language]) {
    const wanted = norm(tag);
    const index = voices.findIndex((voice) => norm(voice.lang) === wanted || norm(voice.lang).startsWith(`${wanted}-`));
    if (index >= 0) return index;
  }
  return -1;
}
