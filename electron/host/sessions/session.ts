import type { CardHolder, Language } from '../../shared/kiosk-api/contract.js';
import type { PersonRecord } from '../backoffice/wire.js';
import type { VerifiedByKiosk } from './verified.js';
import type { KinRelation } from '../../shared/kiosk-api/schemas/service-facts.js';

/** The adult accompanying a minor: their card was read and matched the minor's file; `verified` once their finger (or PIN) matched their card. */
export interface SessionGuardian {
  relation: 'father' | 'mother' | 'guardian';
  cardNumber: string;
  holdsMacauIdCard: boolean;
  verified: boolean;
}

/**
 * Things done in a visit that later steps depend on and that hold no personal data: a card checked,
 * a ticket taken, a document printed, a receipt number looked up (visit/evidence.ts reads them).
 */
export type SessionNote = 'card-checked' | 'ticket-taken' | 'ticket-printed' | 'authenticity-check-printed' | 'chip-data-printed' | 'receipt-looked-up';

/** A relative whose ID card was read for a kinship certificate, with the relation the resident chose. */
export interface SessionRelative {
  relation: KinRelation;
  holder: CardHolder;
}

/**
 * One resident's visit. Everything personal lives here, in memory only, and `wipe` clears it:
 * byte buffers (images, templates) are zero-filled, not just dropped, so they do not linger in
 * the heap until the next garbage collection.
 */
export class Session {
  readonly id: string;
  readonly startedAt: Date;
  language: Language;
  /** Aborted when the session ends, so every operation started for it stops. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private holderData: CardHolder | undefined;
  private personData: PersonRecord | undefined;
  private heightData: number | undefined;
  private readonly buffers = new Set<Uint8Array>();
  private verifiedData: VerifiedByKiosk = {};
  private relativesData: SessionRelative[] = [];
  private guardianData: SessionGuardian | undefined;
  private holderPlacementNo: number | null = null;
  private readonly notes = new Set<SessionNote>();
  /**
   * The placement number of a card already on the reader when the visit began (visit/card-custody.ts),
   * or null: that card must be lifted and placed again before it is read for this visit.
   */
  readonly cardAtStart: number | null;

  constructor(id: string, language: Language, startedAt: Date, cardAtStart: number | null = null) {
    this.id = id;
    this.language = language;
    this.startedAt = startedAt;
    this.signal = this.controller.signal;
    this.cardAtStart = cardAtStart;
  }

  get holder(): CardHolder | undefined {
    return this.holderData;
  }

  /** The placement the applicant's card was read at (null before, or when unknown). */
  get holderPlacement(): number | null {
    return this.holderPlacementNo;
  }

  setHolder(holder: CardHolder, placement: number | null = null): void {
    this.holderData = holder;
    this.holderPlacementNo = placement;
  }

  /** The applicant's card was placed again (same card number, read again): verification follows it. */
  movedHolderTo(placement: number | null): void {
    this.holderPlacementNo = placement;
  }

  note(what: SessionNote): void {
    this.notes.add(what);
  }

  has(what: SessionNote): boolean {
    return this.notes.has(what);
  }

  /** The resident's file from the back office (interdiction, relations on file, certificate), once looked up. */
  get person(): PersonRecord | undefined {
    return this.personData;
  }

  setPerson(person: PersonRecord): void {
    this.personData = person;
  }

  /** What the kiosk established itself (a second card read, a PIN verified); see sessions/verified.ts. */
  get verified(): Readonly<VerifiedByKiosk> {
    return this.verifiedData;
  }

  verify(found: VerifiedByKiosk): void {
    this.verifiedData = { ...this.verifiedData, ...found };
  }

  /** Relatives' cards read in this visit (kinship certificate), in the order read. */
  get relatives(): readonly SessionRelative[] {
    return this.relativesData;
  }

  setRelatives(relatives: readonly SessionRelative[]): void {
    this.relativesData = [...relatives];
  }

  /** The minor's accompanying adult, once their card is read (guardian.readCard). */
  get guardian(): SessionGuardian | undefined {
    return this.guardianData;
  }

  setGuardian(guardian: SessionGuardian | undefined): void {
    this.guardianData = guardian;
  }

  /** The height the gauge measured in this visit (mm): the host's own reading, never the renderer's. */
  get heightMm(): number | undefined {
    return this.heightData;
  }

  setHeight(heightMm: number): void {
    this.heightData = heightMm;
  }

  /** The resident went back to measure again (visit.back): the earlier reading no longer counts. */
  clearHeight(): void {
    this.heightData = undefined;
  }

  /** Registers personal bytes (face image, fingerprint template) so that `wipe` zeroes them. */
  keepBytes(bytes: Uint8Array): Uint8Array {
    this.buffers.add(bytes);
    return bytes;
  }

  get ended(): boolean {
    return this.signal.aborted;
  }

  wipe(): void {
    this.controller.abort();
    for (const bytes of this.buffers) bytes.fill(0);
    this.buffers.clear();
    this.holderData = undefined;
    this.holderPlacementNo = null;
    this.notes.clear();
    this.personData = undefined;
    this.verifiedData = {};
    this.relativesData = [];
    this.guardianData = undefined;
    this.heightData = undefined;
  }
}
