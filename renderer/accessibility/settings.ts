import { create } from 'zustand';
import { useKiosk } from '../state/kiosk-store.js';

/**
 * The resident's accessibility settings. They apply as data attributes on <html> (see
 * `applyAccessibility`, styles in ui/accessibility.css), last through the whole visit and every
 * language change, and reset for the next resident when the kiosk returns to the attract screen.
 */
export interface AccessibilitySettings {
  /** Every font size ×1.5 (the root font size; the kit sizes text in rem). */
  largeText: boolean;
  /** White and yellow on black, thick outlines (WCAG AAA contrast). */
  highContrast: boolean;
  /** Every control in the lower half of the screen, within reach from a seat. */
  wheelchair: boolean;
  /**
   * Prompts and errors read aloud. Off until asked: several kiosks stand side by side in an open
   * 24-hour hall, so a kiosk that talks to everyone mixes its voice with its neighbours' and tells the
   * room which step a resident is at. A resident who wants speech turns it on with the accessibility
   * button, which is at the same place (bottom left) on every screen, including the attract screen.
   * The idle warning is the exception: it is always spoken (renderer/speech/speaker.ts).
   */
  speech: boolean;
}

export type AccessibilitySetting = keyof AccessibilitySettings;
export const SETTINGS: readonly AccessibilitySetting[] = ['largeText', 'highContrast', 'wheelchair', 'speech'];

export const DEFAULT_SETTINGS: AccessibilitySettings = { largeText: false, highContrast: false, wheelchair: false, speech: false };

interface AccessibilityState extends AccessibilitySettings {
  toggle(setting: AccessibilitySetting): void;
  reset(): void;
}

export const useAccessibility = create<AccessibilityState>()((set) => ({
  ...DEFAULT_SETTINGS,
  toggle: (setting) => set((state) => ({ [setting]: !state[setting] })),
  reset: () => set(DEFAULT_SETTINGS),
}));

/** The data attributes on <html>: `data-text="large"`, `data-contrast="high"`, `data-layout="wheelchair"`, `data-speech="on"`. */
export function accessibilityAttributes(settings: AccessibilitySettings): Record<string, string | undefined> {
  return {
    'data-text': settings.largeText ? 'large' : undefined,
    'data-contrast': settings.highContrast ? 'high' : undefined,
    'data-layout': settings.wheelchair ? 'wheelchair' : undefined,
    'data-speech': settings.speech ? 'on' : undefined,
  };
}

function apply(settings: AccessibilitySettings): void {
  const root = document.documentElement;
  for (const [name, value] of Object.entries(accessibilityAttributes(settings))) {
    if (value === undefined) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
}

/** Keeps <html>'s attributes in step with the settings, and resets them whenever the kiosk is back on the attract screen. */
export function startAccessibility(): () => void {
  apply(useAccessibility.getState());
  const offSettings = useAccessibility.subscribe((settings) => apply(settings));
  const offKiosk = useKiosk.subscribe((state, previous) => {
    // A new attract screen (finished, cancelled, idle timeout, reconnect) means a new resident.
    if (state.screen.name === 'attract' && previous.screen.name !== 'attract') useAccessibility.getState().reset();
  });
  return () => {
    offSettings();
    offKiosk();
  };
}
