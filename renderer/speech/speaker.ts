import i18next from 'i18next';
import type { Language } from '../../electron/host/bridge/contract.js';
import { useAccessibility } from '../accessibility/settings.js';
import { useKiosk } from '../state/kiosk-store.js';
import { SCREEN_FALLBACK, SPOKEN_KEYS, TITLE_PROMPTS } from './spoken-keys.js';
import { voiceFor } from './voices.js';

/**
 * Reads the screen aloud: when a screen (its <h1>) appears, its title and prompt; when an alert
 * (`role="alert"`) appears, its message; when the idle warning starts, the warning. Everything said
 * comes from the locales, in the current language.
 *
 * Engine: the platform's speechSynthesis when it has a voice for the language; otherwise the
 * pre-rendered clip `audio/<lang>/<key>.ogg`. Speech follows the resident's "Read aloud" setting,
 * except the idle warning, which is always spoken: it must reach a resident who has looked away.
 *
 * What was said is written on a hidden element, `#speech-output`: `data-spoken` (everything said since
 * the last new screen, `lang/key` items separated by spaces, or `lang/text:…` for synthesis of text without a key),
 * `data-played` (the last clip that actually started playing), `data-engine` (`audio` or
 * `synthesis`). Tests and the technician screen read it; screen readers ignore it.
 */
type Item = { key: string; text: string } | { key?: undefined; text: string };

const KNOWN = new Set(SPOKEN_KEYS);
const titlePrompts = TITLE_PROMPTS as Record<string, readonly string[]>;
const screenFallback = SCREEN_FALLBACK as Record<string, readonly string[]>;

export interface Speaker {
  stop(): void;
}

function language(): Language {
  return useKiosk.getState().language;
}

function text(key: string): string {
  return i18next.t(key as never, { lng: language() }) as unknown as string;
}

/** The spoken key whose text (in the current language) is `shown`, if any. Alerts may carry a leading ⚠. */
function keyOf(shown: string): string | undefined {
  const clean = shown.replace(/^\s*⚠\s*/, '').replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  for (const key of KNOWN) if (text(key) === clean) return key;
  // "The fingerprint did not match. 2 tries left…": a known message first, details after.
  for (const key of KNOWN) {
    const known = text(key);
    if (known.length > 3 && clean.startsWith(known)) return key;
  }
  return undefined;
}

