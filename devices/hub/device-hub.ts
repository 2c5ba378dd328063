import type { BaseDeviceEvents, Device, DeviceStatus } from '../contract.js';
import { TypedEmitter } from '../events.js';
import type { DeviceSet } from '../index.js';
import { DEVICE_KINDS, type DeviceKind } from '../kinds.js';

export interface DeviceHealthEntry {
  device: DeviceKind;
  state: DeviceStatus['state'];
  detail?: string;
  model: string;
}

export interface DeviceHubOptions {
  /** First reconnect delay; doubles on every failure up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  log?: { warn(message: string, fields?: Record<string, unknown>): void };
}

interface HubEvents {
  health: DeviceHealthEntry;
}

/** Every device seen through the base contract: all the hub needs. */
type AnyDevice = Device<BaseDeviceEvents, unknown>;

/**
 * Owns every device's lifecycle: opens them at start, publishes their health, and reconnects an
 * offline device with exponential back-off until it answers again. Nothing else opens or closes
 * devices, and nothing else knows whether a device is real or simulated.
 */
export class DeviceHub {
  private readonly events = new TypedEmitter<HubEvents>();
  private readonly retryTimers = new Map<DeviceKind, ReturnType<typeof setTimeout>>();
  private readonly backoff = new Map<DeviceKind, number>();
  private readonly unsubscribe: Array<() => void> = [];
  private stopped = false;
  /** Devices a technician is restarting: their close is not a fault to reconnect from. */
  private readonly restarting = new Set<DeviceKind>();

  constructor(
    private readonly devices: DeviceSet,
    private readonly options: DeviceHubOptions,
  ) {}

  get<K extends DeviceKind>(kind: K): DeviceSet[K] {
    return this.devices[kind];
  }

  /** Opens every device; one that fails to open is reported offline and retried, never fatal. */
  async start(): Promise<void> {
    for (const kind of DEVICE_KINDS) {
      const device: AnyDevice = this.devices[kind];
      this.unsubscribe.push(
        device.on('status', (status: DeviceStatus) => {
          this.events.emit('health', this.entry(kind));
          if (status.state === 'offline') this.scheduleReconnect(kind);
        }),
      );
    }
    await Promise.all(DEVICE_KINDS.map((kind) => this.tryOpen(kind)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    for (const off of this.unsubscribe.splice(0)) off();
    await Promise.all(DEVICE_KINDS.map((kind) => this.devices[kind].close()));
  }

  /**
   * A technician's restart (maintenance mode): closes the device and opens it again now, without
   * waiting for the back-off. Resolves once the open has succeeded or failed; a device that still
   * does not open is retried as usual.
   */
  async restart(kind: DeviceKind): Promise<void> {
    this.restarting.add(kind);
    try {
      this.cancelRetry(kind);
      await this.devices[kind].close();
    } finally {
      this.restarting.delete(kind);
    }
    this.cancelRetry(kind);
    this.backoff.delete(kind);
    await this.tryOpen(kind);
  }

  health(): DeviceHealthEntry[] {
    return DEVICE_KINDS.map((kind) => this.entry(kind));
  }

  onHealth(listener: (entry: DeviceHealthEntry) => void): () => void {
    return this.events.on('health', listener);
  }

  private entry(kind: DeviceKind): DeviceHealthEntry {
    const device: AnyDevice = this.devices[kind];
    const status = device.status();
    return {
      device: kind,
      state: status.state,
      model: device.info().model,
      ...(status.detail === undefined ? {} : { detail: status.detail }),
    };
  }

  private async tryOpen(kind: DeviceKind): Promise<void> {
    if (this.stopped) return;
    try {
      await this.devices[kind].open();
      this.backoff.delete(kind);
    } catch (error) {
      // Everything the technician needs to find the fault: the code, the detail, and where it came from (path, errno, vendor code).
      const { code, detail, fault, message } = error as { code?: unknown; detail?: unknown; fault?: unknown; message?: unknown };
      this.options.log?.warn('device hub: open failed', {
        device: kind,
        code,
        ...(detail === undefined ? {} : { detail }),
        ...(typeof fault === 'object' && fault !== null ? fault : {}),
        ...(typeof message === 'string' ? { error: message.slice(0, 300) } : {}),
      });
      this.scheduleReconnect(kind);
    }
  }

  private cancelRetry(kind: DeviceKind): void {
    clearTimeout(this.retryTimers.get(kind));
    this.retryTimers.delete(kind);
  }

  private scheduleReconnect(kind: DeviceKind): void {
    if (this.stopped || this.restarting.has(kind) || this.retryTimers.has(kind)) return;
    const delay = this.backoff.get(kind) ?? this.options.initialBackoffMs;
    this.backoff.set(kind, Math.min(delay * 2, this.options.maxBackoffMs));
    this.retryTimers.set(
      kind,
      setTimeout(() => {
        this.retryTimers.delete(kind);
        void this.tryOpen(kind);
      }, delay),
    );
  }
}
