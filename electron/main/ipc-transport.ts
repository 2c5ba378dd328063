import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import type { FramePipe } from '../shared/kiosk-api/protocol.js';
import { isAppOrigin, isAppUrl } from './app-origin.js';
import type { MainLog } from './log.js';

/**
 * The Electron IPC transport of KioskApi: JSON text frames on one channel, both ways. One
 * connection per renderer document: a reload or a crashed renderer closes the connection (so the
 * host aborts that document's calls in flight) and the next document gets a fresh one.
 *
 * Every incoming message is checked before it reaches the host (VS Code's validation of IPC
 * senders): the kiosk window's own webContents, its main frame, the app origin, a string.
 */
export const KIOSK_FRAME_CHANNEL = 'kiosk:frame';

export type TransportContents = Pick<WebContents, 'id' | 'on' | 'once' | 'send' | 'isDestroyed' | 'mainFrame'>;

export interface IpcTransportOptions {
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
  contents: TransportContents;
  /** The host's `bridge.connect`: serves one pipe until it closes. */
  connect: (pipe: FramePipe) => unknown;
  log: MainLog;
}

export interface IpcTransport {
  /** Closes the current connection and stops listening. */
  dispose(): void;
}

export function attachIpcTransport({ ipcMain, contents, connect, log }: IpcTransportOptions): IpcTransport {
  let current: Connection | undefined;
  let disposed = false;

  const closeCurrent = (reason: string): void => {
    if (!current) return;
    const closing = current;
    current = undefined;
    closing.close(reason);
  };

  const open = (): Connection => {
    closeCurrent('replaced');
    const connection = new Connection(contents, log);
    current = connection;
    connect(connection.pipe);
    return connection;
  };

  const onMessage = (event: IpcMainEvent, frame: unknown): void => {
    const refusal = refuse(event, contents, frame);
    if (refusal) {
      // The frame itself is never logged: it may carry a resident's data.
      log.warn('ipc: frame dropped', { reason: refusal, senderId: event.sender.id });
      return;
    }
    // Normally `did-navigate` has opened the connection already; this covers a document whose
    // first frame wins the race against that event.
    (current ?? open()).deliver(frame as string);
  };

  // A committed main-frame navigation means a new document: the old one's calls are orphans.
  // (Not `did-finish-load`: the new page's scripts run, and may call the host, before it fires.)
  const onNavigated = (): void => {
    if (!disposed) open();
  };
  const onGone = (): void => closeCurrent('render process gone');

  ipcMain.on(KIOSK_FRAME_CHANNEL, onMessage);
  contents.on('did-navigate', onNavigated);
  contents.on('render-process-gone', onGone);

  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    ipcMain.removeListener(KIOSK_FRAME_CHANNEL, onMessage);
    closeCurrent('disposed');
  };
  contents.once('destroyed', dispose);
  return { dispose };
}

/** Why a message must not reach the host, or undefined when it may. */
function refuse(event: IpcMainEvent, contents: TransportContents, frame: unknown): string | undefined {
  if (event.sender !== contents) return 'other webContents';
  const senderFrame = event.senderFrame;
  // null: the frame navigated away or was destroyed after sending; its document is gone.
  if (!senderFrame) return 'sender frame gone';
  if (senderFrame.parent !== null) return 'subframe';
  const main = contents.mainFrame;
  // Compared by id, not object identity: two WebFrameMain wrappers may stand for one frame.
  if (senderFrame.processId !== main.processId || senderFrame.routingId !== main.routingId) return 'not the main frame';
  if (!isAppOrigin(senderFrame.origin) || !isAppUrl(senderFrame.url)) return 'foreign origin';
  if (typeof frame !== 'string') return 'not a string';
  return undefined;
}

/** One renderer document's pipe. */
class Connection {
  readonly pipe: FramePipe;
  private readonly frameListeners = new Set<(frame: string) => void>();
  private readonly closeListeners = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly contents: TransportContents,
    private readonly log: MainLog,
  ) {
    this.pipe = {
      send: (frame) => this.send(frame),
      onFrame: (listener) => subscribe(this.frameListeners, listener),
      onClose: (listener) => subscribe(this.closeListeners, listener),
    };
  }

  deliver(frame: string): void {
    if (this.closed) return;
    for (const listener of [...this.frameListeners]) listener(frame);
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.log.info('ipc: connection closed', { contentsId: this.contents.id, reason });
    for (const listener of [...this.closeListeners]) listener();
    this.frameListeners.clear();
    this.closeListeners.clear();
  }

  private send(frame: string): void {
    // After close the document is gone; a late result must not land in its successor.
    if (this.closed || this.contents.isDestroyed()) return;
    this.contents.send(KIOSK_FRAME_CHANNEL, frame);
  }
}

function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
