import type { CardReader } from '../../../devices/card-reader/contract.js';
import type { Language, SessionEndReason } from '../../shared/kiosk-api/contract.js';

export interface TakeCardPrompt {
  reason: SessionEndReason;
  /** The language of the visit that ended: the prompt speaks to that resident. */
  language: Language;
  since: Date;
  staffCalled: boolean;
}

export interface CardCustodyOptions {
  /** After this long with the card still on the reader, staff are called. */
  staffAfterSeconds: number;
  callStaff(screen: string): void;
  onChange(): void;
  clock: () => Date;
}

/**
 * Who a card on the reader belongs to, in time: each placement of a card gets a number, so the host
 * can tell a card placed during this visit from one left there before it began, and the applicant's
 * card (the placement it was read at) from a second card. When a visit ends with a card still on
 * the reader, it asks for the card to be taken and calls staff if nobody does.
 */
export class CardCustody {
  private placementNo = 0;
  private present = false;
  private prompt: TakeCardPrompt | undefined;
  private staffTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly offs: Array<() => void> = [];

  constructor(private readonly options: CardCustodyOptions) {}

  /** Follows the reader's card events; a card already there when the host starts counts as placed. */
  attach(reader: CardReader): void {
    if (reader.isCardPresent()) this.placed();
    this.offs.push(reader.on('card-inserted', () => this.placed()));
    this.offs.push(reader.on('card-removed', () => this.removed()));
  }

  get staffAfterSeconds(): number {
    return this.options.staffAfterSeconds;
  }

  /** The current placement's number while a card is on the reader, else null. */
  placement(): number | null {
    return this.present ? this.placementNo : null;
  }

  takeCardPrompt(): Readonly<TakeCardPrompt> | undefined {
    return this.prompt;
  }

  /** A visit ended: a card on the reader must be taken before the next resident is greeted. */
  visitEnded(reason: SessionEndReason, language: Language): void {
    if (!this.present) return;
    this.clearPrompt();
    const prompt: TakeCardPrompt = { reason, language, since: this.options.clock(), staffCalled: false };
    this.prompt = prompt;
    this.staffTimer = setTimeout(() => {
      if (this.prompt !== prompt) return;
      prompt.staffCalled = true;
      this.options.callStaff('take-card');
      this.options.onChange();
    }, this.options.staffAfterSeconds * 1000);
    this.staffTimer.unref?.();
    this.options.onChange();
  }

  /** A new visit began: the prompt (if any) gives way to it; the card stays "before the visit". */
  visitStarted(): void {
    this.clearPrompt();
  }

  dispose(): void {
    this.clearPrompt();
    for (const off of this.offs.splice(0)) off();
  }

  private placed(): void {
    this.placementNo += 1;
    this.present = true;
    this.options.onChange();
  }

  private removed(): void {
    this.present = false;
    this.clearPrompt();
    this.options.onChange();
  }

  private clearPrompt(): void {
    clearTimeout(this.staffTimer);
    this.staffTimer = undefined;
    this.prompt = undefined;
  }
}
