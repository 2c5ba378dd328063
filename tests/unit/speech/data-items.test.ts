import { describe, expect, it } from 'vitest';
import { clipsOf, countClip, MAX_SPOKEN_COUNT, spokenText } from '../../../renderer/speech/data-items.js';
import { clipKeys } from '../../../renderer/speech/plan.js';
import { SPOKEN_KEYS } from '../../../renderer/speech/spoken-keys.js';

/** The data a resident checks, said from audio: digits one by one, in order, none dropped as a repeat. */
describe('spoken data', () => {
  it('spells a number token digit by digit with the decimal point', () => {
    expect(clipsOf('speech.data.height #158.8 speech.data.centimetres')).toEqual([
      'speech.data.height',
      'speech.digit.1',
      'speech.digit.5',
      'speech.digit.8',
      'speech.data.point',
      'speech.digit.8',
      'speech.data.centimetres',
    ]);
  });

  it('says a count as one number ("twelve", 十二), not digit by digit, up to the largest spoken count', () => {
    expect(clipsOf('speech.step.lead %3 speech.step.of %12 speech.step.end')).toEqual(['speech.step.lead', 'speech.digit.3', 'speech.step.of', 'speech.count.12', 'speech.step.end']);
    expect(countClip(MAX_SPOKEN_COUNT)).toBe(`speech.count.${MAX_SPOKEN_COUNT}`);
    for (const unsayable of [0, -1, 2.5, MAX_SPOKEN_COUNT + 1, Number.NaN]) expect(countClip(unsayable)).toBeUndefined();
    for (let count = 1; count <= MAX_SPOKEN_COUNT; count++) expect(SPOKEN_KEYS).toContain(countClip(count));
  });

  it('keeps repeated digits and drops letters a clip cannot say', () => {
    expect(clipsOf('speech.data.receiptNumber #R100')).toEqual(['speech.data.receiptNumber', 'speech.digit.1', 'speech.digit.0', 'speech.digit.0']);
  });

  it('plays a datum after the screen, with every clip it names', () => {
    const items = [
      { key: 'payment.title', text: 'Payment' },
      { text: 'Fee: MOP 120.00', clips: clipsOf('speech.data.fee #120 speech.data.patacas') },
      { text: 'Use your right index finger', clips: clipsOf('speech.data.useFinger fingers.right-index') },
    ];
    expect(clipKeys(items)).toEqual([
      'payment.title',
      'speech.data.fee',
      'speech.digit.1',
      'speech.digit.2',
      'speech.digit.0',
      'speech.data.patacas',
      'speech.data.useFinger',
      'fingers.right-index',
    ]);
  });

  it('a datum without clips (a name) asks to read the screen, once', () => {
    expect(clipKeys([{ text: 'Name: CHAN TAI MAN' }, { text: 'Date of birth: 1 May 1980' }])).toEqual(['speech.readScreen']);
  });

  it('every clip a screen can name is a spoken key', () => {
    for (const key of ['speech.digit.9', 'speech.data.point', 'fingers.left-little', 'pickupPlaces.hengqin', 'speech.data.pickupPlace']) expect(SPOKEN_KEYS).toContain(key);
  });

  /** A summary row as the review renders it (label cell, value cell), in a page of `lang`: only what spokenText reads. */
  const row = (lang: string, label: string, value: string): Element =>
    ({
      tagName: 'TR',
      children: [{ textContent: label }, { textContent: value }],
      closest: () => ({ getAttribute: () => lang }),
      ownerDocument: { documentElement: { lang } },
    }) as unknown as Element;

  it('says a summary row "label：value" with the full-width colon in Chinese, "label: value" in Latin scripts', () => {
    expect(spokenText(row('zh-Hant', '領取地點', '身份證明局總部'))).toBe('領取地點：身份證明局總部');
    expect(spokenText(row('zh-Hans', '领取地点', '身份证明局总部'))).toBe('领取地点：身份证明局总部');
    expect(spokenText(row('pt', 'Local', 'Sede da DSI'))).toBe('Local: Sede da DSI');
    expect(spokenText(row('en', 'Place', 'DSI headquarters'))).toBe('Place: DSI headquarters');
  });
});
