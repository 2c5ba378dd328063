import type { Language, ServiceId } from '../../electron/host/bridge/contract.js';
import type { ApiErrorCode } from '../../electron/host/bridge/errors.js';
import { useKiosk } from '../state/kiosk-store.js';
import { beginService, resetVisit } from './service-flow.js';

/**
 * A resident's visit around the service: language → menu → the service the host plans (its first
 * step may be reading the resident's own card, then the greeting) → the end, where the host asks
 * for the card to be taken. Each action asks the host and moves the screen on what it answers.
 */

let cardRead: AbortController | undefined;
let offLift: (() => void) | undefined;
let chosenService: ServiceId | undefined;

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

/** A service from the menu: the host makes its steps the visit's plan, and the first one shows. */
export async function chooseService(service: ServiceId): Promise<void> {
  const kiosk = api();
  if (!kiosk) return;
  const chosen = await kiosk.visit.choose({ service });
  if (useKiosk.getState().screen.name !== 'menu') return;
  if (!chosen.ok) return void useKiosk.setState({ screen: { name: 'flow-error', error: chosen.error.code } });
  chosenService = service;
  await beginService(service, chosen.value);
}

/**
 * The resident's own card: waits for it on the reader and reads it. A card that was on the reader
 * before the visit began is refused by the host (`card-not-lifted`): the screen asks for it to be
 * lifted and placed again, and reads it once it is.
 */
export async function readCard(): Promise<void> {
  const kiosk = api();
  if (!kiosk) return;
  cardRead?.abort();
  offLift?.();
  offLift = undefined;
  const controller = new AbortController();
  cardRead = controller;
  useKiosk.setState({ screen: { name: 'place-card', phase: 'waiting' } });
  const off = kiosk.on('card.presence', ({ present }) => {
    if (present && !controller.signal.aborted) useKiosk.setState({ screen: { name: 'place-card', phase: 'reading' } });
  });
  const result = await kiosk.identity.readCard({}, { signal: controller.signal });
  off();
  if (controller.signal.aborted || useKiosk.getState().screen.name !== 'place-card') return;
  if (!result.ok && result.error.code === 'card-not-lifted') {
    useKiosk.setState({ screen: { name: 'place-card', phase: 'lift' } });
    offLift = kiosk.on('card.presence', ({ present }) => {
      if (present || controller.signal.aborted) return;
      offLift?.();
      offLift = undefined;
      void readCard();
    });
    return;
  }
  useKiosk.setState({
    screen: result.ok
      ? { name: 'greeting', holder: result.value.holder, ...(chosenService ? { service: chosenService } : {}) }
      : { name: 'place-card', phase: 'failed', error: result.error.code },
  });
}

/** Ends the visit; the host then asks for a card left on the reader to be taken (the store shows it). */
export async function endVisit(reason: 'finished' | 'cancelled'): Promise<void> {
  cardRead?.abort();
  offLift?.();
  offLift = undefined;
  chosenService = undefined;
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
