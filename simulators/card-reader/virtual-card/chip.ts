import { getProfile, type CardProfile, type ProfileId } from '../profiles.js';
import { type CardApplet, IdCardApplet, OtherCardApplet, type TriesCounter } from './applet.js';
import { cardImageOf } from './card-image.js';

/**
 * A card as a reader meets it: its ATR and its applet. Every placement makes a new Chip (powered
 * off), while the PIN counter lives in the ChipStore, so wrong tries survive being lifted.
 */
export interface Chip {
  readonly profile: CardProfile;
  readonly atr: Uint8Array;
  readonly applet: CardApplet;
}

/**
 * ATR of a contactless card behind a PC/SC reader (PC/SC part 3 §3.1.3.2.3): 3B 8n 80 01, the
 * historical bytes, then TCK (XOR of T0 … last historical byte).
 */
export function contactlessAtr(historical: Uint8Array): Uint8Array {
  // T0 = 8n (TD1 follows, n historical bytes) · TD1 = 80 (TD2 follows, T=0) · TD2 = 01 (T=1)
  const body = [0x80 | historical.length, 0x80, 0x01, ...historical];
  const tck = body.reduce((x, b) => x ^ b, 0);
  return Uint8Array.from([0x3b, ...body, tck]);
}

/**
 * An ID card's historical bytes (ISO 7816-4 compact-TLV, category 80): issuer data "MACAUID" (tag 5)
 * and card capabilities (tag 7): selection by full DF name and short EF id, no chaining flag needed;
 * third byte b7 (0x40) = extended Lc/Le, which a card without extended length leaves clear.
 */
function idCardAtr(extendedLength: boolean): Uint8Array {
  const issuer = new TextEncoder().encode('MACAUID');
  return contactlessAtr(Uint8Array.of(0x80, 0x50 | issuer.length, ...issuer, 0x73, 0x80, 0x01, extendedLength ? 0x40 : 0x00));
}
const ID_ATR = idCardAtr(true);
const ID_ATR_SHORT_ONLY = idCardAtr(false);
const OTHER_ATR = contactlessAtr(Uint8Array.of(0x54, 0x52, 0x41, 0x4e, 0x53, 0x49, 0x54)); // "TRANSIT"

export class ChipStore {
  private readonly counters = new Map<string, TriesCounter & { readonly issued: number }>();

  /** A freshly placed card, PIN counter included. */
  chipFor(profileOrId: ProfileId | CardProfile): Chip {
    const profile = typeof profileOrId === 'string' ? getProfile(profileOrId) : profileOrId;
    if (profile.chip !== 'id-card') return { profile, atr: OTHER_ATR, applet: new OtherCardApplet() };
    let counter = this.counters.get(profile.id);
    if (!counter) this.counters.set(profile.id, (counter = { tries: profile.pinTries, issued: profile.pinTries }));
    const extendedLength = profile.extendedLength !== false;
    return { profile, atr: extendedLength ? ID_ATR : ID_ATR_SHORT_ONLY, applet: new IdCardApplet(cardImageOf(profile), counter, { extendedLength }) };
  }

  triesLeft(profile: CardProfile): number | null {
    if (profile.chip !== 'id-card') return null;
    return this.counters.get(profile.id)?.tries ?? profile.pinTries;
  }

  /** Every card's PIN counter back to what it was issued with, a card on the reader included. */
  reset(): void {
    for (const counter of this.counters.values()) counter.tries = counter.issued;
  }
}
