import type { BrowserWindow, RenderProcessGoneDetails, WebContents } from 'electron';
import type { MainLog } from './log.js';

/**
 * A kiosk has nobody to press "reload": when the renderer process dies the window reloads it.
 * Reloads back off exponentially so a page that crashes on start does not spin a core at 100 %
 * and flood the log; once a load has stayed up for `stableMs` the back-off starts over.
 */

export interface RecoveryOptions {
  log: MainLog;
  /** First delay; doubles per consecutive crash. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A renderer that lived this long after loading was healthy: the next crash starts over. */
  stableMs?: number;
  /** Injected so tests control time. */
  timers?: Timers;
  /** How long a window may stay unresponsive before its renderer is crashed and reloaded. */
  hangGraceMs?: number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

export type RecoverableContents = Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>;

export function reloadWhenRendererGone(contents: RecoverableContents, options: RecoveryOptions): void {
  const { log, initialDelayMs = 1_000, maxDelayMs = 60_000, stableMs = 120_000, timers = realTimers } = options;
  let consecutiveCrashes = 0;
  let loadedAt: number | undefined;
  let pending: unknown;

  contents.on('did-finish-load', () => {
    loadedAt = timers.now();
  });

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    const now = timers.now();
    if (loadedAt !== undefined && now - loadedAt >= stableMs) consecutiveCrashes = 0;
    loadedAt = undefined;
    consecutiveCrashes += 1;
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (consecutiveCrashes - 1));
    const fields = { reason: details.reason, exitCode: details.exitCode, consecutiveCrashes, reloadInMs: delay };
    if (consecutiveCrashes >= 3) log.error('renderer gone again; reloading with back-off', fields);
    else log.warn('renderer gone; reloading', fields);

    if (pending !== undefined) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = undefined;
      if (contents.isDestroyed()) return;
      contents.reload();
    }, delay);
  });

  contents.on('destroyed', () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  });
}

export type HangWatchedWindow = Pick<BrowserWindow, 'on'>;
export type HangRecoverableContents = Pick<WebContents, 'forcefullyCrashRenderer' | 'isDestroyed'>;

/**
 * A renderer that hangs (an endless loop, a stuck GPU call) never dies, so `render-process-gone`
 * never fires and the screen stays frozen. When the window reports `unresponsive` and does not
 * recover within `graceMs`, the renderer is crashed on purpose; `reloadWhenRendererGone` then
 * reloads it with its usual back-off. A renderer that becomes responsive in time is left alone.
 */
export function crashWhenHung(win: HangWatchedWindow, contents: HangRecoverableContents, options: { log: MainLog; graceMs?: number; timers?: Timers }): void {
  const { log, graceMs = 10_000, timers = realTimers } = options;
  let pending: unknown;
  win.on('unresponsive', () => {
    if (pending !== undefined) return;
    log.warn('renderer unresponsive; crashing it if it stays so', { graceMs });
    pending = timers.setTimeout(() => {
      pending = undefined;
      if (contents.isDestroyed()) return;
      log.error('renderer hung; crashing it so it reloads', { graceMs });
      contents.forcefullyCrashRenderer();
    }, graceMs);
  });
  win.on('responsive', () => {
    if (pending === undefined) return;
    timers.clearTimeout(pending);
    pending = undefined;
    log.info('renderer responsive again');
  });
}
