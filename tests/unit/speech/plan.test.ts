import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/shared/kiosk-api/contract.js';
import { alertItem, clipKeys, keyOfText, screenItems } from '../../../renderer/speech/plan.js';

/** What the speech module says for what a screen shows, in a language, by voice or by clip. */
function textOf(language: Language) {
  const tree = JSON.parse(readFileSync(`locales/${language}.json`, 'utf8')) as Record<string, unknown>;
  return (key: string): string => {
    let node: unknown = tree;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    return node as string;
  };
}
const en = textOf('en');
const zh = textOf('zh-Hant');

describe('speech plan', () => {
  it('says a known title with the prompt the resident acts on, in the current language', () => {
    expect(screenItems(en('identify.title'), 'place-card', en, false)).toEqual([
      { key: 'identify.title', text: en('identify.title') },
      { key: 'identify.placeCard', text: en('identify.placeCard') },
    ]);
    expect(screenItems(zh('identify.title'), 'place-card', zh, false).map((item) => item.text)).toEqual([zh('identify.title'), zh('identify.placeCard')]);
  });

  it('says the argument-free line for a title with a name; a voice also says the title as shown', () => {
    expect(clipKeys(screenItems('Hello, CHAN TAI MAN!', 'greeting', en, false))).toEqual(['greeting.cardRead']);
    expect(screenItems('Hello, CHAN TAI MAN!', 'greeting', en, true)).toEqual([{ text: 'Hello, CHAN TAI MAN!' }, { key: 'greeting.cardRead', text: en('greeting.cardRead') }]);
  });

  it('asks to follow the screen when the title is not a spoken key (a new flow)', () => {
    const items = screenItems('Choose your relatives', 'step', en, false);
    expect(clipKeys(items)).toEqual(['speech.readScreen', 'speech.followScreen']);
    expect(items[0]).toEqual({ text: 'Choose your relatives' });
  });

  it('recognises alerts by their message, with a leading ⚠ or details after it', () => {
    expect(keyOfText(`⚠ ${en('errors.card-unreadable')}`, en)).toBe('errors.card-unreadable');
    expect(keyOfText(`${zh('fingerprint.outcome.no-match')} 此手指尚餘 2 次嘗試機會。`, zh)).toBe('fingerprint.outcome.no-match');
    expect(alertItem('The payment did not go through: Not enough balance.', en)).toEqual({ text: 'The payment did not go through: Not enough balance.' });
  });

  it('plays each clip once, and "please read the screen" for text that has no clip', () => {
    expect(clipKeys([{ text: 'free text' }, { key: 'errors.timeout', text: '' }, { text: 'more' }, { key: 'errors.timeout', text: '' }])).toEqual(['speech.readScreen', 'errors.timeout']);
  });
});
