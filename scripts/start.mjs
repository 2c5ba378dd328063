// `npm start`: the kiosk on the all-simulated default configuration.
// Electron when its binary is present; otherwise the host in browser mode, shown in Chromium's
// app/kiosk mode when there is a display; otherwise the URL is printed and the host keeps serving.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build, electronBinary, ensureNodeModules, findChromium, HOST_ENV, kioskChromiumArgs, root } from './lib/setup.mjs';

ensureNodeModules();
build();

const passThrough = process.argv.slice(2);
const electron = electronBinary();
if (electron && !passThrough.includes('--browser')) {
  console.log('• Starting the kiosk in Electron…');
  const child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit', env: { ...process.env, ...HOST_ENV } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  startBrowserMode(passThrough.filter((arg) => arg !== '--browser'));
}

function startBrowserMode(args) {
  console.log(electron ? '• Browser mode requested.' : '• Electron binary not present: starting the kiosk host in browser mode.');
  const host = spawn(process.execPath, [join(root, 'dist/host/standalone.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...HOST_ENV },
  });
  const forward = (signal) => host.kill(signal);
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  host.on('exit', (code) => process.exit(code ?? 0));

  // The host's JSON lines are for launchers: `serving` (open the page now: it loads while the host
  // starts), then `listening` (ready). The lines after them are for people.
  let opened = false;
  createInterface({ input: host.stdout }).on('line', (line) => {
    if (line.startsWith('{')) {
      if (!opened) {
        opened = true;
        const { url, launchFile } = JSON.parse(line);
        openWindow(launchFile, url);
      }
      return;
    }
    console.log(line);
  });
}

function openWindow(launchFile, url) {
  const chromium = findChromium();
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!chromium || !display) {
    const what = url ? 'the kiosk URL below' : `file://${launchFile}`;
    console.log(!chromium ? `• No Chromium found: open ${what} in a browser.` : `• No display: open ${what} in a browser on this machine.`);
    return;
  }
  console.log('• Opening Chromium in kiosk mode (Alt+F4 closes it; the host keeps serving).');
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
  // The launch file, not the URL: the token must not show in `ps`.
  const browser = spawn(chromium, kioskChromiumArgs({ launchFile, profileDir: profile }), {
    stdio: 'ignore',
    detached: false,
  });
  browser.on('error', (error) => console.log(`• Chromium could not start (${error.message}): open the URL in a browser.`));
}
