import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { MainLog } from '../../../electron/main/log.js';

/**
 * Hand-written stand-ins for the few Electron objects electron/main touches. They record what was
 * done to them (handlers installed, messages sent, reloads) so tests assert behaviour: what a
 * navigation, a permission request or an IPC message actually leads to.
 */

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

export function recordingLog(): MainLog & { entries: LogEntry[]; debug(message: string, fields?: Record<string, unknown>): void } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (message: string, fields?: Record<string, unknown>) => {
    entries.push({ level, message, fields });
  };
  return { entries, debug: () => {}, info: at('info'), warn: at('warn'), error: at('error') };
}

/** An Electron-style event: records whether a listener vetoed it. */
export class FakeEvent<P extends object = object> {
  defaultPrevented = false;
  constructor(readonly params: P = {} as P) {
    Object.assign(this, params);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export function navEvent(url: string): FakeEvent<{ url: string }> & { url: string } {
  return new FakeEvent({ url }) as FakeEvent<{ url: string }> & { url: string };
}

export interface FakeFrame {
  processId: number;
  routingId: number;
  origin: string;
  url: string;
  parent: FakeFrame | null;
}

export function appMainFrame(overrides: Partial<FakeFrame> = {}): FakeFrame {
  return { processId: 7, routingId: 1, origin: 'kiosk://app', url: 'kiosk://app/index.html', parent: null, ...overrides };
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: Record<string, unknown>) => boolean;

export class FakeSession extends EventEmitter {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.deviceHandler = handler;
  }

  /** Runs the installed request handler the way Chromium would and returns its answer. */
  request(permission: string, details: Record<string, unknown>): boolean {
    if (!this.requestHandler) throw new Error('no permission request handler installed');
    let answer: boolean | undefined;
    this.requestHandler({}, permission, (granted) => (answer = granted), details);
    if (answer === undefined) throw new Error('handler did not answer');
    return answer;
  }

  check(permission: string, origin: string, details: Record<string, unknown> = {}): boolean {
    if (!this.checkHandler) throw new Error('no permission check handler installed');
    return this.checkHandler({}, permission, origin, { isMainFrame: true, ...details });
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session = new FakeSession();
  mainFrame: FakeFrame = appMainFrame();
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  reloads = 0;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  reload(): void {
    this.reloads += 1;
  }
  forcedCrashes = 0;
  /** Like Electron: the renderer process is killed, and `render-process-gone` follows. */
  forcefullyCrashRenderer(): void {
    this.forcedCrashes += 1;
    this.emit('render-process-gone', new FakeEvent(), { reason: 'killed', exitCode: 9 });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  shown = false;
  loadedUrls: string[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
}

/**
 * The one unchecked step: a fake is handed to code typed with Electron's real interfaces. Kept in
 * one place so every other line of the tests stays type-checked.
 */
export function fakeAs<T>(fake: unknown): T {
  return fake as T;
}
