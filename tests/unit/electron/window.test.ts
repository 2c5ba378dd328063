import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKioskWindow, type KioskWindowElectron } from '../../../electron/main/window.js';
import { fakeAs, FakeBrowserWindow, FakeEvent, navEvent, recordingLog } from './fakes.js';

const electron = fakeAs<KioskWindowElectron>({ BrowserWindow: FakeBrowserWindow });

function open(devMode = false) {
  const log = recordingLog();
  const win = fakeAs<FakeBrowserWindow>(
    createKioskWindow(electron, { preloadPath: '/opt/kiosk/preload/index.cjs', devMode, log }) as BrowserWindow,
  );
  return { win, contents: win.webContents, session: win.webContents.session, log };
}

describe('kiosk window options', () => {
  it('is a full-screen kiosk with an isolated, sandboxed, Node-free renderer', () => {
    const { win } = open();
    // Compared whole: any added option shows up here and has to be justified.
    expect(win.options).toEqual({
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: '/opt/kiosk/preload/index.cjs',
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
        devTools: false,
        spellcheck: false,
      },
    });
  });

  it('enables DevTools only with the development flag', () => {
    expect(open(true).win.options.webPreferences?.devTools).toBe(true);
    expect(open(false).win.options.webPreferences?.devTools).toBe(false);
  });

  it('shows the window only once the page is ready', () => {
    const { win } = open();
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('navigation lockdown', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s refuses every destination outside the app', (eventName) => {
    const { contents, log } = open();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'kiosk://evil/index.html', 'kiosk://app:8080/', 'javascript:alert(1)', 'data:text/html,hi']) {
      const event = navEvent(url);
      contents.emit(eventName, event);
      expect(event.defaultPrevented, url).toBe(true);
    }
    const inside = navEvent('kiosk://app/index.html#/renew');
    contents.emit(eventName, inside);
    expect(inside.defaultPrevented).toBe(false);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(6);
  });

  it('denies window.open for every URL, the app included', () => {
    const { contents } = open();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'kiosk://app/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = open();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('swallows reload and DevTools key chords outside development', () => {
    const { contents } = open();
    const chord = (key: string, mods: Partial<Record<'control' | 'shift' | 'alt' | 'meta', boolean>> = {}) => {
      const event = new FakeEvent();
      contents.emit('before-input-event', event, { key, control: false, shift: false, alt: false, meta: false, ...mods });
      return event.defaultPrevented;
    };
    expect(chord('F5')).toBe(true);
    expect(chord('r', { control: true })).toBe(true);
    expect(chord('I', { control: true, shift: true })).toBe(true);
    expect(chord('a')).toBe(false);
    expect(chord('Enter')).toBe(false);
  });
});

