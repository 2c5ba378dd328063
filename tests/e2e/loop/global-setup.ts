import { PcscdHarness } from '../../../simulators/card-reader/virtual-card/pcscd.js';
import makeCameraVideos from '../biometrics/global-setup.js';

/**
 * One pcscd (with the vpcd virtual reader) for the whole loop run: each test's host finds it
 * running and uses it. Run the loop under `flock /tmp/kiosk-pcscd.lock` where other sessions use
 * pcscd too (npm test is). A pcscd already running is used as it is and left alone.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The kiosk's camera plays a face here too (the permanent renewal's photo is live).
  makeCameraVideos();
  const missing = PcscdHarness.missing();
  if (missing) throw new Error(`the hardware loop needs pcscd with vpcd: ${missing}`);
  const pcscd = await PcscdHarness.start();
  return () => pcscd.stop();
}