export function startSpeaker(root: HTMLElement = document.body): Speaker {
  const output = document.createElement('div');
  output.id = 'speech-output';
  output.hidden = true;
  root.appendChild(output);

  const audio = new Audio();
  audio.preload = 'auto';
  let queue: { lang: Language; item: Item }[] = [];
  let playing = false;
  /** What has been said since the last interruption (a new screen, the idle warning). */
  let spoken: string[] = [];
  const record = (engine: 'audio' | 'synthesis', items: string[]) => {
    spoken = [...spoken, ...items];
    output.setAttribute('data-engine', engine);
    output.setAttribute('data-spoken', spoken.join(' '));
  };

  const synthesisVoice = (lang: Language): SpeechSynthesisVoice | undefined => {
    if (typeof speechSynthesis === 'undefined') return undefined;
    const voices = speechSynthesis.getVoices();
    const index = voiceFor(voices, lang);
    return index >= 0 ? voices[index] : undefined;
  };

  const cancel = () => {
    queue = [];
    spoken = [];
    playing = false;
    audio.pause();
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  };

  const playNext = () => {
    const next = queue.shift();
    if (!next) {
      playing = false;
      return;
    }
    playing = true;
    if (next.item.key === undefined) return playNext(); // no clip for free text: skipped by `say`
    audio.src = `audio/${next.lang}/${next.item.key}.ogg`;
    const key = `${next.lang}/${next.item.key}`;
    audio.play().then(
      () => output.setAttribute('data-played', key),
      // Autoplay refused or the clip could not load: go on with the rest rather than stall.
      () => playNext(),
    );
  };
  audio.addEventListener('ended', playNext);
  audio.addEventListener('error', playNext);

  /** Says the items, after whatever is being said (`interrupt`: instead of it). */
  const say = (items: Item[], options: { interrupt: boolean; force?: boolean }) => {
    if (!options.force && !useAccessibility.getState().speech) return;
    if (items.length === 0) return;
    const lang = language();
    if (options.interrupt) cancel();
    const voice = synthesisVoice(lang);
    if (voice) {
      record('synthesis', items.map((item) => (item.key ? `${lang}/${item.key}` : `${lang}/text:${item.text}`)));
      for (const item of items) {
        const utterance = new SpeechSynthesisUtterance(item.text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        speechSynthesis.speak(utterance);
      }
      return;
    }
    // Audio: text without a clip becomes "please read the message on the screen".
    const clips = items.map((item) => (item.key !== undefined && KNOWN.has(item.key) ? item : { key: 'speech.readScreen', text: text('speech.readScreen') }));
    const unique = clips.filter((item, i) => clips.findIndex((other) => other.key === item.key) === i);
    record('audio', unique.map((item) => `${lang}/${item.key}`));
    queue.push(...unique.map((item) => ({ lang, item })));
    if (!playing) playNext();
  };

  const keyed = (keys: readonly string[]): Item[] => keys.map((key) => ({ key, text: text(key) }));

  /** The screen's title and prompt, from its <h1> (or the screen's fallback when the title has arguments). */
  const screenItems = (): Item[] => {
    const heading = document.querySelector('.kiosk h1');
    const shown = heading?.textContent ?? '';
    const key = keyOf(shown);
    if (key && key in titlePrompts) return keyed([key, ...(titlePrompts[key] ?? [])]);
    const fallback = screenFallback[useKiosk.getState().screen.name];
    if (fallback) return synthesisVoice(language()) ? [{ text: shown }, ...keyed(fallback)] : keyed(fallback);
    return shown ? [{ text: shown }, ...keyed(['speech.followScreen'])] : [];
  };

  // Screens and alerts, as the DOM shows them: checked after each render settles.
  let lastHeading: string | undefined;
  let lastLanguage = language();
  const alerts = new WeakMap<Element, string>();
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const heading = document.querySelector('.kiosk h1')?.textContent ?? '';
    const lang = language();
    if (heading !== lastHeading || lang !== lastLanguage) {
      lastHeading = heading;
      lastLanguage = lang;
      // A new screen starts a new utterance; what it already shows as alerts follows it.
      say(screenItems(), { interrupt: true });
      document.querySelectorAll('.kiosk [role="alert"]').forEach((alert) => alerts.set(alert, ''));
    }
    document.querySelectorAll('.kiosk [role="alert"]').forEach((alert) => {
      const shown = alert.textContent ?? '';
      if (alerts.get(alert) === shown) return;
      alerts.set(alert, shown);
      if (!shown.trim()) return;
      const key = keyOf(shown);
      say([key ? { key, text: text(key) } : { text: shown }], { interrupt: false });
    });
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(check, 60);
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });

  // The idle warning: at its start, and again ten seconds before the end.
  const offIdle = useKiosk.subscribe((state, previous) => {
    const left = state.idleSecondsLeft;
    if (left === undefined) return;
    if (previous.idleSecondsLeft === undefined || (left === 10 && previous.idleSecondsLeft !== 10)) {
      say(keyed(['speech.idleWarning']), { interrupt: true, force: true });
    }
  });
  // Turning speech on says so, then reads the screen.
  const offSettings = useAccessibility.subscribe((settings, previous) => {
    if (settings.speech && !previous.speech) say([...keyed(['a11y.speechOn']), ...screenItems()], { interrupt: true });
    if (!settings.speech && previous.speech) cancel();
  });

  return {
    stop() {
      observer.disconnect();
      offIdle();
      offSettings();
      cancel();
      output.remove();
    },
  };
}
