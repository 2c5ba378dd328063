import { describe, expect, it } from 'vitest';
import { loadPinyinIndex } from '../../../renderer/ui/keyboard/chinese/dictionary-data.js';
import { buildPinyinIndex, toneless } from '../../../renderer/ui/keyboard/chinese/pinyin-index.js';

/**
 * The pinyin input method's dictionary, on the shipped data (@pinyin-pro/data): what a resident of
 * Macao typing an address gets, in Traditional characters for zh-Hant, the commonest first.
 */
describe('pinyin dictionary (shipped data)', () => {
  it('Traditional: a street word in one go, the common character first, no simplified forms', async () => {
    const index = await loadPinyinIndex('traditional');
    expect(index.candidates('malu')[0]).toBe('馬路');
    expect(index.candidates('aomen')[0]).toBe('澳門');
    expect(index.candidates('dasha')[0]).toBe('大廈');
    const ma = index.candidates('ma');
    expect(ma.slice(0, 3)).toContain('馬');
    expect(ma).not.toContain('马');
    expect(index.candidates('men').slice(0, 2)).toContain('門');
    expect(index.candidates('men')).not.toContain('门');
    // 台 stands for 臺 颱 檯 in simplified, and is a traditional character too: both are offered.
    expect(index.candidates('tai')).toEqual(expect.arrayContaining(['臺', '台']));
    expect(index.candidates('hou').slice(0, 3)).toContain('後');
  });

  it('Simplified for zh-Hans', async () => {
    const index = await loadPinyinIndex('simplified');
    expect(index.candidates('ma').slice(0, 3)).toContain('马');
    expect(index.candidates('aomen')[0]).toBe('澳门');
  });

  it('after the whole word, the first syllable\'s characters, leaving the rest to spell on', async () => {
    const index = await loadPinyinIndex('traditional');
    const choices = index.choices('aomen');
    expect(choices[0]).toEqual({ text: '澳門', takes: 5 });
    expect(choices).toContainEqual({ text: '奧', takes: 2 });
    // 澳 first among "ao" here: Macao writes it more than a general corpus.
    expect(choices[1]).toEqual({ text: '澳', takes: 2 });
  });

  it('a syllable being typed offers characters; letters that make no pinyin are known as such', async () => {
    const index = await loadPinyinIndex('traditional');
    expect(index.isKnownPrefix('zh')).toBe(true);
    expect(index.candidates('zh').length).toBeGreaterThan(0);
    expect(index.isKnownPrefix('xq')).toBe(false);
    expect(index.candidates('xq')).toEqual([]);
  });
});

describe('pinyin index', () => {
  it('reads tone marks and ü as a Latin keyboard types them', () => {
    expect(toneless('lǚ')).toBe('lv');
    expect(toneless('Ào Mén')).toBe('ao men');
  });

  it('ranks by frequency, words and characters alike, and converts to traditional', () => {
    const index = buildPinyinIndex(
      {
        entries: [
          ['吗', 'ma', 3],
          ['马', 'mǎ', 2],
          ['马路', 'mǎ lù', 1],
          ['妈', 'mā', 1],
        ],
        traditional: [
          ['馬', '马'],
          ['嗎', '吗'],
          ['媽', '妈'],
        ],
      },
      'traditional',
    );
    // 马 is counted once alone (2) and once in 马路 (1): 3, level with 吗; 媽 below.
    expect(index.candidates('ma').slice(2)).toEqual(['媽']);
    expect(index.candidates('malu')).toEqual(['馬路']);
  });
});
