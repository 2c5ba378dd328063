import type { Language, ServiceId } from '../../electron/host/bridge/contract.js';
import type { ApiErrorCode } from '../../electron/host/bridge/errors.js';
import { useKiosk } from '../state/kiosk-store.js';
import { resetVisit, startAnonymousService, startsWithOwnCard } from './service-flow.js';

/**
 * The walking skeleton's flow: language → service → ID card → greeting → finish. Each action asks
 * the host and moves the screen on what the host answers; the renderer decides nothing itself.
 */

let cardRead: AbortController | undefined;

function api() {
  return useKiosk.getState().api;
}

/** Starts a visit; resolves the host's refusal code when it will not start one (out of service, say). */
export async function startVisit(language: Language): Promise<ApiErrorCode | undefined> {
  const kiosk = api();
  if (!kiosk) return undefined;
  const started = await kiosk.session.start({ language });
  if (!started.ok) return started.error.code;
  const listed = await kiosk.services.list({});
  useKiosk.setState({
    sessionId: started.value.sessionId,
    language,
    screen: { name: 'menu', services: listed.ok ? listed.value.services : [] },
  });
  return undefined;
}

export async function changeLanguage(language: Language): Promise<void> {
  const { api: kiosk, sessionId } = useKiosk.getState();
  useKiosk.setState({ language }); // progress is kept: only the language changes
  if (kiosk && sessionId) await kiosk.session.setLanguage({ language });
}

let chosenService: ServiceId | undefined;

/**
 * A service from the menu. Most identify the resident first (their own card on the reader, then the
 * greeting); a few do not (a queue ticket, checking a card, collecting a document) and start at
 * their first step. The host's steps say which.
 */
export async function chooseService(service?: ServiceId): Promise<void> {
  chosenService = service;
  const kiosk = api();
  if (service && kiosk) {
    const answer = await kiosk.services.evaluate({ service });
    if (useKiosk.getState().screen.name !== 'menu') return;
    if (answer.ok && !startsWithOwnCard(answer.value.steps)) return startAnonymousService(service, answer.value);
  }
  useKiosk.setState({ screen: { name: 'place-card', phase: 'waiting' } });
  void readCard();
}

export async function readCard(): Promise<void> {
  const kiosk = api();
  if (!kiosk) return;
  cardRead?.abort();
  const controller = new AbortController();
  cardRead = controller;
  useKiosk.setState({ screen: { name: 'place-card', phase: 'waiting' } });
  const off = kiosk.on('card.presence', ({ present }) => {
    if (present && !controller.signal.aborted) useKiosk.setState({ screen: { name: 'place-card', phase: 'reading' } });
  });
  const result = await kiosk.identity.readCard({}, { signal: controller.signal });
  off();
  if (controller.signal.aborted || useKiosk.getState().screen.name !== 'place-card') return;
  useKiosk.setState({
    screen: result.ok
      ? { name: 'greeting', holder: result.value.holder, ...(chosenService ? { service: chosenService } : {}) }
      : { name: 'place-card', phase: 'failed', error: result.error.code },
  });
}

export async function endVisit(reason: 'finished' | 'cancelled'): Promise<void> {
  cardRead?.abort();
  resetVisit();
  const kiosk = api();
  useKiosk.getState().resetToAttract();
  if (kiosk) await kiosk.session.end({ reason });
}

let lastTouch = 0;
const TOUCH_EVERY_MS = 5000;

/** Any touch while a session is open tells the host the resident is still here (throttled). */
export function noteActivity(): void {
  const { api: kiosk, sessionId, idleSecondsLeft } = useKiosk.getState();
  if (!kiosk || !sessionId) return;
  const now = Date.now();
  if (idleSecondsLeft === undefined && now - lastTouch < TOUCH_EVERY_MS) return;
  lastTouch = now;
  useKiosk.setState({ idleSecondsLeft: undefined });
  void kiosk.session.touch({});
}
