/**
 * `window.kiosk`, as the preload exposes it. Pure types, no imports: the renderer imports this file
 * as a type only, and the preload (which may import nothing but 'electron') restates it.
 *
 * The shape is that of the host's FramePipe, so the renderer hands `window.kiosk` straight to
 * `createKioskApi`: the typed proxy lives in the renderer, the preload only moves strings.
 */
export interface KioskPreloadApi {
  /** Sends one JSON text frame to the host. Anything but a string throws a TypeError. */
  send(frame: string): void;
  /** Calls `listener` with every frame from the host; returns a function that unsubscribes. */
  onFrame(listener: (frame: string) => void): () => void;
  /**
   * Never fires while the page lives: the main-side connection ends only with the document
   * (reload, renderer crash, window closed), which takes this page with it. Present so the object
   * satisfies FramePipe as is.
   */
  onClose(listener: () => void): () => void;
}

/** The global the preload defines. */
export const KIOSK_GLOBAL = 'kiosk';
