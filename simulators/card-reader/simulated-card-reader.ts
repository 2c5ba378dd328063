import type {
  CardReader,
  CardReaderCapabilities,
  CardReaderEvents,
} from '../../devices/card-reader/contract.js';
import type { DeviceStatus } from '../../devices/contract.js';
import type { DeviceError } from '../../devices/errors.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';
import { atrSupportsExtendedLength } from '../../devices/card-reader/app/atr.js';
import { IdCardSession } from '../../devices/card-reader/app/client.js';
import { idCardReads } from '../../devices/card-reader/app/session-reads.js';
import { getProfile, listProfiles, type ProfileId } from './profiles.js';
import { simulatorTrustAnchors } from './trust.js';
import { SEED_CARD_IDS, type SeedCardId, seedCardProfile } from '../backoffice/seed-cards.js';
import { type Chip, ChipStore } from './virtual-card/chip.js';

export interface CardReaderControl extends BaseSimulatorControl {
  /** Puts a card on the reader (replacing any card there). */
  placeCard(profile: ProfileId): void;
  /** Puts the card of a back-office seed resident on the reader (simulators/backoffice/seed-cards.ts). */
  placeResident(resident: SeedCardId): void;
  removeCard(): void;
  /** The next read starts, then the card leaves: it rejects `card-removed`. */
  setRemoveDuringNextRead(on?: boolean): void;
  /** Restores every card's PIN tries (the chips remember wrong PINs across placements). */
  resetCards(): void;
  state(): CardReaderSimState;
}

export interface CardReaderSimState extends BaseSimulatorState {
  card: { profile: string; pinVerified: boolean; pinTriesLeft: number | null } | null;
  removeDuringNextRead: boolean;
  profiles: ReadonlyArray<{ id: ProfileId; label: string }>;
  /** Back-office seed residents whose cards `placeResident` can put on the reader. */
  residents: readonly SeedCardId[];
}

/**
 * The card on the reader: a freshly powered chip running the same applet as the virtual card
 * behind pcscd. Verification lives in the applet, so lifting the card forgets it, as a real chip does.
 */
type PlacedCard = Chip;

const CARD_TAG = 'card';

export class SimulatedCardReader
  extends SimulatedDevice<CardReaderEvents, CardReaderCapabilities>
  implements CardReader
{
  readonly control: CardReaderControl;
  private card: PlacedCard | null = null;
  /** PIN counters per card: the chip's counter survives being lifted and placed again. */
  private readonly chips = new ChipStore();
  private removeDuringNextRead = false;

  constructor(options: SimulatorOptions = {}) {
    super('card-reader', options);
    this.control = {
      ...this.baseControl(),
      placeCard: (id) => this.place(this.chips.chipFor(getProfile(id))),
      placeResident: (id) => this.place(this.chips.chipFor(seedCardProfile(id))),
      removeCard: () => this.remove(),
      setRemoveDuringNextRead: (on = true) => {
        this.removeDuringNextRead = on;
      },
      resetCards: () => this.chips.reset(),
      state: () => ({
        ...this.baseState(),
        card: this.card && {
          profile: this.card.profile.id,
          pinVerified: this.card.applet.pinVerified,
          pinTriesLeft: this.chips.triesLeft(this.card.profile),
        },
        removeDuringNextRead: this.removeDuringNextRead,
        profiles: listProfiles(),
        residents: SEED_CARD_IDS,
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
    this.card?.applet.reset(); // the reader powered the field down
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

  // The contract's reads, each one session over the virtual chip (`devices/card-reader/app/session-reads.ts`).
  private readonly reads = idCardReads((name, signal, body) => this.read(name, signal, body));
  readonly readVisibleData = this.reads.readVisibleData;
  readonly readFaceImage = this.reads.readFaceImage;
  readonly readFingerprintReferences = this.reads.readFingerprintReferences;
  readonly verifyPin = this.reads.verifyPin;
  readonly readProtectedData = this.reads.readProtectedData;
  readonly checkAuthenticity = this.reads.checkAuthenticity;

  /**
   * One conversation with the chip through the shared card-application client: reads are
   * exclusive (`busy`), take the human-like delay, and fail `card-removed` as soon as the card
   * leaves; a card with no ID application fails `card-unreadable` from the client itself.
   */
  private read<T>(name: string, signal: AbortSignal | undefined, body: (session: IdCardSession) => Promise<T>): Promise<T> {
    return this.operation(
      name,
      signal,
      async (ctx) => {
        const card = this.card;
        if (!card) throw this.error('card-removed', `${name}: there is no card on the reader`, 'no-card');
        if (this.removeDuringNextRead) {
          this.removeDuringNextRead = false;
          await ctx.sleep(this.delayMs / 2);
          this.remove(); // aborts this operation with card-removed through its tag
        }
        await ctx.sleep(this.delayMs);
        const transmit = async (apdu: Uint8Array): Promise<Uint8Array> => {
          if (this.card !== card || ctx.signal.aborted) throw this.cardRemoved(name);
          return card.applet.process(apdu);
        };
        // As the PC/SC driver: extended length only when the card's ATR announces it.
        const session = new IdCardSession(transmit, { extendedLength: atrSupportsExtendedLength(card.atr), trustAnchors: simulatorTrustAnchors() }, ctx.signal);
        return body(session);
      },
      { exclusive: true, tag: CARD_TAG },
    );
  }

  private place(chip: Chip): void {
    if (this.card) this.remove();
    chip.applet.reset(); // power-on
    this.card = chip;
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
