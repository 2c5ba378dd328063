import type { CameraCapabilities, CameraEvents, CameraHealth, CameraReport } from '../../devices/camera/contract.js';
import type { DeviceStatus, SelfTestResult } from '../../devices/contract.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';

export interface CameraControl extends BaseSimulatorControl {
  /** Same as `disconnect`: the USB camera leaves, the host's camera health goes offline. */
  unplug(): void;
  /** Same as `reconnect`. */
  plug(): void;
  /** Stands in for the renderer's report, for testers without a camera in the browser. */
  report(report: CameraReport): void;
  state(): CameraSimState;
}

export interface CameraSimState extends BaseSimulatorState {
  lastReport: CameraReport | null;
}

/** How each renderer report shows in the host's status (detail = the report). */
const REPORT_STATUS: Record<CameraReport, DeviceStatus> = {
  streaming: { state: 'online' },
  'no-device': { state: 'offline', detail: 'no-device' },
  'permission-denied': { state: 'degraded', detail: 'permission-denied' },
  'stream-error': { state: 'degraded', detail: 'stream-error' },
};

/**
 * The camera's health as the host keeps it. Until the renderer reports, an open camera is
 * `online`: the host only knows the device is present.
 */
export class SimulatedCamera extends SimulatedDevice<CameraEvents, CameraCapabilities> implements CameraHealth {
  readonly control: CameraControl;
  private lastReport: CameraReport | null = null;

  constructor(options: SimulatorOptions = {}) {
    super('camera', options);
    const base = this.baseControl();
    this.control = {
      ...base,
      unplug: base.disconnect,
      plug: base.reconnect,
      report: (report) => this.report(report),
      state: () => ({ ...this.baseState(), lastReport: this.lastReport }),
    };
  }

  capabilities(): CameraCapabilities {
    return { previewInRenderer: true };
  }

  report(report: CameraReport): void {
    if (!(report in REPORT_STATUS)) throw new TypeError(`unknown camera report ${String(report)}`);
    this.lastReport = report;
    this.stateChanged();
  }

  protected openStatus(): DeviceStatus {
    return this.lastReport === null ? { state: 'online' } : { ...REPORT_STATUS[this.lastReport] };
  }

  protected override onReleased(): void {
    this.lastReport = null; // a reopened camera has not been seen by the renderer yet
  }

  protected override selfTestChecks(): SelfTestResult['checks'] {
    const status = this.openStatus();
    return [
      status.state === 'online'
        ? { name: 'stream', passed: true }
        : { name: 'stream', passed: false, detail: status.detail ?? status.state },
    ];
  }
}
