import { describe, expect, it } from 'vitest';
import { voiceFor } from '../../../renderer/speech/voices.js';

describe('platform voice for a kiosk language', () => {
  const voices = [{ lang: 'en-US' }, { lang: 'zh-CN' }, { lang: 'zh-HK' }, { lang: 'pt-BR' }, { lang: 'pt-PT' }];

  it('prefers Cantonese (Hong Kong/Macau) for Traditional Chinese and Mandarin for Simplified', () => {
    expect(voices[voiceFor(voices, 'zh-Hant')]?.lang).toBe('zh-HK');
    expect(voices[voiceFor(voices, 'zh-Hans')]?.lang).toBe('zh-CN');
  });

  it('prefers European Portuguese, and takes any English', () => {
    expect(voices[voiceFor(voices, 'pt')]?.lang).toBe('pt-PT');
    expect(voices[voiceFor(voices, 'en')]?.lang).toBe('en-US');
  });

  it('answers -1 when the platform has no voice for the language (the kiosk then plays its clips)', () => {
    expect(voiceFor([], 'en')).toBe(-1);
    expect(voiceFor([{ lang: 'zh-CN' }], 'zh-Hant')).toBe(-1);
    expect(voiceFor([{ lang: 'fr_FR' }], 'pt')).toBe(-1);
  });
});
