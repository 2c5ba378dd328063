import type { PcscLiteReader } from './pcsclite-api.js';

/** A connection to the card on one reader: what the card-application client transmits through. */
export interface PcscChannel {
  readonly protocol: number;
  /** One APDU exchange. Rejects with pcsclite's Error (classify it with classifyPcscError). */
  transmit(apdu: Uint8Array, maxResponse: number): Promise<Uint8Array>;
  /** `reset`: the card forgets its security state (a verified PIN); otherwise it is left as is. */
  disconnect(reset: boolean): Promise<void>;
}

/**
 * Connects exclusively: no other application may slip APDUs between ours while a PIN is verified.
 * A handle left over from a card that has since left is released first (pcsclite would otherwise
 * answer "already connected" without a protocol).
 */
export async function connectCard(reader: PcscLiteReader): Promise<PcscChannel> {
  if (reader.connected) await disconnect(reader, reader.SCARD_LEAVE_CARD);
  return new Promise((resolve, reject) => {
    reader.connect({ share_mode: reader.SCARD_SHARE_EXCLUSIVE }, (error, protocol) => {
      if (error) {
        reject(error);
        return;
      }
      if (!Number.isInteger(protocol)) {
        reject(new Error('SCardConnect gave no protocol'));
        return;
      }
      resolve({
        protocol,
        transmit: (apdu, maxResponse) =>
          new Promise((res, rej) => {
            reader.transmit(Buffer.from(apdu), maxResponse, protocol, (err, response) => {
              if (err) rej(err);
              else res(new Uint8Array(response));
            });
          }),
        disconnect: (reset) => disconnect(reader, reset ? reader.SCARD_RESET_CARD : reader.SCARD_LEAVE_CARD),
      });
    });
  });
}

/** Releases the reader's card handle; never rejects (a handle whose card or daemon is gone is released anyway). */
export function disconnect(reader: PcscLiteReader, disposition: number): Promise<void> {
  return new Promise((resolve) => {
    try {
      reader.disconnect(disposition, () => resolve());
    } catch {
      resolve();
    }
  });
}
