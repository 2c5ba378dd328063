import { randomBytes, type X509Certificate } from 'node:crypto';
import { DeviceError } from '../../errors.js';
import type { AuthenticityResult, CardProtectedData, CardVisibleData, FingerprintReference, PinVerification } from '../contract.js';
import { command, MAX_EXTENDED_LE, MAX_SHORT_LE, type ResponseApdu, SW, sw1 } from './apdu.js';
import {
  CHALLENGE_LENGTH,
  DATA_GROUP_FILES,
  FILE,
  type FileId,
  GENERAL_PIN_REFERENCE,
  ID_APPLICATION_AID,
  INS,
  pinBlock,
  SELECT_P1,
  SELECT_P2_NO_DATA,
} from './application.js';
import { chipPublicKey, verifyActive, verifyPassive } from './authenticity.js';
import { isCodecError } from './codec-error.js';
import { decodeDg1, decodeDg11, decodeDg15, decodeDg2, decodeDg3 } from './data-groups.js';
import { transceive, type Transmit } from './exchange.js';
import { readTlvHeader } from './tlv.js';

export interface IdCardSessionOptions {
  /** Reader and card take extended-length APDUs: whole files in one READ BINARY. */
  extendedLength: boolean;
  /** Issuer CA certificates passive authentication trusts. */
  trustAnchors: readonly X509Certificate[];
}

/** Files this application never makes larger: a bound on what a card can make the kiosk read. */
const MAX_FILE = 32767; // READ BINARY offsets are 15 bits

/**
 * The kiosk's side of the ID card application over any transport (PC/SC driver, in-process
 * simulator). Each public method selects the application afresh, so a swapped card is never mixed
 * with the last one. Failures are DeviceErrors: `card-unreadable` (not an ID card), `protocol`
 * (the card answered nonsense), `user-action-needed` (PIN required or blocked); transport errors
 * (`card-removed`, `not-connected`, `cancelled`, `timeout`) pass through from `transmit`.
 */
export class IdCardSession {
  /** Extended length in use: cleared for good if the card answers 6700 (wrong length) to one. */
  private extendedLength: boolean;

  constructor(
    private readonly transmit: Transmit,
    private readonly options: IdCardSessionOptions,
    private readonly signal?: AbortSignal,
  ) {
    this.extendedLength = options.extendedLength;
  }

  async readVisible(): Promise<CardVisibleData> {
    await this.selectApplication();
    return this.decode(decodeDg1, await this.readFile(FILE.DG1));
  }

  async readFace(): Promise<Uint8Array> {
    await this.selectApplication();
    return this.decode(decodeDg2, await this.readFile(FILE.DG2));
  }

  async readFingerprints(): Promise<FingerprintReference[]> {
    await this.selectApplication();
    return this.decode(decodeDg3, await this.readFile(FILE.DG3));
  }

  async verifyPin(pin: string): Promise<PinVerification> {
    await this.selectApplication();
    // The chip compares bytes; a malformed PIN simply does not match (and counts as a wrong try).
    const r = await this.exchange(command(0x00, INS.VERIFY, 0x00, GENERAL_PIN_REFERENCE, pinBlock(pin)));
    if (r.sw === SW.OK) return { verified: true };
    if (r.sw === SW.PIN_BLOCKED) throw new DeviceError('card-reader', 'user-action-needed', 'the PIN is blocked', 'pin-blocked');
    if ((r.sw & 0xfff0) === SW.VERIFY_FAILED) {
      const left = r.sw & 0x0f;
      return left === 0 ? { verified: false, blocked: true, triesLeft: 0 } : { verified: false, triesLeft: left };
    }
    throw unexpected('VERIFY', r.sw);
  }

  async readProtected(): Promise<CardProtectedData> {
    await this.selectApplication();
    return this.decode(decodeDg11, await this.readFile(FILE.DG11));
  }

  /** Passive authentication over every data group readable now, then active authentication. */
  async checkAuthenticity(): Promise<AuthenticityResult> {
    await this.selectApplication();
    const sod = await this.readFile(FILE.SOD);
    const groups = new Map<number, Uint8Array>();
    for (const [dg, fid] of DATA_GROUP_FILES) {
      const bytes = await this.readFile(fid, { optional: true });
      if (bytes !== null) groups.set(dg, bytes);
    }
    const passive = verifyPassive(sod, groups, this.options.trustAnchors) ? 'valid' : 'invalid';
    const active = await this.activeAuthentication(groups.get(15));
    return { passive, active };
  }

  private async activeAuthentication(dg15: Uint8Array | undefined): Promise<'valid' | 'invalid'> {
    if (dg15 === undefined) return 'invalid';
    let key;
    try {
      key = chipPublicKey(decodeDg15(dg15));
    } catch {
      key = null;
    }
    if (key === null) return 'invalid';
    const challenge = new Uint8Array(randomBytes(CHALLENGE_LENGTH));
    const r = await this.exchange(command(0x00, INS.INTERNAL_AUTHENTICATE, 0x00, 0x00, challenge, MAX_SHORT_LE));
    if (r.sw !== SW.OK) return 'invalid'; // a chip that cannot sign is not the chip the SOD names
    return verifyActive(key, challenge, r.data) ? 'valid' : 'invalid';
  }

