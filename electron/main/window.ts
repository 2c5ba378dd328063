import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { hardenWebContents } from './harden-contents.js';
import type { MainLog } from './log.js';
import { installPermissionPolicy } from './permissions.js';
import { crashWhenHung, reloadWhenRendererGone, type RecoveryOptions } from './renderer-recovery.js';

export interface KioskWindowOptions {
  /** Absolute path of the compiled preload (dist/node/electron/preload/index.cjs). */
  preloadPath: string;
  /** Development flag from the host configuration: the only thing that enables DevTools. */
  devMode: boolean;
  log: MainLog;
  recovery?: Omit<RecoveryOptions, 'log'>;
}

/** Injected rather than imported, so the window can be built and inspected without Electron. */
export interface KioskWindowElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

/**
 * The options of the one kiosk window. Exported so the test can compare them whole: a new option
 * that weakens isolation has to be added here, in plain sight.
 */
export function kioskWindowOptions({ preloadPath, devMode }: Pick<KioskWindowOptions, 'preloadPath' | 'devMode'>): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    // Shown on ready-to-show: no white flash of an empty window on the public screen.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: devMode,
      spellcheck: false,
    },
  };
}

export function createKioskWindow(electron: KioskWindowElectron, options: KioskWindowOptions): BrowserWindow {
  const { log } = options;
  const win = new electron.BrowserWindow(kioskWindowOptions(options));
  const contents = win.webContents;

  hardenWebContents(contents, log);
  installPermissionPolicy(contents.session, log);
  reloadWhenRendererGone(contents, { ...options.recovery, log });
  crashWhenHung(win, contents, { log, ...(options.recovery?.hangGraceMs !== undefined ? { graceMs: options.recovery.hangGraceMs } : {}), ...(options.recovery?.timers ? { timers: options.recovery.timers } : {}) });

  win.once('ready-to-show', () => win.show());
  // A kiosk window is never closed by the page (window.close()) or by a stray key chord; quitting
  // goes through app.quit(), which the technician flow or the service manager triggers.
  contents.on('before-input-event', (event, input) => {
    if (!options.devMode && isBlockedChord(input)) event.preventDefault();
  });
  return win;
}

/** Reload, devtools and zoom chords: harmless at a desk, a way out of the flow on a kiosk. */
function isBlockedChord(input: { key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }): boolean {
  const key = input.key.toLowerCase();
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if ((input.control || input.meta) && ['r', 'w', 'q', '+', '-', '=', '0'].includes(key)) return true;
  if ((input.control || input.meta) && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return input.alt && key === 'f4';
}
