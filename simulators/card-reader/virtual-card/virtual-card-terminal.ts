import { SEED_CARD_IDS, seedCardProfile } from '../../backoffice/seed-cards.js';
import type { CardReaderControl, CardReaderSimState } from '../simulated-card-reader.js';
import { type CardProfile, getProfile, listProfiles, type ProfileId } from '../profiles.js';
import { ChipStore } from './chip.js';
import { VpcdLink } from './vpcd-link.js';

export interface VirtualCardTerminalOptions {
  host?: string;
  /** vpcd's port for the reader: 35963 is "Virtual PCD 00 00", 35964 "Virtual PCD 00 01". */
  port?: number;
}

/**
 * The tester's hand over the *virtual reader inside pcscd*: places and lifts virtual cards by
 * opening and closing vpcd connections. Its `control` has the shape of the in-process simulator's
 * CardReaderControl, so the control API, CLI and panel drive either. The async methods (`place`,
 * `remove`) resolve once the socket is up or down; pcscd notices within its poll period (~0.4 s).
 *
 * `disconnect` cannot unplug a reader that lives in pcscd: it lifts the card and refuses new ones
 * until `reconnect` (to unplug the reader itself, stop pcscd).
 */
export class VirtualCardTerminal {
  readonly control: CardReaderControl;
  private readonly chips = new ChipStore();
  private link: VpcdLink | undefined;
  private latencyMs = 0;
  private fault: string | null = null;
  private leaveOnNextCommand = false;
  private unplugged = false;
  private frozen = false;
  private lastError: string | undefined;
  private readonly host: string;
  private readonly port: number;

  constructor(options: VirtualCardTerminalOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 35963;
    const background = (work: Promise<void>): void => {
      work.catch((error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
      });
    };
    this.control = {
      placeCard: (id) => background(this.place(id)),
      placeResident: (id) => background(this.place(seedCardProfile(id))),
      removeCard: () => background(this.remove()),
      setRemoveDuringNextRead: (on = true) => {
        this.leaveOnNextCommand = on;
      },
      resetCards: () => this.chips.reset(),
      disconnect: () => {
        this.unplugged = true;
        background(this.remove());
      },
      reconnect: () => {
        this.unplugged = false;
      },
      setLatencyMs: (ms) => {
        if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latencyMs must be a finite number ≥ 0, got ${ms}`);
        this.latencyMs = ms;
      },
      setFault: (detail) => {
        this.fault = detail;
      },
      state: () => this.state(),
    };
  }

  /** Places a card (lifting any card there first); resolves once vpcd has the connection. */
  async place(profile: ProfileId | CardProfile): Promise<void> {
    if (this.unplugged) throw new Error('the virtual reader is unplugged');
    await this.remove();
    const chip = this.chips.chipFor(typeof profile === 'string' ? getProfile(profile) : profile);
    const link = new VpcdLink(chip, {
      host: this.host,
      port: this.port,
      latencyMs: () => this.latencyMs,
      faulty: () => this.fault !== null,
      frozen: () => this.frozen,
      leaveOnNextCommand: () => {
        if (!this.leaveOnNextCommand) return false;
        this.leaveOnNextCommand = false;
        return true;
      },
    });
    this.link = link;
    this.lastError = undefined;
    await link.open();
  }

  /** Freezes the chip: from the next command on it answers nothing, until lifted (a test's fault). */
  setFrozen(frozen: boolean): void {
    this.frozen = frozen;
  }

  async remove(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  /** Whether a card's connection is up (it may have left by itself mid-read). */
  get cardPlaced(): boolean {
    return this.link?.isOpen === true;
  }

  close(): Promise<void> {
    return this.remove();
  }

  private state(): CardReaderSimState {
    const link = this.link?.isOpen ? this.link : undefined;
    return {
      connected: !this.unplugged,
      open: link !== undefined,
      status: this.unplugged ? { state: 'offline', detail: 'unplugged' } : { state: 'online', ...(this.lastError ? { detail: 'vpcd-unreachable' } : {}) },
      latencyMs: this.latencyMs,
      fault: this.fault,
      operations: [],
      residents: SEED_CARD_IDS,
      card: link
        ? { profile: link.chip.profile.id, pinVerified: link.chip.applet.pinVerified, pinTriesLeft: this.chips.triesLeft(link.chip.profile) }
        : null,
      removeDuringNextRead: this.leaveOnNextCommand,
      profiles: listProfiles(),
    };
  }
}
