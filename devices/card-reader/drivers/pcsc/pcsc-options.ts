import type { PcscLiteFactory } from '../../../transport/pcsc/pcsclite-api.js';

/** How the PC/SC card reader driver is configured: which reader, trust anchors, APDU sizes and time bounds. */
export interface PcscCardReaderOptions {
  /** Use the first reader whose name contains this (case-insensitive); any reader if absent. */
  reader?: string;
  /** PEM certificates of the issuer CAs passive authentication trusts. */
  trustAnchorsPem: readonly string[];
  /**
   * Allows extended-length APDUs (default true): whole files in one READ BINARY, but only on a card
   * whose ATR announces extended Lc/Le. Other cards, or `false`, get 256-byte pieces, command
   * chaining and GET RESPONSE.
   */
  extendedLength?: boolean;
  /** One APDU's round trip before `timeout` (default 5 s). */
  transmitTimeoutMs?: number;
  /**
   * How long `close()` waits for the card handle to be released (default 1 s). A card frozen
   * mid-command never gives its handle back: past this bound it is abandoned (released by itself
   * once pcscd answers), so closing the reader, the DeviceHub and the host never hang on it.
   */
  closeTimeoutMs?: number;
  /** How long `open` waits for a matching reader to be listed (default 2 s). */
  readerWaitMs?: number;
  /** Re-establishing the PC/SC context after pcscd went away (defaults 250 ms doubling to 4 s). */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Called after every APDU exchange with its round trip (diagnostics, the benchmark). */
  onExchange?: (command: Uint8Array, response: Uint8Array, ms: number) => void;
  /** How pcsclite is loaded; tests pass one that fails, as on a host where it did not build. */
  load?: () => Promise<PcscLiteFactory | null>;
}
