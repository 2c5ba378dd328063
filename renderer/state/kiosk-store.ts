import { create } from 'zustand';
import type { KioskApi } from '../../electron/shared/kiosk-api/client.js';
import type { ApplicationStatus, CardHolder, CardOnReader, DeviceHealth, KioskAvailability, MaintenanceView, KioskInfo, Language, ParamsIn, ResultOf, ServiceId, VisitState } from '../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';

/**
 * What the screen shows, as a discriminated union: each screen carries exactly the data it needs,
 * and actions only exist where they make sense (a screen cannot offer what its state lacks). The store mirrors the host's truth;
 * the host owns sessions and devices.
 */
export type MenuEntry = ResultOf<'services.list'>['services'][number];
export type ServiceOverview = ResultOf<'services.overview'>;
export type Evaluation = ResultOf<'services.evaluate'>;
export type Eligibility = Evaluation['eligibility'];
export type PickupOption = ResultOf<'services.pickupOptions'>['options'][number];
export type PaymentMethod = Extract<Evaluation['steps'][number], { kind: 'payment' }>['methods'][number];
export type PickupPlace = PickupOption['place'];
export type { ApplicationStatus };
/** One step the host asks for (`services.evaluate`'s `steps`). */
export type FlowStep = Evaluation['steps'][number];
/** The resident's choices so far, sent with every evaluation, quote and application. */
export type ServiceRequest = NonNullable<ParamsIn<'services.evaluate'>['request']>;
export type FeeQuote = Evaluation['quote'];
/**
 * The receipt printer's progress on the receipt screen. `offered`: the resident may ask for a print (nothing
 * prints until asked); `on-screen`: no printer or paper, the QR shown is the receipt; `qr-only`: the step
 * offers no print.
 */
export type PrintState = { state: 'offered' } | { state: 'printing' } | { state: 'printed' } | { state: 'failed'; error: ApiErrorCode } | { state: 'on-screen' } | { state: 'qr-only' };
/** The payment screen's local progress besides the application's own state (which the host reports). */
export type PaymentPhase = { state: 'choosing' } | { state: 'paying'; method: PaymentMethod | 'counter' } | { state: 'failed'; error: ApiErrorCode };

type SteppingState = Extract<VisitState, { phase: 'steps' }>;

/** The visit machine's memory (renderer/flows/visit-machine.ts): the service under way and what its screens handed on. */
export interface VisitContext {
  service: ServiceId;
  /** The resident's card as read (for greeting, review); undefined for services that do not identify. */
  holder: CardHolder | undefined;
  /** The host's last answer about the visit. */
  host: SteppingState | undefined;
  heightMm?: number;
  pickup?: PickupOption;
  application?: ApplicationStatus;
}

export type Screen =
  | { name: 'connecting'; problem?: 'unreachable' | 'no-token' }
  | { name: 'attract' }
  /** `opening`: the service tapped, whose overview the host is asked for (the menu stays until it answers; visit-machine.ts, REVEAL_AFTER_MS). */
  | { name: 'menu'; services: MenuEntry[]; opening?: ServiceId }
  /**
   * Before a service starts: its steps, time, fee and what to bring, from the host (`undefined`
   * while asked, `null` when it could not say). `services` is the menu to go back to.
   */
  | { name: 'overview'; service: ServiceId; services: MenuEntry[]; overview: ServiceOverview | null | undefined }
  /** `lift`: a card was on the reader before the visit began; it must be lifted and placed again. */
  | { name: 'place-card'; phase: 'waiting' | 'reading' | 'keep-still' | 'lift' | 'failed'; error?: ApiErrorCode }
  /**
   * `error`: the host could not evaluate the service; Continue asks again. `continuing`: Continue was
   * tapped and the host evaluates (the greeting stays until it answers; visit-machine.ts, REVEAL_AFTER_MS).
   */
  | { name: 'greeting'; holder: CardHolder; service?: ServiceId; error?: ApiErrorCode; continuing?: true }
  // A service, in the order of the steps the host's evaluation returns (renderer/flows/service-flow.ts).
  | { name: 'evaluating'; holder: CardHolder }
  /** `holder`: the resident is still identified (a referral to another service needs no new card read). */
  | { name: 'refusal'; eligibility: Eligibility; holder?: CardHolder }
  | { name: 'fingerprint'; holder: CardHolder }
  /** `sources`: where the host accepts the photo from for this service (live, the 一戶通 ID photo, a scan). */
  | { name: 'photo'; holder: CardHolder; sources: Extract<FlowStep, { kind: 'photo' }>['sources'] }
  | { name: 'height'; holder: CardHolder }
  | { name: 'signature'; holder: CardHolder }
  /** The summary before paying: the service's data and choices, the pickup the host holds, the fee. */
  | { name: 'review'; service: ServiceId; holder: CardHolder; heightMm: number | undefined; request: ServiceRequest; quote: FeeQuote; pickup: PickupOption | undefined }
  | { name: 'pickup'; options: PickupOption[] }
  /** `slip`: the "payment being confirmed" slip, printed when a lost answer stays unconfirmed. */
  | { name: 'payment'; methods: PaymentMethod[]; counterAllowed: boolean; application: ApplicationStatus; phase: PaymentPhase; slip?: PrintState }
  | { name: 'receipt'; application: ApplicationStatus; pickup: PickupOption | undefined; print: PrintState }
  /** The resident cancelled after paying: the host withdraws the application and gives the money back. */
  | { name: 'withdrawal'; application: ApplicationStatus; phase: 'working' | 'done' | 'failed'; error?: ApiErrorCode }
  /** Any other host step (renderer/steps/StepScreen.tsx picks its screen by `step.kind`); `quote` is the live fee. */
  | { name: 'step'; step: FlowStep; holder: CardHolder | undefined; request: ServiceRequest; quote: FeeQuote }
  /** The host could not go on (back office down, application refused before payment): nothing was charged. */
  | { name: 'flow-error'; error: ApiErrorCode }
  /** The visit is over and a card is still on the reader: take it (the host calls staff after a while). */
  | { name: 'take-card'; prompt: Extract<VisitState, { phase: 'take-card' }> };

