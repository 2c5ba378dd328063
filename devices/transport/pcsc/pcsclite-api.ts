/**
 * The part of the `pcsclite` package (1.0.x, node-gyp binding over libpcsclite) this transport
 * uses, typed here so nothing else sees its loose declarations. Its callbacks report failures as
 * Errors whose message ends with the PC/SC return code, e.g. `SCardTransmit error: Card was
 * removed.(0x80100069)`.
 */
export interface PcscLiteReader {
  readonly name: string;
  readonly connected: boolean;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_STATE_EMPTY: number;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  on(event: 'status', listener: (status: { state: number; atr?: Buffer }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeAllListeners(): unknown;
  connect(options: { share_mode: number; protocol?: number }, callback: (error: Error | null | undefined, protocol: number) => void): void;
  disconnect(disposition: number, callback: (error: Error | null | undefined) => void): void;
  transmit(data: Buffer, resLen: number, protocol: number, callback: (error: Error | null | undefined, response: Buffer) => void): void;
  close(): void;
}

export interface PcscLiteContext {
  on(event: 'reader', listener: (reader: PcscLiteReader) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  close(): void;
}

export type PcscLiteFactory = () => PcscLiteContext;

let loading: Promise<PcscLiteFactory | null> | undefined;

/**
 * Loads the optional native module once, lazily: a host where it failed to build still starts,
 * and the driver reports `not-connected` / `pcsclite-missing` instead.
 */
export function loadPcscLite(): Promise<PcscLiteFactory | null> {
  loading ??= import('pcsclite').then(
    (module: { default: unknown }) => (typeof module.default === 'function' ? (module.default as PcscLiteFactory) : null),
    () => null,
  );
  return loading;
}
