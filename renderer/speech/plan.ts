import type { Item } from './item.js';
import { SCREEN_FALLBACK, SPOKEN_KEYS, TITLE_PROMPTS } from './spoken-keys.js';

/**
 * What to say, without the DOM or an audio device (speaker.ts does those): from the text a screen
 * shows to the spoken keys, and from spoken items to clips. `textOf(key)` is the message in the
 * current language.
 */
export type { Item };
export type TextOf = (key: string) => string;

const KNOWN = new Set(SPOKEN_KEYS);
const titlePrompts = TITLE_PROMPTS as Record<string, readonly string[]>;
const screenFallback = SCREEN_FALLBACK as Record<string, readonly string[]>;

/** The spoken key whose message is `shown` (an alert may lead with ⚠, or add details after a known message). */
export function keyOfText(shown: string, textOf: TextOf): string | undefined {
  const clean = shown.replace(/^\s*⚠\s*/, '').replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  for (const key of KNOWN) if (textOf(key) === clean) return key;
  for (const key of KNOWN) {
    const known = textOf(key);
    if (known.length > 3 && clean.startsWith(known)) return key;
  }
  return undefined;
}

export function keyed(keys: readonly string[], textOf: TextOf): Item[] {
  return keys.map((key) => ({ key, text: textOf(key) }));
}

/**
 * A new screen: its title and prompt when the title is a known message; the screen's argument-free
 * line when its title has arguments (with the shown title first for a platform voice, which can say
 * it); otherwise the shown title and "please follow the instructions on the screen".
 */
export function screenItems(heading: string, screenName: string, textOf: TextOf, voice: boolean): Item[] {
  const key = keyOfText(heading, textOf);
  if (key && key in titlePrompts) return keyed([key, ...(titlePrompts[key] ?? [])], textOf);
  const fallback = screenFallback[screenName];
  if (fallback) return voice ? [{ text: heading }, ...keyed(fallback, textOf)] : keyed(fallback, textOf);
  return heading ? [{ text: heading }, ...keyed(['speech.followScreen'], textOf)] : [];
}

/** An alert: its key when known; otherwise its text (a platform voice says it; audio says "please read the screen"). */
export function alertItem(shown: string, textOf: TextOf): Item {
  const key = keyOfText(shown, textOf);
  return key ? { key, text: textOf(key) } : { text: shown };
}

/**
 * The clips for items, in order: each message once (text without a clip becomes `speech.readScreen`,
 * said once); a datum's clips all, in order ("1 2 0" repeats nothing away). With `textOf`, a clip
 * whose message is empty in the current language is left out: a word that language does not say
 * (English's "Step 3 of 9" has no word after the count; Chinese's 第三步，共九步 has 步).
 */
export function clipKeys(items: readonly Item[], textOf?: TextOf): string[] {
  const clips: string[] = [];
  for (const item of items) {
    if (item.key === undefined && item.clips && item.clips.every((clip) => KNOWN.has(clip))) {
      clips.push(...item.clips.filter((clip) => textOf?.(clip) !== ''));
      continue;
    }
    const key = item.key !== undefined && KNOWN.has(item.key) ? item.key : 'speech.readScreen';
    if (!clips.includes(key)) clips.push(key);
  }
  return clips;
}
