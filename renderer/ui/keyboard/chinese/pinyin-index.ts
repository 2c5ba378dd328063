/**
 * A pinyin input method's dictionary: toneless pinyin ("ma", "malu") to candidates, the most
 * common first. Built from data (dictionary-data.ts loads the shipped package), without the DOM,
 * so it is tested under Node.
 *
 * - Characters under each of their readings; words under their syllables run together, so a
 *   street word ("malu" → 馬路) comes in one tap.
 * - Ranking by the data's frequency (probability in a modern corpus).
 * - Traditional output: each simplified character becomes its traditional form(s) (马 → 馬); a
 *   simplified character that stands for several traditional ones (台 ← 臺 颱 檯) is kept after
 *   them, since it is usually a traditional character too (台, 里, 面).
 */
export type Script = 'traditional' | 'simplified';

export interface PinyinSource {
  /** Words and single characters (simplified): reading with tone marks ("mǎ lù") and probability. */
  entries: Iterable<readonly [text: string, reading: string, probability: number]>;
  /** Traditional → simplified, one character each (馬 → 马). */
  traditional: Iterable<readonly [traditional: string, simplified: string]>;
  /** Local words offered first for their pinyin, in both scripts (macau-words.ts). */
  local?: ReadonlyArray<readonly [traditional: string, simplified: string, reading: string]>;
}

/** Above any corpus word: a local word is what a resident typing its pinyin here means. */
const LOCAL_PROBABILITY = 1;

export interface PinyinIndex {
  /** Candidates for what was typed (lowercase a–z, "v" for ü), most common first, at most `limit`. */
  candidates(typed: string, limit?: number): string[];
  /**
   * As `candidates`, then the characters of the longest syllable the typing starts with, each with
   * how many typed letters it takes ("aomen": 澳門 takes 5; 奧 takes 2 and leaves "men" to spell on).
   */
  choices(typed: string, limit?: number): Array<{ text: string; takes: number }>;
  /** Whether `typed` can still become a syllable or a word (a key that makes no pinyin is refused). */
  isKnownPrefix(typed: string): boolean;
}

/** "lǚ" → "lv", "Mén" → "men": what a resident types on a Latin keyboard. */
export function toneless(reading: string): string {
  return reading
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ü/g, 'v')
    .toLowerCase();
}

export function buildPinyinIndex(source: PinyinSource, script: Script): PinyinIndex {
  const traditionalOf = new Map<string, string[]>();
  for (const [traditional, simplified] of source.traditional) traditionalOf.set(simplified, [...(traditionalOf.get(simplified) ?? []), traditional]);
  /** The forms a simplified character is shown in. */
  const forms = (char: string): string[] => {
    if (script === 'simplified') return [char];
    const traditional = traditionalOf.get(char);
    if (!traditional) return [char];
    return traditional.length > 1 ? [...traditional, char] : traditional;
  };
  const convertWord = (word: string) => [...word].map((char) => forms(char)[0] ?? char).join('');

  const scored = new Map<string, Map<string, number>>();
  const add = (key: string, text: string, probability: number) => {
    const list = scored.get(key) ?? new Map<string, number>();
    list.set(text, Math.max(list.get(text) ?? 0, probability));
    scored.set(key, list);
  };
  // A character's frequency is its own plus that of every word it is in (后 is rare alone, common in 以后):
  // summed per character and reading first, then added under each of its shown forms.
  const charScore = new Map<string, number>();
  for (const [text, reading, probability] of source.entries) {
    const chars = [...text];
    const syllables = reading.split(/\s+/).map(toneless);
    if (syllables.length === chars.length) {
      chars.forEach((char, i) => {
        const key = `${syllables[i]}\u0000${char}`;
        charScore.set(key, (charScore.get(key) ?? 0) + probability);
      });
    }
    if (chars.length > 1) add(syllables.join(''), convertWord(text), probability);
  }
  for (const [key, probability] of charScore) {
    const [syllable = '', char = ''] = key.split('\u0000');
    if (!syllable || !/^[a-z]+$/.test(syllable)) continue;
    // A form after the first ranks just below it (臺 before 台, both before rarer characters).
    forms(char).forEach((form, i) => add(syllable, form, probability * (i === 0 ? 1 : 0.999)));
  }
  for (const [traditional, simplified, reading] of source.local ?? []) add(toneless(reading).replace(/\s+/g, ''), script === 'traditional' ? traditional : simplified, LOCAL_PROBABILITY);
  // Each key's list is sorted when first asked for, and the prefixes made when first needed: the
  // index is built when a resident touches the Chinese key, and must be ready at once.
  const sortedCache = new Map<string, string[]>();
  const sortedOf = (key: string): string[] | undefined => {
    const cached = sortedCache.get(key);
    if (cached) return cached;
    const list = scored.get(key);
    if (!list) return undefined;
    const sorted = [...list.entries()].sort((a, b) => b[1] - a[1]).map(([text]) => text);
    sortedCache.set(key, sorted);
    return sorted;
  };
  let prefixes: Set<string> | undefined;
  const prefixesOf = (): Set<string> => {
    if (prefixes) return prefixes;
    prefixes = new Set<string>();
    for (const key of scored.keys()) for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
    return prefixes;
  };

  return {
    candidates(typed, limit = 60) {
      const key = typed.toLowerCase();
      const exact = sortedOf(key) ?? [];
      // A syllable still being typed ("zh") offers the commonest characters of the syllables it starts.
      const partial = exact.length > 0 ? [] : [...scored.keys()].filter((k) => k.startsWith(key) && k.length <= 6).flatMap((k) => (sortedOf(k) ?? []).slice(0, 2));
      return [...new Set([...exact, ...partial])].slice(0, limit);
    },
    choices(typed, limit = 60) {
      const key = typed.toLowerCase();
      const whole = this.candidates(key, limit).map((text) => ({ text, takes: key.length }));
      for (let length = key.length - 1; length > 0; length--) {
        const head = (sortedOf(key.slice(0, length)) ?? []).filter((text) => [...text].length === 1);
        if (head.length === 0) continue;
        const seen = new Set(whole.map((choice) => choice.text));
        return [...whole, ...head.filter((text) => !seen.has(text)).map((text) => ({ text, takes: length }))].slice(0, limit);
      }
      return whole;
    },
    isKnownPrefix(typed) {
      return prefixesOf().has(typed.toLowerCase());
    },
  };
}
