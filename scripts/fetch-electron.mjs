// Tries to download Electron's binary (its npm postinstall is blocked on purpose). On machines
// without internet this fails softly: the kiosk then runs in browser mode.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, root } from './lib/setup.mjs';

const installer = join(root, 'node_modules', 'electron', 'install.js');
if (!existsSync(installer)) {
  console.log('electron is not installed (run npm ci first).');
  process.exit(0);
}
const status = run(process.execPath, [installer], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
console.log(status === 0 ? 'Electron binary ready: `npm start` will use it.' : 'Electron binary not available here: `npm start` uses browser mode.');
