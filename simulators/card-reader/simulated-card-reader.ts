import type {
  AuthenticityResult,
  CardProtectedData,
  CardReader,
  CardReaderCapabilities,
  CardReaderEvents,
  CardVisibleData,
  FingerprintReference,
  PinVerification,
} from '../../devices/card-reader/contract.js';
import type { DeviceStatus } from '../../devices/contract.js';
import type { DeviceError } from '../../devices/errors.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';
import {
  type CardProfile,
  faceImageOf,
  fingerprintReferencesOf,
  getProfile,
  type IdCardProfile,
  listProfiles,
  PIN_TRIES,
  type ProfileId,
} from './profiles.js';

export interface CardReaderControl extends BaseSimulatorControl {
  /** Puts a card on the reader (replacing any card there). */
  placeCard(profile: ProfileId): void;
  removeCard(): void;
  /** The next read starts, then the card leaves: it rejects `card-removed`. */
  setRemoveDuringNextRead(on?: boolean): void;
  /** Restores every card's PIN tries (the chips remember wrong PINs across placements). */
  resetCards(): void;
  state(): CardReaderSimState;
}

export interface CardReaderSimState extends BaseSimulatorState {
  card: { profile: ProfileId; pinVerified: boolean; pinTriesLeft: number | null } | null;
  removeDuringNextRead: boolean;
  profiles: ReadonlyArray<{ id: ProfileId; label: string }>;
}

interface PlacedCard {
  profile: CardProfile;
  /** Verification lives with this placement: lifting the card forgets it, as a real chip does. */
  pinVerified: boolean;
}

const CARD_TAG = 'card';

export class SimulatedCardReader
  extends SimulatedDevice<CardReaderEvents, CardReaderCapabilities>
  implements CardReader
{
  readonly control: CardReaderControl;
  private card: PlacedCard | null = null;
  /** PIN tries left per card: the chip's counter survives being lifted and placed again. */
  private readonly triesLeft = new Map<ProfileId, number>();
  private removeDuringNextRead = false;

  constructor(options: SimulatorOptions = {}) {
    super('card-reader', options);
    this.control = {
      ...this.baseControl(),
      placeCard: (id) => this.place(getProfile(id)),
      removeCard: () => this.remove(),
      setRemoveDuringNextRead: (on = true) => {
        this.removeDuringNextRead = on;
      },
      resetCards: () => this.triesLeft.clear(),
      state: () => ({
        ...this.baseState(),
        card: this.card && {
          profile: this.card.profile.id,
          pinVerified: this.card.pinVerified,
          pinTriesLeft: this.card.profile.chip === 'id-card' ? this.tries(this.card.profile) : null,
        },
        removeDuringNextRead: this.removeDuringNextRead,
        profiles: listProfiles(),
      }),
    };
  }

  capabilities(): CardReaderCapabilities {
    return { contactless: true, extendedLength: true };
  }

  protected openStatus(): DeviceStatus {
    return { state: 'online' };
  }

  protected override onReleased(): void {
    if (this.card) this.card.pinVerified = false; // the reader powered the field down
  }

  isCardPresent(): boolean {
    return this.card !== null;
  }

  waitForCard(signal: AbortSignal): Promise<void> {
    return this.operation('waitForCard', signal, async (ctx) => {
      await ctx.until(() => this.card !== null);
    });
  }

  waitForRemoval(signal: AbortSignal): Promise<void> {
    return this.operation('waitForRemoval', signal, async (ctx) => {
      await ctx.until(() => this.card === null);
    });
  }

  readVisibleData(signal?: AbortSignal): Promise<CardVisibleData> {
    return this.read('readVisibleData', signal, (profile) => structuredClone(profile.visible));
  }

  readFaceImage(signal?: AbortSignal): Promise<Uint8Array> {
    return this.read('readFaceImage', signal, (profile) => faceImageOf(profile));
  }

  readFingerprintReferences(signal?: AbortSignal): Promise<FingerprintReference[]> {
    return this.read('readFingerprintReferences', signal, (profile) => fingerprintReferencesOf(profile));
  }

  verifyPin(pin: string, signal?: AbortSignal): Promise<PinVerification> {
    return this.read('verifyPin', signal, (profile, card) => {
      const tries = this.tries(profile);
      if (tries === 0) throw this.error('user-action-needed', 'the PIN is blocked', 'pin-blocked');
      // A malformed PIN counts as a wrong one: the chip compares bytes, it does not validate input.
      if (pin === profile.pin) {
        this.triesLeft.set(profile.id, PIN_TRIES);
        card.pinVerified = true;
        return { verified: true };
      }
      const left = tries - 1;
      this.triesLeft.set(profile.id, left);
      card.pinVerified = false;
      return left === 0 ? { verified: false, blocked: true, triesLeft: 0 } : { verified: false, triesLeft: left };
    });
  }

  readProtectedData(signal?: AbortSignal): Promise<CardProtectedData> {
    return this.read('readProtectedData', signal, (profile, card) => {
      if (!card.pinVerified) {
        throw this.error('user-action-needed', 'the PIN must be verified on this card first', 'pin-required');
      }
      return structuredClone(profile.protectedData);
    });
  }

  checkAuthenticity(signal?: AbortSignal): Promise<AuthenticityResult> {
    return this.read('checkAuthenticity', signal, (profile) => ({ ...profile.authenticity }));
  }

  /**
   * One exchange with the chip: reads are exclusive (`busy`), take the human-like delay, and fail
   * `card-removed` as soon as the card leaves, or `card-unreadable` for a card that is not an ID.
   */
  private read<T>(name: string, signal: AbortSignal | undefined, body: (profile: IdCardProfile, card: PlacedCard) => T): Promise<T> {
    return this.operation(
      name,
      signal,
      async (ctx) => {
        const card = this.card;
        if (!card) throw this.error('card-removed', `${name}: there is no card on the reader`, 'no-card');
        if (card.profile.chip !== 'id-card') {
          throw this.error('card-unreadable', `${name}: the card holds no ID application`, 'not-an-id-card');
        }
        const profile = card.profile;
        if (this.removeDuringNextRead) {
          this.removeDuringNextRead = false;
          await ctx.sleep(this.delayMs / 2);
          this.remove(); // aborts this operation with card-removed through its tag
        }
        await ctx.sleep(this.delayMs);
        if (this.card !== card) throw this.cardRemoved(name);
        return body(profile, card);
      },
      { exclusive: true, tag: CARD_TAG },
    );
  }

  private tries(profile: IdCardProfile): number {
    return this.triesLeft.get(profile.id) ?? profile.pinTries;
  }

  private place(profile: CardProfile): void {
    if (this.card) this.remove();
    this.card = { profile, pinVerified: false };
    if (this.isOpen()) this.events.emit('card-inserted', { at: Date.now() });
    this.stateChanged();
  }

  private remove(): void {
    if (!this.card) return;
    this.card = null;
    this.abortTagged(CARD_TAG, this.cardRemoved('read'));
    if (this.isOpen()) this.events.emit('card-removed', { at: Date.now() });
    this.stateChanged();
  }

  private cardRemoved(name: string): DeviceError {
    return this.error('card-removed', `${name}: the card left the reader`);
  }
}
