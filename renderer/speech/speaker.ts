import i18next from 'i18next';
import speechMessages from 'virtual:kiosk-locale-section/speech';
import type { Language } from '../../electron/shared/kiosk-api/contract.js';
import { useAccessibility } from '../accessibility/settings.js';
import { addLocaleSection } from '../i18n/add-locale-section.js';
import { useKiosk } from '../state/kiosk-store.js';
import { dataItem, spokenText } from './data-items.js';
import { alertItem, clipKeys, type Item, keyed, screenItems } from './plan.js';
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
export interface Speaker {
  stop(): void;
}

function language(): Language {
  return useKiosk.getState().language;
}

/**
 * Messages already looked up, by language and key. Each screen change compares the shown title and
 * alerts with every spoken key's message (plan.ts keyOfText): hundreds of ICU formats a screen
 * without this, a long task on the tap that changed the screen (issue 20, `bench:taps`). Emptied
 * when a language bundle arrives (startSpeaker), so a message never outlives its bundle.
 */
const messages = new Map<string, string>();

function text(key: string): string {
  const lng = language();
  const id = `${lng}\u0000${key}`;
  let message = messages.get(id);
  if (message === undefined) {
    // Most messages have no arguments: the precompiled locale stores them as their final text
    // (renderer/i18n/compile-messages.ts), read as they are; only the others go through i18next.
    const stored: unknown = i18next.getResource(lng, 'translation', key);
    message = typeof stored === 'string' ? stored : (i18next.t(key as never, { lng }) as unknown as string);
    messages.set(id, message);
  }
  return message;
}

export function startSpeaker(root: HTMLElement = document.body): Speaker {
  // The speaker's own words (`speech.*`) are not in the first paint's locale
  // (renderer/i18n/lazy-sections.ts): they come with this chunk, in every language.
  addLocaleSection('speech', speechMessages);
  const forgetMessages = () => messages.clear();
  i18next.on('added', forgetMessages);
  const output = document.createElement('div');
  output.id = 'speech-output';
  output.hidden = true;
  root.appendChild(output);

  const audio = new Audio();
  audio.preload = 'auto';
  let queue: { lang: Language; key: string }[] = [];
  let playing = false;
  let attempts = 0;
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
    audio.src = `audio/${next.lang}/${next.key}.ogg`;
    const key = `${next.lang}/${next.key}`;
    const attempt = ++attempts;
    audio.play().then(
      () => output.setAttribute('data-played', key),
      // Autoplay refused or the clip could not load: go on with the rest rather than stall (unless a
      // newer clip already replaced this one, whose interrupted play() rejects too).
      () => {
        if (attempt === attempts) playNext();
      },
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
    const clips = clipKeys(items, text);
    record('audio', clips.map((key) => `${lang}/${key}`));
    queue.push(...clips.map((key) => ({ lang, key })));
    if (!playing) playNext();
  };

  /** The screen's title and prompt, from its <h1>. */
  const currentScreen = (): Item[] =>
    screenItems(document.querySelector('.kiosk h1')?.textContent ?? '', useKiosk.getState().screen.name, text, synthesisVoice(language()) !== undefined);

  // Screens and alerts, as the DOM shows them: checked after each render settles.
  let lastHeading: string | undefined;
  let lastLanguage = language();
  const alerts = new WeakMap<Element, string>();
  const spokenData = new WeakMap<Element, string>();
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const heading = document.querySelector('.kiosk h1')?.textContent ?? '';
    const lang = language();
    if (heading !== lastHeading || lang !== lastLanguage) {
      lastHeading = heading;
      lastLanguage = lang;
      // The take-card prompt is said by its own rule below, whatever the setting.
      if (useKiosk.getState().screen.name === 'take-card') return;
      // A new screen starts a new utterance; what it already shows as alerts follows it.
      say(currentScreen(), { interrupt: true });
      document.querySelectorAll('.kiosk [role="alert"]').forEach((alert) => alerts.set(alert, ''));
    }
    // The data to check, each once as it appears or changes (after the new screen's title and prompt).
    const data = Array.from(document.querySelectorAll('.kiosk [data-speak]')).filter((element) => {
      const shown = spokenText(element);
      if (spokenData.get(element) === shown) return false;
      spokenData.set(element, shown);
      return shown !== '';
    });
    if (data.length > 0) say(data.map(dataItem), { interrupt: false });
    document.querySelectorAll('.kiosk [role="alert"]').forEach((alert) => {
      const shown = alert.textContent ?? '';
      if (alerts.get(alert) === shown) return;
      alerts.set(alert, shown);
      if (!shown.trim()) return;
      say([alertItem(shown, text)], { interrupt: false });
    });
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(check, 60);
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  // The speaker starts after the first paint (main.tsx): what is already shown is checked too.
  scheduled = true;
  setTimeout(check, 60);

  // The idle warning: at its start, and again ten seconds before the end.
  const offIdle = useKiosk.subscribe((state, previous) => {
    const left = state.idleSecondsLeft;
    if (left === undefined) return;
    if (previous.idleSecondsLeft === undefined || (left === 10 && previous.idleSecondsLeft !== 10)) {
      say(keyed(['speech.idleWarning'], text), { interrupt: true, force: true });
    }
  });
  // Take your card: a chime and the prompt, even with read aloud off (the card is the resident's own);
  // again when staff have been called.
  const offTakeCard = useKiosk.subscribe((state, previous) => {
    if (state.screen.name !== 'take-card') return;
    if (previous.screen.name !== 'take-card') {
      chime();
      output.setAttribute('data-chime', String(Number(output.getAttribute('data-chime') ?? '0') + 1));
      say(keyed(['takeCard.title', 'takeCard.prompt'], text), { interrupt: true, force: true });
    } else if (state.screen.prompt.staffCalled && !(previous.screen.name === 'take-card' && previous.screen.prompt.staffCalled)) {
      say(keyed(['takeCard.staffCalled'], text), { interrupt: false, force: true });
    }
  });
  // Turning speech on says so, then reads the screen.
  const offSettings = useAccessibility.subscribe((settings, previous) => {
    if (settings.speech && !previous.speech) {
      const data = Array.from(document.querySelectorAll('.kiosk [data-speak]')).map(dataItem);
      say([...keyed(['a11y.speechOn'], text), ...currentScreen(), ...data], { interrupt: true });
    }
    if (!settings.speech && previous.speech) cancel();
  });

  return {
    stop() {
      i18next.off('added', forgetMessages);
      observer.disconnect();
      offIdle();
      offTakeCard();
      offSettings();
      cancel();
      output.remove();
    },
  };
}

/** Two short falling tones: "something needs you" without words (WebAudio, no asset to load). */
function chime(): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    const context = new AudioContext();
    const gain = context.createGain();
    gain.connect(context.destination);
    gain.gain.value = 0.2;
    [880, 660].forEach((frequency, i) => {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(context.currentTime + i * 0.18);
      tone.stop(context.currentTime + i * 0.18 + 0.15);
    });
    setTimeout(() => void context.close(), 600);
  } catch {
    // No audio device: the picture and the words still say it.
  }
}
