import type { BaseDeviceEvents, Device } from '../contract.js';

/**
 * The camera's health side. The picture itself flows in the renderer (getUserMedia); the host
 * only keeps the camera's health, from what the renderer reports and the device's own presence,
 * so the technician screen and the flows can see it.
 */
export type CameraReport = 'streaming' | 'no-device' | 'permission-denied' | 'stream-error';

export interface CameraCapabilities {
  /** The renderer previews and captures; the host never receives frames from this device. */
  previewInRenderer: true;
}

export type CameraEvents = BaseDeviceEvents;

export interface CameraHealth extends Device<CameraEvents, CameraCapabilities> {
  /** What the renderer last saw when it opened the camera; changes status accordingly. */
  report(report: CameraReport): void;
}
