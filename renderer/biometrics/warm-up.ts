import { useKiosk } from '../state/kiosk-store.js';
import { warmFaceDetector } from './face-analyzer.js';

/**
 * Warms the face detector while the resident is on a fingerprint step (identity check or ten-print),
 * which comes before the photo in the services that take one: the photo step's first guidance then
 * shows without waiting for the detector to load and compile (issue 20, docs/performance.md).
 * Once per page; a visit that never reaches these steps never loads the detector.
 */
export function startFaceDetectorWarmUp(): void {
  let warmed = false;
  const unsubscribe = useKiosk.subscribe((state) => {
    const screen = state.screen;
    const fingerprintStep = screen.name === 'fingerprint' || (screen.name === 'step' && screen.step.kind === 'capture-fingerprints');
    if (warmed || !fingerprintStep) return;
    warmed = true;
    unsubscribe();
    // After the step's screen has painted and taken its first touches.
    setTimeout(() => void warmFaceDetector(), 500);
  });
}
