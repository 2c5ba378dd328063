import type { DeviceKind } from './kinds.js';

/**
 * The base contract every device class extends (drivers and simulators alike, so the host never knows which it has). Timing, cancellation and error
 * behaviour are part of the contract and are stated on each member.
 */

export type DeviceState = 'online' | 'offline' | 'degraded';

export interface DeviceStatus {
  state: DeviceState;
  /** A stable code explaining a degraded or offline state, e.g. `paper-near-end`, `unplugged`. */
  detail?: string;
}

export interface DeviceInfo {
  kind: DeviceKind;
  /** Simulators report `Simulator`; the UI never branches on it (a screen that behaved differently with a simulator would be untested with the real device). */
  model: string;
  vendor: string;
  firmware?: string;
  /** The unit's serial number, where the device reports one (the technician screen). */
  serial?: string;
}

export interface SelfTestResult {
  passed: boolean;
  checks: Array<{ name: string; passed: boolean; detail?: string }>;
}

export interface BaseDeviceEvents {
  /** Emitted on every change of `status()`, and only then. */
  status: DeviceStatus;
}

export interface Device<Events extends BaseDeviceEvents, Capabilities> {
  readonly kind: DeviceKind;
  info(): DeviceInfo;
  /** Static while the device is open; the UI branches on these, never on the model. */
  capabilities(): Capabilities;
  /**
   * Connects to the device. Resolves once it is usable (status `online` or `degraded`).
   * Rejects with `not-connected` when the device is absent, `cancelled` when the signal fires.
   * Opening an open device resolves at once.
   */
  open(signal?: AbortSignal): Promise<void>;
  /** Releases the device; operations in flight reject with `not-connected`. Never rejects. */
  close(): Promise<void>;
  /** The current status, synchronously; changes are announced by the `status` event. */
  status(): DeviceStatus;
  /** A self-test for the technician screen. Rejects only with `not-connected` or `cancelled`. */
  selfTest(signal?: AbortSignal): Promise<SelfTestResult>;
  /**
   * The driver's own counters for the technician screen (a serial link's retransmissions, a gauge's
   * bad lines), where it keeps any: names to non-negative counts since the driver started.
   */
  diagnostics?(): Record<string, number>;
  /** Subscribes to a typed event; returns the unsubscribe function. */
  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void;
}
