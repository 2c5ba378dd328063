import { sign } from 'node:crypto';
import { decodeCommand, encodeResponse, MAX_EXTENDED_LE, MAX_SHORT_LE, SW } from '../../../devices/card-reader/app/apdu.js';
import {
  type FileId,
  GENERAL_PIN_REFERENCE,
  ID_APPLICATION_AID,
  INS,
  MAX_CHALLENGE,
  MIN_CHALLENGE,
  PIN_TRIES,
  pinBlock,
  SELECT_P1,
  SIGNATURE_LENGTH,
} from '../../../devices/card-reader/app/application.js';
import { concat } from '../../../devices/card-reader/app/tlv.js';
import type { CardImage } from './card-image.js';

/** The chip's PIN retry counter: it survives power-off and placements, as EEPROM does. */
export interface TriesCounter {
  tries: number;
}

/** Anything that answers APDUs: the ID applet, or a card with no ID application. */
export interface CardApplet {
  /** Power-on or reset: volatile state (selection, PIN status, pending data) is lost. */
  reset(): void;
  process(apdu: Uint8Array): Uint8Array;
  readonly pinVerified: boolean;
}

const MAX_CHAIN = 4096;

const ok = (data: Uint8Array = new Uint8Array(0)): Uint8Array => encodeResponse(data, SW.OK);
const status = (sw: number, data: Uint8Array = new Uint8Array(0)): Uint8Array => encodeResponse(data, sw);

/**
 * The ID card application on the card's side (docs/card-application.md): SELECT by AID and file
 * id, READ BINARY (short and extended), VERIFY of the general PIN with a 3-try counter, INTERNAL
 * AUTHENTICATE with the chip key, GET RESPONSE, and command chaining. The same class answers the
 * in-process simulator and the virtual card behind pcscd.
 */
export class IdCardApplet implements CardApplet {
  private appSelected = false;
  private current: FileId | null = null;
  private verified = false;
  private chain: Uint8Array | null = null;
  private pending: Uint8Array | null = null;

  constructor(
    private readonly image: CardImage,
    private readonly counter: TriesCounter,
    private readonly options: { extendedLength: boolean } = { extendedLength: true },
  ) {}

  get pinVerified(): boolean {
    return this.verified;
  }

  reset(): void {
    this.appSelected = false;
    this.current = null;
    this.verified = false;
    this.chain = null;
    this.pending = null;
  }

  process(apdu: Uint8Array): Uint8Array {
    let cmd;
    try {
      cmd = decodeCommand(apdu);
    } catch {
      return status(SW.WRONG_LENGTH);
    }
    if (cmd.ins !== INS.GET_RESPONSE) this.pending = null;
    // A chip without extended length (its ATR does not announce it) cannot parse such a command.
    if (cmd.extended && !this.options.extendedLength) return status(SW.WRONG_LENGTH);
    if ((cmd.cla & ~0x10) !== 0x00) return status(SW.CLA_NOT_SUPPORTED);
    let data = cmd.data;
    if (cmd.cla & 0x10) {
      // A chained part: keep it, answer 9000, act when the last part arrives.
      const soFar = this.chain ? concat([this.chain, data]) : data.slice();
      if (soFar.length > MAX_CHAIN) {
        this.chain = null;
        return status(SW.WRONG_LENGTH);
      }
      this.chain = soFar;
      return ok();
    }
    if (this.chain) {
      data = concat([this.chain, data]);
      this.chain = null;
    }
    const max = cmd.extended ? MAX_EXTENDED_LE : MAX_SHORT_LE;
    switch (cmd.ins) {
      case INS.SELECT:
        return this.select(cmd.p1, data);
      case INS.READ_BINARY:
        return this.readBinary(cmd.p1, cmd.p2, cmd.le ?? MAX_SHORT_LE, max);
      case INS.VERIFY:
        return this.verify(cmd.p1, cmd.p2, data);
      case INS.INTERNAL_AUTHENTICATE:
        return this.internalAuthenticate(data, cmd.le, max);
      case INS.GET_RESPONSE:
        return this.getResponse(cmd.le ?? MAX_SHORT_LE);
      default:
        return status(SW.INS_NOT_SUPPORTED);
    }
  }

