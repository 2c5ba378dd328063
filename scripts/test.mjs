// `npm test`: its own set-up (npm packages, Debian packages when root), a build, then every suite:
// lint, type-check, vitest (unit, contract, integration) and Playwright against Debian's Chromium.
import { build, ensureDebianPackages, ensureNodeModules, run } from './lib/setup.mjs';

/**
 * What the suites drive for real: Chromium (end-to-end), CJK fonts (screenshots, rendered
 * receipts), pcscd with the vpcd virtual reader and the PC/SC headers (the pcsclite build), socat
 * (pty pairs standing in for serial cables), pyscard (an independent PC/SC client for the benchmark),
 * ffmpeg (the fake camera's y4m videos), openssl (the test CA and certificates for mutual TLS).
 */
export const DEBIAN_PACKAGES = [
  'chromium',
  'fonts-noto-cjk',
  'fonts-dejavu-core',
  'pcscd',
  'vsmartcard-vpcd',
  'libpcsclite-dev',
  'socat',
  'python3-pyscard',
  'ffmpeg',
  'openssl',
  'mosquitto',
  'mosquitto-clients',
  // scanimage and SANE's test backend (the document scanner's driver tests and the hardware loop).
  'sane-utils',
];

// Debian packages first: the pcsclite module compiles against libpcsclite-dev during npm ci.
if (!ensureDebianPackages(DEBIAN_PACKAGES)) process.exit(1);
ensureNodeModules();
build();

const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['unit, contract and integration tests (vitest)', 'npx', ['vitest', 'run']],
  ['end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']],
  // A separate launch: Chromium's fake camera is a per-browser flag (face video, no-face video).
  ['camera end-to-end tests (Playwright, fake camera)', 'npx', ['playwright', 'test', '-c', 'tests/e2e/biometrics/playwright.config.ts']],
  // The receipt QR on the fake camera (collection by receipt): its own video, so its own launch.
  ['receipt QR camera end-to-end tests (Playwright, fake camera)', 'npx', ['playwright', 'test', '-c', 'tests/e2e/collection-camera/playwright.config.ts']],
  // The scenario library (scenarios/*.yaml): each a fresh kiosk in one Chromium; the HTML report stays in tests/artifacts/scenarios.
  ['scenario library (npm run scenario, Chromium)', 'npm', ['run', '--silent', 'scenario', '--', 'scenarios']],
  // The hardware loop: the same visits with every device through its real driver and transport
  // (pcscd + vpcd, socat ptys, the HID socket). Its global setup starts pcscd if none runs.
  ['hardware-loop end-to-end tests (Playwright, real drivers and transports)', 'npx', ['playwright', 'test', '-c', 'tests/e2e/loop/playwright.config.ts']],
];
const failed = [];
for (const [name, command, args] of steps) {
  console.log(`\n• ${name}`);
  if (run(command, args, { env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } }) !== 0) failed.push(name);
}
console.log(failed.length === 0 ? '\n✓ All checks passed.' : `\n✗ Failed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
