import type { Language, ServiceId } from '../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import { flushSync } from 'react-dom';
import { applyUiLanguage, loadLanguage } from '../i18n/i18n.js';
import { type KioskState, useKiosk } from '../state/kiosk-store.js';
import { flow } from './flow-runner.js';

/**
 * A resident's visit around the service: language → menu → the service the host plans (its first
 * step may be reading the resident's own card, then the greeting) → the end, where the host asks
 * for the card to be taken. The session's own calls (start, language, activity) are here; the
 * visit's steps are events of the visit machine (visit-machine.ts).
 */

/** Starts a visit; resolves the host's refusal code when it will not start one (out of service, say). */
export async function startVisit(language: Language): Promise<ApiErrorCode | undefined> {
  const kiosk = useKiosk.getState().api;
  if (!kiosk) return undefined;
  const started = await kiosk.session.start({ language });
  if (!started.ok) return started.error.code;
  const listed = await kiosk.services.list({});
  await showIn(language, {
    sessionId: started.value.sessionId,
    language,
    screen: { name: 'menu', services: listed.ok ? listed.value.services : [] },
  });
  return undefined;
}

export async function changeLanguage(language: Language): Promise<void> {
  const { api: kiosk, sessionId } = useKiosk.getState();
  await showIn(language, { language }); // progress is kept: only the language changes
  if (kiosk && sessionId) await kiosk.session.setLanguage({ language });
}

/**
 * A language tap's result, rendered once and in its language: the messages loaded, then i18next,
 * html[lang] and the store switched in one synchronous render. Without flushSync, i18next's
 * listeners (every useTranslation) render again after the store's render, at a lower priority.
 * A bundle that failed to load is fetched again by App's effect.
 */
async function showIn(language: Language, update: Partial<KioskState>): Promise<void> {
  const loaded = await loadLanguage(language).then(() => true, () => false);
  flushSync(() => {
    if (loaded) applyUiLanguage(language);
    useKiosk.setState(update);
  });
}

/** A service from the menu: its overview shows (steps, time, fee, what to bring) before it starts. */
export function chooseService(service: ServiceId): Promise<void> {
  return flow.dispatch({ type: 'choose', service });
}

/** The overview's Start: the host makes the service's steps the visit's plan, and the first one shows. */
export function startChosenService(): Promise<void> {
  return flow.dispatch({ type: 'start' });
}

/** The overview's "Back to services": the menu again, nothing started. */
export function backToServices(): Promise<void> {
  return flow.dispatch({ type: 'back-to-menu' });
}

/**
 * The resident's own card: waits for it on the reader and reads it. A card that was on the reader
 * before the visit began is refused by the host (`card-not-lifted`): the screen asks for it to be
 * lifted and placed again, and reads it once it is.
 */
export function readCard(): Promise<void> {
  return flow.dispatch({ type: 'read-card' });
}

/** Ends the visit; the host then asks for a card left on the reader to be taken (the store shows it). */
export function endVisit(reason: 'finished' | 'cancelled'): Promise<void> {
  return flow.dispatch({ type: 'end', reason });
}

const TOUCH_EVERY_MS = 5000;

/** Any touch while a session is open tells the host the resident is still here (throttled). */
export function noteActivity(): void {
  const { api: kiosk, sessionId, idleSecondsLeft, lastTouchAt } = useKiosk.getState();
  if (!kiosk || !sessionId) return;
  const now = Date.now();
  if (idleSecondsLeft === undefined && now - lastTouchAt < TOUCH_EVERY_MS) return;
  useKiosk.setState({ idleSecondsLeft: undefined, lastTouchAt: now });
  void kiosk.session.touch({});
}
