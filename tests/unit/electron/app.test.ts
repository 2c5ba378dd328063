import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { FramePipe } from '../../../electron/shared/kiosk-api/protocol.js';
import type { HostConfig } from '../../../electron/host/config/schema.js';
import { type AppElectron, type KioskAppDeps, startKioskApp } from '../../../electron/main/app.js';
import { KIOSK_FRAME_CHANNEL } from '../../../electron/main/ipc-transport.js';
import { fakeAs, FakeBrowserWindow, FakeEvent, FakeWebContents, navEvent, recordingLog } from './fakes.js';

class FakeApp extends EventEmitter {
  readonly steps: string[] = [];
  hasLock = true;
  quitted = false;
  exitCode: number | undefined;
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  enableSandbox(): void {
    this.steps.push('enableSandbox');
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  becomeReady(): void {
    this.steps.push('ready');
    this.markReady();
  }
  /** Like Electron: quitting emits before-quit, which a listener may veto. */
  quit(): void {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
}

function setup(overrides: Partial<KioskAppDeps> = {}) {
  const app = new FakeApp();
  const ipcMain = new EventEmitter();
  const handled: string[] = [];
  const protocol = {
    registerSchemesAsPrivileged: () => app.steps.push('registerScheme'),
    handle: (scheme: string) => handled.push(scheme),
  };
  const menu = { setApplicationMenu: vi.fn((value: unknown) => app.steps.push(`setApplicationMenu(${String(value)})`)) };
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret' as const,
    encryptString: (text: string) => Buffer.from(`sealed:${text}`),
    decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
  };
  const proc = new EventEmitter();
  const pipes: FramePipe[] = [];
  const received: string[] = [];
  let stopHost: () => void = () => {};
  const host = {
    stopped: false,
    faults: [] as Array<[string, string | null]>,
    recordFault(kind: string, code: string | null) {
      host.faults.push([kind, code]);
    },
    stop: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          stopHost = () => {
            host.stopped = true;
            resolve();
          };
        }),
    ),
    bridge: {
      connect: (pipe: FramePipe) => {
        pipes.push(pipe);
        pipe.onFrame((frame) => received.push(frame));
        return () => {};
      },
    },
  };
  const log = recordingLog();
  FakeBrowserWindow.created = [];
  const deps: KioskAppDeps = {
    electron: fakeAs<AppElectron>({ app, protocol, ipcMain, BrowserWindow: FakeBrowserWindow, Menu: menu, safeStorage }),
    sources: { env: {}, argv: [] },
    loadHostConfig: () => fakeAs<HostConfig>({ devMode: false, rendererDir: '/srv/renderer', bridge: { maxConnections: 1, maxCallsInFlight: 32 }, journal: { path: ':memory:' } }),
    createHost: async () => fakeAs<Awaited<ReturnType<KioskAppDeps['createHost']>>>(host),
    createLogger: () => log,
    preloadPath: '/opt/kiosk/preload/index.cjs',
    process: fakeAs<NodeJS.Process>(proc),
    ...overrides,
  };
  return { app, ipcMain, handled, host, pipes, received, log, deps, proc, menu, safeStorage, stopHost: () => stopHost() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('kiosk app start-up', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { app, deps } = setup();
    app.hasLock = false;
    await startKioskApp(deps);
    expect(app.quitted).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('enables the sandbox and registers the scheme before ready, then window, transport, page (and the host meanwhile)', async () => {
    const { app, ipcMain, handled, received, deps } = setup();
    const started = startKioskApp(deps);
    expect(app.steps).toEqual(['enableSandbox', 'registerScheme', 'setApplicationMenu(null)']);
    app.becomeReady();
    await started;

    expect(handled).toEqual(['kiosk']);
    const win = FakeBrowserWindow.created[0];
    expect(win?.options.webPreferences?.preload).toBe('/opt/kiosk/preload/index.cjs');
    expect(win?.options.webPreferences?.devTools).toBe(false);
    expect(win?.loadedUrls).toEqual(['kiosk://app/index.html']);

    // The window's frames reach the host through the transport.
    const contents = win?.webContents as FakeWebContents;
    contents.emit('did-navigate');
    ipcMain.emit(KIOSK_FRAME_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, '{"hello":1}');
    expect(received).toEqual(['{"hello":1}']);
  });

  it('loads the page while the host starts, and hands the page its frames only once the host has started', async () => {
    const { app, ipcMain, received, host, deps } = setup();
    let finishStart!: () => void;
    const loadsWhenCreated: number[] = [];
    deps.createHost = async () => {
      loadsWhenCreated.push(FakeBrowserWindow.created[0]?.loadedUrls.length ?? 0);
      await new Promise<void>((resolve) => (finishStart = resolve));
      return fakeAs<Awaited<ReturnType<KioskAppDeps['createHost']>>>(host);
    };
    const started = startKioskApp(deps);
    app.becomeReady();
    await flush();
    // The page is loading before the host is asked to start (issue 20, cold start).
    expect(loadsWhenCreated).toEqual([1]);
    const contents = FakeBrowserWindow.created[0]?.webContents as FakeWebContents;
    contents.emit('did-navigate');
    ipcMain.emit(KIOSK_FRAME_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, '{"id":1}');
    await flush();
    expect(received).toEqual([]);
    finishStart();
    await started;
    expect(received).toEqual(['{"id":1}']);
  });

  it('hardens every other webContents the app creates', async () => {
    const { app, deps } = setup();
    const started = startKioskApp(deps);
    app.becomeReady();
    await started;
    const stray = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), stray);
    const navigation = navEvent('https://example.com/');
    stray.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(stray.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('gives the log the state directory once the configuration is known (the rotating file beside the journal)', async () => {
    const asked: Array<{ level: string; stateDir?: string }> = [];
    const { app, deps } = setup({
      loadHostConfig: () => fakeAs<HostConfig>({ devMode: false, rendererDir: '/srv/renderer', bridge: { maxConnections: 1, maxCallsInFlight: 32 }, journal: { path: '/var/lib/dsi-kiosk/journal.sqlite' } }),
      createLogger: (options) => {
        asked.push(options);
        return recordingLog();
      },
    });
    const started = startKioskApp(deps);
    app.becomeReady();
    await started;
    expect(asked).toEqual([{ level: 'info' }, { level: 'info', stateDir: '/var/lib/dsi-kiosk' }]);
  });

  it('exits non-zero when the host cannot start', async () => {
    const { app, log, deps } = setup({
      loadHostConfig: () => {
        throw new Error('kiosk.json: devMode: expected boolean');
      },
    });
    const started = startKioskApp(deps);
    app.becomeReady();
    await started;
    expect(app.exitCode).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(log.entries.some((e) => e.level === 'error' && e.message === 'kiosk failed to start')).toBe(true);
  });
});

describe('kiosk app lockdown of the process', () => {
  it('removes the application menu before ready, so no accelerator bypasses the key filter', () => {
    const { deps, menu } = setup();
    void startKioskApp(deps);
    expect(menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('handles an uncaught exception itself (no native dialog): journals it, stops the host, exits 70', async () => {
    const { app, deps, proc, host, log, stopHost } = setup();
    const started = startKioskApp(deps);
    // Listening from the very start: Electron shows its dialog only when nobody listens.
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    expect(proc.listenerCount('unhandledRejection')).toBe(1);
    app.becomeReady();
    await started;
    proc.emit('uncaughtException', new TypeError('boom with 1234567(9)'));
    expect(host.faults).toEqual([['uncaught-exception', 'TypeError']]);
    expect(host.stop).toHaveBeenCalledTimes(1);
    expect(app.exitCode).toBeUndefined(); // waits for the host to stop
    stopHost();
    await flush();
    expect(app.exitCode).toBe(70);
    const alert = log.entries.find((entry) => entry.fields?.alert === 'host-fault');
    expect(alert).toMatchObject({ level: 'error', fields: { kind: 'uncaught-exception', code: 'TypeError' } });
  });

  it('exits 70 on an unhandled rejection before the host even exists', () => {
    const { app, deps, proc } = setup();
    void startKioskApp(deps);
    proc.emit('unhandledRejection', new Error('early'));
    return flush().then(() => expect(app.exitCode).toBe(70));
  });

  it('seals a new journal key with safeStorage beside the journal, and hands the store to the host', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { resolveJournalKey } = await import('../../../electron/host/journal/key.js');
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-electron-key-'));
    const journalPath = join(dir, 'journal.sqlite');
    const options: unknown[] = [];
    const { app, deps } = setup({
      loadHostConfig: () => fakeAs<HostConfig>({ devMode: false, rendererDir: '/srv/renderer', bridge: { maxConnections: 1, maxCallsInFlight: 32 }, journal: { path: journalPath } }),
      createHost: async (_config, given) => {
        options.push(given);
        // What createHost does with the store (journal/key.ts): a new journal gets a new, sealed key.
        resolveJournalKey({ path: journalPath, store: given.keyStore });
        return fakeAs<Awaited<ReturnType<KioskAppDeps['createHost']>>>({ bridge: { connect: () => () => {} }, stop: async () => {}, recordFault: () => {} });
      },
    });
    const started = startKioskApp(deps);
    app.becomeReady();
    await started;
    expect(options).toEqual([expect.objectContaining({ runMode: 'electron', keyStore: expect.objectContaining({ description: expect.stringContaining('OS keyring') }) })]);
    expect(readFileSync(`${journalPath}.key.sealed`, 'utf8')).toMatch(/^sealed:[0-9a-f]{64}$/);
  });
});

describe('kiosk app shutdown', () => {
  it('holds the quit until the host has stopped', async () => {
    const { app, host, deps, stopHost } = setup();
    const started = startKioskApp(deps);
    app.becomeReady();
    await started;

    app.emit('window-all-closed');
    expect(host.stop).toHaveBeenCalledTimes(1);
    expect(app.quitted).toBe(false);
    app.quit(); // a second request while stopping is held too, and does not stop twice
    expect(app.quitted).toBe(false);
    expect(host.stop).toHaveBeenCalledTimes(1);

    stopHost();
    await flush();
    expect(host.stopped).toBe(true);
    expect(app.quitted).toBe(true);
  });

  it('quits anyway when the host does not stop in time', async () => {
    const { app, log, deps } = setup({ stopTimeoutMs: 5 });
    const started = startKioskApp(deps);
    app.becomeReady();
    await started;
    app.quit();
    expect(app.quitted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.quitted).toBe(true);
    expect(log.entries.some((e) => e.message === 'host stop failed')).toBe(true);
  });
});
