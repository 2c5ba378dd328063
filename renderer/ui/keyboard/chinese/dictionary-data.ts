import { MACAU_WORDS } from './macau-words.js';
import { buildPinyinIndex, type PinyinIndex, type Script } from './pinyin-index.js';

/**
 * The dictionary that ships with the app, loaded on first use, as a chunk of its own (not in the
 * entry): @pinyin-pro/data (ISC), the data of pinyin-pro: 58,907 modern words and characters with
 * their readings and corpus frequency, and its traditional → simplified character table.
 */
const loaded = new Map<Script, Promise<PinyinIndex>>();

export function loadPinyinIndex(script: Script): Promise<PinyinIndex> {
  const existing = loaded.get(script);
  if (existing) return existing;
  const pending = build(script);
  loaded.set(script, pending);
  // A failed load is tried again next time rather than remembered.
  pending.catch(() => loaded.delete(script));
  return pending;
}

async function build(script: Script): Promise<PinyinIndex> {
  const [{ default: modern }, { default: traditional }] = await Promise.all([import('@pinyin-pro/data/modern'), import('@pinyin-pro/data/traditional')]);
  return buildPinyinIndex(
    {
      entries: readEntries(modern as Record<string, unknown>),
      traditional: Object.entries(traditional as Record<string, unknown>).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
      local: MACAU_WORDS,
    },
    script,
  );
}

/** Words with a reading and a probability; anything else in the data is skipped, not trusted. */
function* readEntries(data: Record<string, unknown>): Generator<readonly [string, string, number]> {
  for (const [text, value] of Object.entries(data)) {
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'number') yield [text, value[0], value[1]];
  }
}