export interface KioskState {
  screen: Screen;
  /** The service under way, as the visit machine holds it; undefined outside a service. */
  visit: VisitContext | undefined;
  /** When the last touch was reported to the host (throttles `session.touch`). */
  lastTouchAt: number;
  api: KioskApi | undefined;
  info: KioskInfo | undefined;
  language: Language;
  sessionId: string | undefined;
  /** Seconds left on the idle warning, while it shows. */
  idleSecondsLeft: number | undefined;
  /** What is on the card reader as far as the visit is concerned (the host's `visit.changed`). */
  cardOnReader: CardOnReader;
  /** What the kiosk's devices let it offer now (the host's `availability.changed`). */
  availability: KioskAvailability | undefined;
  /** The technicians' maintenance mode as the host holds it (`maintenance.changed`). */
  maintenance: MaintenanceView;
  /** Each device's state as the host last reported it (`device.health`): a screen offers only what works now. */
  deviceStates: Partial<Record<DeviceHealth['device'], DeviceHealth['state']>>;
  /** A staff call the operations dashboard acknowledged (`staff.acknowledged`): the screen says staff are on the way. */
  staffOnTheWay: string | undefined;
  dismissStaffOnTheWay(): void;
  connected(api: KioskApi, info: KioskInfo): void;
  disconnected(problem?: 'unreachable' | 'no-token'): void;
  /** Back to the attract screen in the default language, ready for the next resident. */
  resetToAttract(): void;
}

export const useKiosk = create<KioskState>()((set, get) => ({
  screen: { name: 'connecting' },
  visit: undefined,
  lastTouchAt: 0,
  api: undefined,
  info: undefined,
  language: 'zh-Hant',
  sessionId: undefined,
  idleSecondsLeft: undefined,
  cardOnReader: 'none',
  availability: undefined,
  maintenance: { phase: 'closed' },
  deviceStates: {},
  staffOnTheWay: undefined,
  dismissStaffOnTheWay() {
    set({ staffOnTheWay: undefined });
  },
  connected(api, info) {
    set({ api, info, language: info.defaultLanguage, screen: { name: 'attract' }, visit: undefined, sessionId: undefined, idleSecondsLeft: undefined });
    api.on('session.changed', (change) => {
      if (change.state === 'active') {
        set({ sessionId: change.session.sessionId, language: change.session.language, idleSecondsLeft: undefined });
      } else if (change.sessionId === get().sessionId) {
        // The host ended the session (finished, idle timeout, …): its state is already wiped there.
        get().resetToAttract();
      }
    });
    api.on('session.idleWarning', ({ sessionId, secondsLeft }) => {
      if (sessionId === get().sessionId) set({ idleSecondsLeft: secondsLeft });
    });
    // The end of every visit, however it ended: a card left on the reader is asked for until it is lifted.
    const follow = (state: VisitState) => {
      // In the language of the visit that ended: the prompt speaks to that resident.
      if (state.phase === 'take-card') return set({ screen: { name: 'take-card', prompt: state }, language: state.language, cardOnReader: 'other' });
      if (state.phase === 'idle') {
        if (get().screen.name === 'take-card') get().resetToAttract();
        return set({ cardOnReader: 'none' });
      }
      set({ cardOnReader: state.card });
    };
    api.on('visit.changed', follow);
    api.on('availability.changed', (availability) => set({ availability }));
    void api.kiosk.availability({}).then((answer) => answer.ok && set({ availability: answer.value }));
    api.on('maintenance.changed', (maintenance) => set({ maintenance }));
    const noteHealth = (entry: DeviceHealth) => set((state) => ({ deviceStates: { ...state.deviceStates, [entry.device]: entry.state } }));
    api.on('device.health', noteHealth);
    void api.kiosk.health({}).then((answer) => answer.ok && answer.value.devices.forEach(noteHealth));
    api.on('staff.acknowledged', ({ callId }) => set({ staffOnTheWay: callId }));
    void api.maintenance.state({}).then((answer) => answer.ok && set({ maintenance: answer.value }));
    void api.visit.state({}).then((state) => state.ok && follow(state.value));
  },
  resetToAttract() {
    set((state) => ({
      sessionId: undefined,
      idleSecondsLeft: undefined,
      screen: { name: 'attract' },
      visit: undefined,
      language: state.info?.defaultLanguage ?? 'zh-Hant',
    }));
  },
  disconnected(problem = 'unreachable') {
    set({ api: undefined, screen: { name: 'connecting', problem }, visit: undefined, sessionId: undefined, idleSecondsLeft: undefined });
  },
}));
