import { command, type CommandApdu, decodeResponse, encodeCommand, MAX_SHORT_LC, MAX_SHORT_LE, type ResponseApdu, SW, sw1 } from './apdu.js';
import { INS } from './application.js';
import { CodecError } from './codec-error.js';
import { concat } from './tlv.js';

/** One raw exchange with the card: command bytes in, response bytes (data ‖ SW1 SW2) out. */
export type Transmit = (apdu: Uint8Array, signal?: AbortSignal) => Promise<Uint8Array>;

/** Most response bytes one command may gather over GET RESPONSE: a hostile card cannot loop us. */
const MAX_RESPONSE = 65536;
const MAX_ROUNDS = 300;

/**
 * Sends one command the way ISO/IEC 7816-3/-4 transports expect, hiding the transport cases:
 * - data over 255 bytes without extended length goes as a command chain (CLA bit 10 on every part
 *   but the last), each part answered 9000;
 * - 61xx: xx more bytes wait; GET RESPONSE collects them (repeatedly) and appends them;
 * - 6Cxx: the Le was wrong; the same command goes again once with Le = xx.
 * Throws CodecError for a malformed or endless response; the caller maps status words.
 */
export async function transceive(
  transmit: Transmit,
  cmd: CommandApdu,
  options: { extendedLength: boolean; signal?: AbortSignal },
): Promise<ResponseApdu> {
  const { signal } = options;
  const chained = !options.extendedLength && cmd.data.length > MAX_SHORT_LC;
  let last = cmd;
  if (chained) {
    for (let offset = 0; offset < cmd.data.length; offset += MAX_SHORT_LC) {
      const end = Math.min(offset + MAX_SHORT_LC, cmd.data.length);
      const final = end === cmd.data.length;
      const part: CommandApdu = { ...cmd, cla: final ? cmd.cla : cmd.cla | 0x10, data: cmd.data.subarray(offset, end), le: final ? cmd.le : undefined, extended: false };
      if (final) {
        last = part;
        break;
      }
      const r = decodeResponse(await transmit(encodeCommand(part), signal));
      if (r.sw !== SW.OK) return r; // the card refused the chain (6884 and the like)
    }
  }
  let response = decodeResponse(await transmit(encodeCommand(last), signal));
  if (sw1(response.sw) === 0x6c) {
    // Wrong Le: ask again with exactly what the card has (00 means 256).
    const exact = response.sw & 0xff || MAX_SHORT_LE;
    response = decodeResponse(await transmit(encodeCommand({ ...last, le: exact }), signal));
  }
  const parts = [response.data];
  let total = response.data.length;
  for (let round = 0; sw1(response.sw) === 0x61; round++) {
    if (round >= MAX_ROUNDS) throw new CodecError('too-long', 'the card kept answering 61xx');
    const more = response.sw & 0xff || MAX_SHORT_LE;
    response = decodeResponse(await transmit(encodeCommand(command(last.cla & ~0x10, INS.GET_RESPONSE, 0x00, 0x00, undefined, more)), signal));
    total += response.data.length;
    if (total > MAX_RESPONSE) throw new CodecError('too-long', 'response over 64 KiB');
    parts.push(response.data);
  }
  return { data: parts.length === 1 ? response.data : concat(parts), sw: response.sw };
}
