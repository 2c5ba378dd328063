/**
 * The preload of the kiosk window: sandboxed, so CommonJS, and allowed to require 'electron' only.
 * It moves strings on one channel and nothing else: no ipcRenderer, no event object, no Node API
 * ever reaches the page. The typed KioskApi proxy lives in the renderer, on top of this.
 */
import electron = require('electron');
import type { KioskPreloadApi } from './api.js';

// Restated, not imported: a sandboxed preload cannot require project files. A test checks that it
// equals KIOSK_FRAME_CHANNEL in electron/main/ipc-transport.ts.
const CHANNEL = 'kiosk:frame';

const { contextBridge, ipcRenderer } = electron;

const api: KioskPreloadApi = {
  send(frame: string): void {
    if (typeof frame !== 'string') throw new TypeError('kiosk.send takes a string frame');
    ipcRenderer.send(CHANNEL, frame);
  },
  onFrame(listener: (frame: string) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('kiosk.onFrame takes a function');
    // The event object (with its sender and ports) stays here; the page gets the string alone.
    const relay = (_event: unknown, frame: unknown): void => {
      if (typeof frame !== 'string') return;
      try {
        listener(frame);
      } catch (error) {
        console.error('kiosk.onFrame listener failed', error);
      }
    };
    ipcRenderer.on(CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(CHANNEL, relay);
    };
  },
  onClose(listener: () => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('kiosk.onClose takes a function');
    return () => {};
  },
};

contextBridge.exposeInMainWorld('kiosk', Object.freeze(api));

/**
 * `window.print()` opens the system print dialog over the kiosk (a way out of the flow, and a
 * printer the host does not own). Receipts go to the receipt printer through the host, so the page
 * never prints: in the page's own world, `print` is replaced by a no-op it cannot put back. The
 * function is serialised into the main world, so it may use nothing from this file.
 */
function blockPrint(): void {
  // globalThis is the page's window there.
  Object.defineProperty(globalThis, 'print', { value: function print(): void {}, writable: false, configurable: false, enumerable: true });
}
contextBridge.executeInMainWorld({ func: blockPrint });
