import { useKiosk } from '../state/kiosk-store.js';

/** The steps a resident spends time on before the photo, with nothing else loading on the page. */
const WARM_DURING: ReadonlySet<string> = new Set(['verify-identity', 'capture-fingerprints']);

/**
 * Warms the face detector while the resident is on a fingerprint step, when the host's plan for
 * this visit still has a live photo ahead: the photo step's first guidance then shows without
 * waiting for the detector to load and compile (docs/performance.md). Read from the plan, not from
 * screen names, so a service without a live photo never loads the detector. Once per page.
 */
export function startFaceDetectorWarmUp(): void {
  const unsubscribe = useKiosk.subscribe((state) => {
    const host = state.visit?.host;
    if (!host || !WARM_DURING.has(host.current.kind)) return;
    const livePhotoAhead = host.steps.some(({ step, status }) => status === 'pending' && step.kind === 'photo' && step.sources.includes('live'));
    if (!livePhotoAhead) return;
    unsubscribe();
    // After the step's screen has painted and taken its first touches.
    // The analyser's code is loaded then too: it is not in the entry chunk.
    setTimeout(() => void import('./face-analyzer.js').then(({ warmFaceDetector }) => warmFaceDetector()), 500);
  });
}
