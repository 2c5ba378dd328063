import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { FramePipe } from '../../../electron/shared/kiosk-api/protocol.js';
import { KIOSK_FRAME_CHANNEL } from '../../../electron/main/ipc-transport.js';
import { KIOSK_GLOBAL, type KioskPreloadApi } from '../../../electron/preload/api.js';

/**
 * The preload runs as Electron's sandbox runs it: compiled to CommonJS, evaluated in a fresh
 * context with the sandbox's wrapper arguments and a `require` that knows only 'electron'. So the
 * test also proves the preload imports nothing else.
 */
const source = readFileSync(new URL('../../../electron/preload/index.cts', import.meta.url), 'utf8');
const compiled = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;

function loadPreload() {
  const ipcRenderer = Object.assign(new EventEmitter(), {
    sent: [] as Array<{ channel: string; args: unknown[] }>,
    send(channel: string, ...args: unknown[]) {
      this.sent.push({ channel, args });
    },
  });
  const exposed = new Map<string, unknown>();
  const inMainWorld: Array<{ func: (...args: unknown[]) => unknown }> = [];
  const contextBridge = {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
    executeInMainWorld: (script: { func: (...args: unknown[]) => unknown }) => inMainWorld.push(script),
  };
  const required: string[] = [];
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${id}`);
  };
  const module = { exports: {} };
  const wrapper = runInNewContext(
    `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {${compiled}\n})`,
    { console },
  ) as (...args: unknown[]) => void;
  wrapper(sandboxRequire, {}, undefined, {}, undefined, undefined, module.exports, module);
  const api = exposed.get(KIOSK_GLOBAL) as KioskPreloadApi;
  return { api, exposed, ipcRenderer, required, inMainWorld };
}

describe('preload', () => {
  it('requires nothing but electron and exposes exactly window.kiosk', () => {
    const { exposed, required, api } = loadPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['kiosk']);
    expect(Object.keys(api).sort()).toEqual(['onClose', 'onFrame', 'send']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('uses the same channel as the main process', () => {
    const { api, ipcRenderer } = loadPreload();
    api.send('{}');
    expect(ipcRenderer.sent).toEqual([{ channel: KIOSK_FRAME_CHANNEL, args: ['{}'] }]);
  });

  it('sends strings only', () => {
    const { api, ipcRenderer } = loadPreload();
    const loose = api as unknown as { send(frame: unknown): void };
    for (const frame of [42, { type: 'call' }, null, undefined, ['x']]) {
      // The preload runs in its own realm, so the TypeError is matched by message, not class.
      expect(() => loose.send(frame)).toThrow(/takes a string frame/);
    }
    expect(ipcRenderer.sent).toEqual([]);
  });

  it('hands the page the frame string alone, never the IPC event', () => {
    const { api, ipcRenderer } = loadPreload();
    const calls: unknown[][] = [];
    api.onFrame((...args: unknown[]) => calls.push(args));
    const event = { sender: ipcRenderer, ports: [] };
    ipcRenderer.emit(KIOSK_FRAME_CHANNEL, event, '{"type":"event"}');
    ipcRenderer.emit(KIOSK_FRAME_CHANNEL, event, { not: 'a string' });
    ipcRenderer.emit('some-other-channel', event, 'ignored');
    expect(calls).toEqual([['{"type":"event"}']]);
  });

  it('unsubscribes, and a throwing listener does not stop the others', () => {
    const { api, ipcRenderer } = loadPreload();
    const seen: string[] = [];
    const consoleError = console.error;
    console.error = () => {};
    try {
      api.onFrame(() => {
        throw new Error('page bug');
      });
      const off = api.onFrame((frame) => seen.push(frame));
      ipcRenderer.emit(KIOSK_FRAME_CHANNEL, {}, 'one');
      off();
      ipcRenderer.emit(KIOSK_FRAME_CHANNEL, {}, 'two');
    } finally {
      console.error = consoleError;
    }
    expect(seen).toEqual(['one']);
    expect(ipcRenderer.listenerCount(KIOSK_FRAME_CHANNEL)).toBe(1);
  });

  it('exposes nothing that leads back to ipcRenderer', () => {
    const { api, ipcRenderer } = loadPreload();
    const returned = [api.send('x'), api.onFrame(() => {}), api.onClose(() => {})];
    for (const value of [...Object.values(api), ...returned]) expect(value).not.toBe(ipcRenderer);
    expect(returned.slice(1).every((off) => typeof off === 'function')).toBe(true);
  });

  it('is a FramePipe as is, so the renderer can hand it to createKioskApi', () => {
    const { api } = loadPreload();
    const pipe: FramePipe = api; // compile-time check; the runtime check is trivial
    expect(typeof pipe.onClose).toBe('function');
  });

  it('blocks window.print in the page’s world, for good', () => {
    const { inMainWorld } = loadPreload();
    expect(inMainWorld).toHaveLength(1);
    // Electron serialises the function into the main world: run it from its source alone, in a page-like global.
    const page = { printed: [] as string[] };
    runInNewContext(
      `globalThis.print = function () { printed.push('dialog'); };
       (${String(inMainWorld[0]!.func)})();
       print();
       try { globalThis.print = function () { printed.push('restored'); }; } catch (e) {}
       print();`,
      page,
    );
    expect(page.printed).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(page, 'print')).toMatchObject({ writable: false, configurable: false });
    expect(() => Object.defineProperty(page, 'print', { value: () => page.printed.push('again') })).toThrow(TypeError);
  });
});
