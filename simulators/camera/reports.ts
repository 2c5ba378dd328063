import type { CameraReport } from '../../devices/camera/contract.js';

/** Every camera report as a value (the contract has only the type), for validation and the panel. */
export const CAMERA_REPORTS = ['streaming', 'no-device', 'permission-denied', 'stream-error'] as const;

// Compile-time check that the list and the contract's type agree exactly.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const cameraReportsMatchContract: Exact<(typeof CAMERA_REPORTS)[number], CameraReport> = true;