  private select(p1: number, data: Uint8Array): Uint8Array {
    if (p1 === SELECT_P1.BY_AID) {
      if (!equal(data, ID_APPLICATION_AID)) return status(SW.FILE_NOT_FOUND);
      // Re-selecting the current application keeps its security state (ISO 7816-4 §7.1.1 lets
      // the application decide); only a reset or power-off forgets a verified PIN.
      this.appSelected = true;
      this.current = null;
      return ok();
    }
    if (p1 === SELECT_P1.BY_FILE_ID) {
      if (!this.appSelected) return status(SW.CONDITIONS_NOT_SATISFIED);
      if (data.length !== 2) return status(SW.WRONG_DATA);
      const fid = (((data[0] ?? 0) << 8) | (data[1] ?? 0)) as FileId;
      if (!this.image.files.has(fid)) return status(SW.FILE_NOT_FOUND);
      this.current = fid;
      return ok();
    }
    return status(SW.WRONG_P1P2);
  }

  private readBinary(p1: number, p2: number, le: number, max: number): Uint8Array {
    let offset = (p1 << 8) | p2;
    if (p1 & 0x80) {
      // P1 = 100xxxxx: the file by short EF identifier (its id's low five bits), offset in P2.
      if (!this.appSelected || (p1 & 0x60) !== 0) return status(p1 & 0x60 ? SW.WRONG_P1P2 : SW.CONDITIONS_NOT_SATISFIED);
      const fid = [...this.image.files.keys()].find((id) => (id & 0x1f) === (p1 & 0x1f) && id >> 8 === 0x01);
      if (fid === undefined) return status(SW.FILE_NOT_FOUND);
      this.current = fid;
      offset = p2;
    }
    if (this.current === null) return status(SW.CONDITIONS_NOT_SATISFIED);
    if (this.image.protectedFiles.has(this.current) && !this.verified) return status(SW.SECURITY_NOT_SATISFIED);
    const file = this.image.files.get(this.current) ?? new Uint8Array(0);
    if (offset > file.length) return status(SW.WRONG_P1P2);
    const data = file.slice(offset, offset + le);
    // Le at its maximum means "all there is"; a specific Le the file cannot fill is warned.
    return data.length < le && le !== max ? status(SW.END_OF_FILE, data) : ok(data);
  }

  private verify(p1: number, p2: number, data: Uint8Array): Uint8Array {
    if (p1 !== 0x00 || p2 !== GENERAL_PIN_REFERENCE) return status(SW.WRONG_P1P2);
    if (this.counter.tries === 0) return status(SW.PIN_BLOCKED);
    if (data.length === 0) return this.verified ? ok() : status(SW.VERIFY_FAILED | this.counter.tries); // retry counter query
    if (equal(data, pinBlock(this.image.pin))) {
      this.counter.tries = PIN_TRIES;
      this.verified = true;
      return ok();
    }
    this.counter.tries -= 1;
    this.verified = false;
    return status(SW.VERIFY_FAILED | this.counter.tries);
  }

  private internalAuthenticate(challenge: Uint8Array, le: number | undefined, max: number): Uint8Array {
    if (!this.appSelected) return status(SW.CONDITIONS_NOT_SATISFIED);
    if (challenge.length < MIN_CHALLENGE || challenge.length > MAX_CHALLENGE) return status(SW.WRONG_DATA);
    const signature = new Uint8Array(sign('sha256', challenge, { key: this.image.chipKey, dsaEncoding: 'ieee-p1363' }));
    if (le === undefined) {
      // Case 3 (T=0 style): the answer waits for GET RESPONSE.
      this.pending = signature;
      return status(SW.MORE_DATA | SIGNATURE_LENGTH);
    }
    if (le < SIGNATURE_LENGTH && le !== max) return status(SW.WRONG_LE | SIGNATURE_LENGTH);
    return ok(signature);
  }

  private getResponse(le: number): Uint8Array {
    const pending = this.pending;
    if (!pending) return status(SW.CONDITIONS_NOT_SATISFIED);
    const part = pending.slice(0, le);
    const rest = pending.slice(le);
    this.pending = rest.length > 0 ? rest : null;
    return rest.length > 0 ? status(SW.MORE_DATA | Math.min(rest.length, 0xff), part) : ok(part);
  }
}

/** A contactless card with no ID application (a transit card): it knows no AID of ours. */
export class OtherCardApplet implements CardApplet {
  readonly pinVerified = false;
  reset(): void {}
  process(apdu: Uint8Array): Uint8Array {
    if (apdu.length < 4) return status(SW.WRONG_LENGTH);
    return status(apdu[1] === INS.SELECT ? SW.FILE_NOT_FOUND : SW.INS_NOT_SUPPORTED);
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
