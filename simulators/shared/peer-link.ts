import type { DeviceStatus } from '../../devices/contract.js';
import type { PtyLine } from '../../devices/transport/serial/pty-line.js';
import { type BaseSimulatorState, nonNegative } from './simulated-device.js';

/** The link controls every far end offers, with the same meaning as the in-process simulators'. */
export interface PeerLinkControl {
  /** Pulls the cable: the pty pair goes away, so the driver's side sees its port die. */
  disconnect(): Promise<void>;
  /** Plugs a new pty pair in at the same path; the DeviceHub reopens the driver. */
  reconnect(): Promise<void>;
  setLatencyMs(ms: number): void;
  /** A hardware fault the device reports (status `degraded`); `null` clears it. */
  setFault(detail: string | null): void;
}

/**
 * What the serial far ends (gauge, terminal, printer) share: their pty line, the latency and fault a
 * tester injects, the link controls and the base of their state. Each peer keeps only its protocol.
 */
export class PeerLink {
  latencyMs = 0;
  fault: string | null = null;

  constructor(private readonly line: PtyLine) {}

  /** Answers after the injected latency, as a slow device would. */
  later(answer: () => void): void {
    if (this.latencyMs > 0) setTimeout(answer, this.latencyMs);
    else answer();
  }

  /** `onUnplug` drops what does not survive the cable being pulled (half a command, a sale in flight). */
  controls(onUnplug: () => void): PeerLinkControl {
    return {
      disconnect: async () => {
        onUnplug();
        await this.line.unplug();
      },
      reconnect: () => this.line.plug(),
      setLatencyMs: (ms) => {
        this.latencyMs = nonNegative(ms, 'latencyMs');
      },
      setFault: (detail) => {
        this.fault = detail;
      },
    };
  }

  /** Offline when unplugged, degraded with a fault, otherwise what the device itself reports. */
  status(healthy: DeviceStatus = { state: 'online' }): DeviceStatus {
    if (!this.line.plugged) return { state: 'offline', detail: 'unplugged' };
    if (this.fault !== null) return { state: 'degraded', detail: this.fault };
    return healthy;
  }

  baseState(operations: string[], healthy?: DeviceStatus): BaseSimulatorState {
    return {
      connected: this.line.plugged,
      open: this.line.plugged,
      status: this.status(healthy),
      latencyMs: this.latencyMs,
      fault: this.fault,
      operations,
    };
  }
}