  private async selectApplication(): Promise<void> {
    const r = await this.exchange(command(0x00, INS.SELECT, SELECT_P1.BY_AID, SELECT_P2_NO_DATA, ID_APPLICATION_AID));
    if (r.sw === SW.OK) return;
    if (r.sw === SW.FILE_NOT_FOUND || r.sw === SW.INS_NOT_SUPPORTED || r.sw === SW.CLA_NOT_SUPPORTED || r.sw === SW.WRONG_P1P2) {
      throw new DeviceError('card-reader', 'card-unreadable', 'the card holds no ID application', 'not-an-id-card');
    }
    throw unexpected('SELECT application', r.sw);
  }

  /**
   * Reads a whole file; `optional` returns null where access is refused or it is absent. The first
   * READ BINARY names the file by its short EF identifier (ISO 7816-4: P1 = 100xxxxx, the low five
   * bits of the file id), which selects it and reads in one exchange; further pieces use offsets.
   */
  private async readFile(fid: FileId, opts: { optional: true }): Promise<Uint8Array | null>;
  private async readFile(fid: FileId): Promise<Uint8Array>;
  private async readFile(fid: FileId, opts?: { optional: true }): Promise<Uint8Array | null> {
    const max = (): number => (this.extendedLength ? MAX_EXTENDED_LE : MAX_SHORT_LE);
    const first = await this.readBinary(0x80 | (fid & 0x1f), 0x00, max());
    if (first === 'absent') {
      if (opts?.optional) return null;
      throw unexpected('READ BINARY', SW.FILE_NOT_FOUND);
    }
    if (first === 'denied') {
      if (opts?.optional) return null;
      throw new DeviceError('card-reader', 'user-action-needed', 'the PIN must be verified on this card first', 'pin-required');
    }
    // The file is one TLV: its header says how long it is, so the rest is read in exact pieces.
    const total = this.decode((bytes) => {
      const header = readTlvHeader(bytes, 0);
      return header.headerLength + header.length;
    }, first);
    if (total > MAX_FILE) throw new DeviceError('card-reader', 'protocol', `file ${fid.toString(16)} claims ${total} bytes`, 'file-too-large');
    const out = new Uint8Array(total);
    out.set(first.subarray(0, total));
    let offset = Math.min(first.length, total);
    while (offset < total) {
      const chunk = await this.readBinary(offset >> 8, offset & 0xff, Math.min(total - offset, max()));
      if (typeof chunk === 'string' || chunk.length === 0) throw new DeviceError('card-reader', 'protocol', `file ${fid.toString(16)} ended early`, 'short-file');
      out.set(chunk.subarray(0, total - offset), offset);
      offset += chunk.length;
    }
    return out;
  }

  private async readBinary(p1: number, p2: number, le: number): Promise<Uint8Array | 'denied' | 'absent'> {
    const r = await this.exchange(command(0x00, INS.READ_BINARY, p1, p2, undefined, le));
    if (r.sw === SW.WRONG_LENGTH && le > MAX_SHORT_LE) {
      // The card refused an extended Le although it was thought to take one: short APDUs from now on.
      this.extendedLength = false;
      return this.readBinary(p1, p2, MAX_SHORT_LE);
    }
    if (r.sw === SW.OK || r.sw === SW.END_OF_FILE) return r.data;
    if (r.sw === SW.SECURITY_NOT_SATISFIED) return 'denied';
    if (r.sw === SW.FILE_NOT_FOUND) return 'absent';
    throw unexpected('READ BINARY', r.sw);
  }

  private async exchange(cmd: ReturnType<typeof command>): Promise<ResponseApdu> {
    try {
      return await transceive(this.transmit, cmd, { extendedLength: this.extendedLength, signal: this.signal });
    } catch (error) {
      if (isCodecError(error)) throw new DeviceError('card-reader', 'protocol', error.message, error.code);
      throw error;
    }
  }

  private decode<T>(decode: (bytes: Uint8Array) => T, bytes: Uint8Array): T {
    try {
      return decode(bytes);
    } catch (error) {
      if (isCodecError(error)) throw new DeviceError('card-reader', 'protocol', error.message, error.code);
      throw error;
    }
  }
}

function unexpected(what: string, sw: number): DeviceError {
  const code = sw.toString(16).padStart(4, '0');
  // 6Fxx / 64xx / 65xx: the chip itself failed; anything else is a conversation we do not follow.
  const chipFault = sw1(sw) === 0x6f || sw1(sw) === 0x64 || sw1(sw) === 0x65;
  return new DeviceError('card-reader', chipFault ? 'card-unreadable' : 'protocol', `${what} answered ${code}`, `sw-${code}`);
}