describe('permissions', () => {
  const camera = { requestingUrl: 'kiosk://app/index.html', isMainFrame: true, mediaTypes: ['video'] };

  it('grants the camera to the app itself', () => {
    const { session } = open();
    expect(session.request('media', camera)).toBe(true);
    expect(session.check('media', 'kiosk://app', { mediaType: 'video' })).toBe(true);
  });

  it('refuses the microphone, even together with the camera', () => {
    const { session } = open();
    expect(session.request('media', { ...camera, mediaTypes: ['audio'] })).toBe(false);
    expect(session.request('media', { ...camera, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(session.request('media', { ...camera, mediaTypes: [] })).toBe(false);
    expect(session.check('media', 'kiosk://app', { mediaType: 'audio' })).toBe(false);
    expect(session.check('media', 'kiosk://app', { mediaType: 'unknown' })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'midiSysex', 'openExternal', 'fileSystem'])(
    'refuses %s to the app itself',
    (permission) => {
      const { session } = open();
      expect(session.request(permission, { requestingUrl: 'kiosk://app/index.html', isMainFrame: true })).toBe(false);
      expect(session.check(permission, 'kiosk://app')).toBe(false);
    },
  );

  it('refuses the camera to any other origin and to subframes', () => {
    const { session } = open();
    for (const requestingUrl of ['https://example.com/', 'file:///index.html', 'kiosk://evil/index.html', 'http://127.0.0.1:8080/']) {
      expect(session.request('media', { ...camera, requestingUrl }), requestingUrl).toBe(false);
    }
    expect(session.request('media', { ...camera, isMainFrame: false })).toBe(false);
    for (const origin of ['https://example.com', 'kiosk://app/', 'kiosk://evil', 'null']) {
      expect(session.check('media', origin, { mediaType: 'video' }), origin).toBe(false);
    }
  });

  it('refuses WebHID/WebUSB/Web Serial device access and downloads', () => {
    const { session } = open();
    expect(session.deviceHandler?.({ deviceType: 'hid', origin: 'kiosk://app' })).toBe(false);
    const download = new FakeEvent();
    session.emit('will-download', download, {}, {});
    expect(download.defaultPrevented).toBe(true);
    let chosen: unknown = 'untouched';
    const select = new FakeEvent();
    session.emit('select-serial-port', select, [{ portId: 'ttyS0' }], {}, (id: string) => (chosen = id));
    expect(select.defaultPrevented).toBe(true);
    expect(chosen).toBe('');
  });
});

describe('renderer recovery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const gone = { reason: 'crashed', exitCode: 139 };

  it('reloads the page when the render process dies, and logs it', () => {
    const { contents, log } = open();
    contents.emit('did-finish-load');
    contents.emit('render-process-gone', new FakeEvent(), gone);
    expect(contents.reloads).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(contents.reloads).toBe(1);
    expect(log.entries).toContainEqual(expect.objectContaining({ message: 'renderer gone; reloading', fields: expect.objectContaining({ reason: 'crashed' }) }));
  });

  it('backs off exponentially while the renderer keeps crashing, capped at a minute', () => {
    const { contents } = open();
    const delays: number[] = [];
    for (let crash = 0; crash < 9; crash += 1) {
      const before = contents.reloads;
      contents.emit('render-process-gone', new FakeEvent(), gone);
      let waited = 0;
      while (contents.reloads === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      delays.push(waited);
      contents.emit('did-finish-load'); // loads, then crashes again at once
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('starts the back-off over after a stable period', () => {
    const { contents } = open();
    for (let crash = 0; crash < 4; crash += 1) {
      contents.emit('render-process-gone', new FakeEvent(), gone);
      vi.advanceTimersByTime(60_000);
    }
    contents.emit('did-finish-load');
    vi.advanceTimersByTime(120_000);
    const before = contents.reloads;
    contents.emit('render-process-gone', new FakeEvent(), gone);
    vi.advanceTimersByTime(1_000);
    expect(contents.reloads).toBe(before + 1);
  });

  it('does not reload a destroyed window', () => {
    const { contents } = open();
    contents.emit('render-process-gone', new FakeEvent(), gone);
    contents.destroy();
    vi.advanceTimersByTime(120_000);
    expect(contents.reloads).toBe(0);
  });
});

describe('hung renderer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('crashes a renderer that stays unresponsive for 10 s, and the recovery reloads it', () => {
    const { win, contents, log } = open();
    contents.emit('did-finish-load');
    win.emit('unresponsive');
    vi.advanceTimersByTime(9_999);
    expect(contents.forcedCrashes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(contents.forcedCrashes).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(contents.reloads).toBe(1);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', message: 'renderer hung; crashing it so it reloads' }));
  });

  it('leaves a renderer that becomes responsive again in time alone', () => {
    const { win, contents } = open();
    win.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    win.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(contents.forcedCrashes).toBe(0);
    expect(contents.reloads).toBe(0);
  });

  it('does not crash a window destroyed meanwhile', () => {
    const { win, contents } = open();
    win.emit('unresponsive');
    contents.destroy();
    vi.advanceTimersByTime(60_000);
    expect(contents.forcedCrashes).toBe(0);
  });
});
