import { dirname } from 'node:path';
import type { App, BrowserWindow, IpcMain, Menu, Protocol } from 'electron';
import type { ConfigSources } from '../host/config/load.js';
import type { HostConfig } from '../host/config/schema.js';
import type { CreateHostOptions, KioskHost } from '../host/host.js';
import type { Logger } from '../host/log.js';
import { bridgeWhenReady } from '../host/bridge/bridge-when-ready.js';
import { bridgeLimitsOf } from '../host/bridge/limits.js';
import { installFatalHandlers } from '../host/process/fatal-handler.js';
import { type KeySealer, safeStorageKeyStore } from './safe-storage-key-store.js';
import { APP_ENTRY_URL } from './app-origin.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { hardenWebContents } from './harden-contents.js';
import { attachIpcTransport } from './ipc-transport.js';
import { createKioskWindow, type KioskWindowElectron } from './window.js';

/** The Electron APIs the app uses, injected so the wiring is testable without Electron. */
export interface AppElectron extends KioskWindowElectron {
  app: Pick<App, 'requestSingleInstanceLock' | 'enableSandbox' | 'whenReady' | 'on' | 'quit' | 'exit'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
  Menu: Pick<typeof Menu, 'setApplicationMenu'>;
  /** Seals the journal key with the OS keyring (safe-storage-key-store.ts). */
  safeStorage: KeySealer;
}

export interface KioskAppDeps {
  electron: AppElectron;
  sources: ConfigSources;
  loadHostConfig: (sources: ConfigSources) => HostConfig;
  /** Called once the window is loading the page: the host starts while the page loads. */
  createHost: (config: HostConfig, options: CreateHostOptions & { log: Logger }) => Promise<Pick<KioskHost, 'bridge' | 'stop' | 'recordFault'>>;
  /** The app's and the host's log; with `stateDir` (once the configuration is known) it also writes the rotating file there. */
  createLogger: (options: { level: 'debug' | 'info'; stateDir?: string }) => Logger;
  /** Absolute path of the compiled preload. */
  preloadPath: string;
  /** How long quitting waits for the host to close its journal and devices. */
  stopTimeoutMs?: number;
  /** The process whose uncaught errors end the kiosk (tests pass an emitter). */
  process?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/**
 * Starts the kiosk: lockdown that must precede `ready`, then window → IPC transport → page, and the
 * host while the page loads (its calls are answered once the host is ready). Resolves once the
 * host has started and the page has loaded; a failure to start exits non-zero so the service manager
 * restarts the kiosk rather than leaving a blank screen up.
 */
export async function startKioskApp(deps: KioskAppDeps): Promise<void> {
  const { electron, stopTimeoutMs = 10_000 } = deps;
  const { app, protocol } = electron;
  let log: Logger = deps.createLogger({ level: 'info' });
  let host: Pick<KioskHost, 'stop' | 'recordFault'> | undefined;

  // First of all: with a listener for uncaught errors, Electron shows no native dialog (with a stack
  // trace) on the public screen; the fault is journaled and the kiosk exits for systemd to restart.
  installFatalHandlers({
    log: { error: (message, fields) => log.error(message, fields) },
    target: () => (host ? { record: host.recordFault, stop: () => host!.stop() } : {}),
    exit: (code) => app.exit(code),
    ...(deps.process ? { process: deps.process } : {}),
  });

  // A second kiosk process would fight the first for the card reader and the serial ports.
  if (!app.requestSingleInstanceLock()) {
    log.warn('another kiosk instance is running; quitting');
    app.quit();
    return;
  }
  // Both must happen before `ready`.
  app.enableSandbox();
  registerAppScheme(protocol);
  // No application menu: its accelerators (reload, DevTools, zoom, quit) act without passing
  // through the window's before-input-event filter. Before ready, so the default is never built.
  electron.Menu.setApplicationMenu(null);

  let win: BrowserWindow | undefined;
  let stopping = false;
  let stopped = false;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('second-instance', () => {
    win?.show();
    win?.focus();
  });
  // No window, no kiosk: quit (Linux has no dock to linger in), which stops the host below.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (stopped || (!host && !stopping)) return;
    // Hold the quit until the host has flushed its journal and released the devices; a second
    // quit request meanwhile is held too, not let through.
    event.preventDefault();
    if (stopping || !host) return;
    stopping = true;
    const running = host;
    host = undefined;
    void withTimeout(running.stop(), stopTimeoutMs)
      .catch((error: unknown) => log.error('host stop failed', { error: String(error) }))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  try {
    await app.whenReady();
    const config = deps.loadHostConfig(deps.sources);
    // The same structured log as browser mode: redacted, and to rotating files in the state directory (beside the journal).
    log = deps.createLogger({ level: config.devMode ? 'debug' : 'info', ...(config.journal.path === ':memory:' ? {} : { stateDir: dirname(config.journal.path) }) });
    const keyStore = config.journal.path === ':memory:' ? undefined : safeStorageKeyStore(electron.safeStorage, `${config.journal.path}.key.sealed`);
    // The page first (issue 20, cold start): the window and its renderer process start, and the page
    // loads, renders and says "connecting" while the host starts. Its KioskApi frames wait unread
    // until the host is ready (bridge/bridge-when-ready.ts): no call reaches a host still starting.
    const pending = bridgeWhenReady({ maxConnections: bridgeLimitsOf(config).maxConnections, log });
    serveAppScheme(protocol, { rootDir: config.rendererDir, log });
    win = createKioskWindow(electron, { preloadPath: deps.preloadPath, devMode: config.devMode, log });
    attachIpcTransport({
      ipcMain: electron.ipcMain,
      contents: win.webContents,
      connect: (pipe) => pending.connector.connect(pipe),
      log,
    });
    const loading = win.loadURL(APP_ENTRY_URL);
    loading.catch(() => {}); // awaited below, once the host has started
    const started = await deps.createHost(config, { log, runMode: 'electron', ...(keyStore ? { keyStore } : {}) });
    host = started;
    pending.ready(started.bridge);
    await loading;
  } catch (error) {
    log.error('kiosk failed to start', { error: error instanceof Error ? error.stack : String(error) });
    await host?.stop().catch(() => {});
    app.exit(1);
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
