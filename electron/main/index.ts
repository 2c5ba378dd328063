/**
 * The Electron entry (package.json "main" → dist/node/electron/main/index.js). Only wiring: the
 * real Electron modules and paths go in here, everything with logic lives in app.ts and below.
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage } from 'electron';
import { loadHostConfig } from '../host/config/load.js';
import { createLogger } from '../host/log.js';
import { createPinoLogger } from '../host/logging/pino-logger.js';
import { startKioskApp } from './app.js';

// dist/node/electron/main/ → dist/node/electron/preload/index.cjs (tsc compiles .cts to .cjs).
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// systemd stops the kiosk with SIGTERM: quit through before-quit so the host shuts down cleanly.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => app.quit());

void startKioskApp({
  electron: { app, BrowserWindow, ipcMain, protocol, Menu, safeStorage },
  sources: { env: process.env, argv: process.argv },
  loadHostConfig,
  // Test mode: the back-office simulator, the movable clock and the control API, as in browser mode.
  // Imported here, not at the top: the window opens and the page loads while the host's modules are read.
  createHost: async (config, options) => {
    const [{ createHost }, { withTesterServices }] = await Promise.all([import('../host/host.js'), import('../host/testing/electron-tester-host.js')]);
    return withTesterServices(createHost)(config, options);
  },
  createLogger: (options) => (options.stateDir ? createPinoLogger({ level: options.level, stateDir: options.stateDir }) : createLogger(options)),
  preloadPath,
});
