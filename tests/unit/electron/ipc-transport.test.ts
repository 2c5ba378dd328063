import { EventEmitter } from 'node:events';
import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import type { FramePipe } from '../../../electron/shared/kiosk-api/protocol.js';
import { createBridgeServer, type KioskHandlers } from '../../../electron/host/bridge/server.js';
import { attachIpcTransport, KIOSK_FRAME_CHANNEL, type TransportContents } from '../../../electron/main/ipc-transport.js';
import { appMainFrame, fakeAs, type FakeFrame, FakeWebContents, recordingLog } from './fakes.js';

/** A fake host: records every pipe it is given and everything that arrives on it. */
function fakeHost() {
  const pipes: Array<{ pipe: FramePipe; frames: string[]; closed: boolean }> = [];
  const connect = (pipe: FramePipe): void => {
    const record = { pipe, frames: [] as string[], closed: false };
    pipe.onFrame((frame) => record.frames.push(frame));
    pipe.onClose(() => (record.closed = true));
    pipes.push(record);
  };
  return { pipes, connect };
}

function setup() {
  const ipcMain = new EventEmitter();
  const contents = new FakeWebContents();
  const host = fakeHost();
  const log = recordingLog();
  const transport = attachIpcTransport({
    ipcMain: fakeAs<Pick<IpcMain, 'on' | 'removeListener'>>(ipcMain),
    contents: fakeAs<TransportContents>(contents),
    connect: host.connect,
    log,
  });
  /** A renderer message as ipcMain delivers it. */
  const message = (frame: unknown, from: { sender?: FakeWebContents; senderFrame?: FakeFrame | null } = {}): void => {
    const sender = from.sender ?? contents;
    const senderFrame = from.senderFrame === undefined ? sender.mainFrame : from.senderFrame;
    ipcMain.emit(KIOSK_FRAME_CHANNEL, { sender, senderFrame }, frame);
  };
  const dropped = () => log.entries.filter((e) => e.message === 'ipc: frame dropped').map((e) => e.fields?.reason);
  return { ipcMain, contents, host, log, transport, message, dropped };
}

const GOOD = '{"type":"call","id":1,"method":"kiosk.config","params":{}}';

describe('IPC transport: sender checks', () => {
  it('passes a string frame from the kiosk main frame to the host, unchanged', () => {
    const { contents, host, message, dropped } = setup();
    contents.emit('did-navigate');
    message(GOOD);
    expect(host.pipes).toHaveLength(1);
    expect(host.pipes[0]?.frames).toEqual([GOOD]);
    expect(dropped()).toEqual([]);
  });

  it('drops a frame from another webContents', () => {
    const { contents, host, message, dropped } = setup();
    contents.emit('did-navigate');
    const other = new FakeWebContents();
    message(GOOD, { sender: other });
    expect(host.pipes[0]?.frames).toEqual([]);
    expect(dropped()).toEqual(['other webContents']);
  });

  it('drops a frame from a subframe, even one of the app origin', () => {
    const { contents, host, message, dropped } = setup();
    contents.emit('did-navigate');
    message(GOOD, { senderFrame: appMainFrame({ routingId: 2, parent: contents.mainFrame }) });
    expect(host.pipes[0]?.frames).toEqual([]);
    expect(dropped()).toEqual(['subframe']);
  });

  it('drops a frame from a top-level frame that is not the main frame of the window', () => {
    const { contents, host, message, dropped } = setup();
    contents.emit('did-navigate');
    message(GOOD, { senderFrame: appMainFrame({ routingId: 99 }) });
    message(GOOD, { senderFrame: appMainFrame({ processId: 8 }) });
    expect(host.pipes[0]?.frames).toEqual([]);
    expect(dropped()).toEqual(['not the main frame', 'not the main frame']);
  });

  it('drops a frame from another origin', () => {
    const { contents, host, message, dropped } = setup();
    contents.emit('did-navigate');
    contents.mainFrame = appMainFrame({ origin: 'https://example.com', url: 'https://example.com/' });
    message(GOOD);
    contents.mainFrame = appMainFrame({ origin: 'null', url: 'file:///tmp/index.html' });
    message(GOOD);
    contents.mainFrame = appMainFrame({ origin: 'kiosk://evil', url: 'kiosk://evil/index.html' });
    message(GOOD);
    expect(host.pipes.flatMap((p) => p.frames)).toEqual([]);
    expect(dropped()).toEqual(['foreign origin', 'foreign origin', 'foreign origin']);
  });

  it('drops a message whose frame is already gone', () => {
    const { contents, host, message, dropped } = setup();
    contents.emit('did-navigate');
    message(GOOD, { senderFrame: null });
    expect(host.pipes[0]?.frames).toEqual([]);
    expect(dropped()).toEqual(['sender frame gone']);
  });

  it.each([[42], [{ type: 'call' }], [null], [undefined], [new Uint8Array([1, 2])]])('drops a non-string frame (%j)', (frame) => {
    const { contents, host, message, dropped } = setup();
    contents.emit('did-navigate');
    message(frame);
    expect(host.pipes[0]?.frames).toEqual([]);
    expect(dropped()).toEqual(['not a string']);
  });

  it('never writes the frame itself to the log', () => {
    const { contents, log, message } = setup();
    contents.emit('did-navigate');
    message('{"secret":"M123456(7)"}', { senderFrame: appMainFrame({ routingId: 5 }) });
    expect(JSON.stringify(log.entries)).not.toContain('M123456');
  });
});

describe('IPC transport: connection lifetime', () => {
  it('sends host frames to the renderer on the kiosk channel', () => {
    const { contents, host } = setup();
    contents.emit('did-navigate');
    host.pipes[0]?.pipe.send('{"type":"event"}');
    expect(contents.sent).toEqual([{ channel: KIOSK_FRAME_CHANNEL, args: ['{"type":"event"}'] }]);
  });

  it('closes the connection when the render process is gone, and sends nothing after', () => {
    const { contents, host, message } = setup();
    contents.emit('did-navigate');
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(host.pipes[0]?.closed).toBe(true);
    host.pipes[0]?.pipe.send('late result');
    expect(contents.sent).toEqual([]);
    // The next document (after the reload) gets its own connection.
    contents.emit('did-navigate');
    message(GOOD);
    expect(host.pipes).toHaveLength(2);
    expect(host.pipes[1]?.frames).toEqual([GOOD]);
    expect(host.pipes[0]?.frames).toEqual([]);
  });

  it('gives each loaded document a fresh connection and closes the previous one', () => {
    const { contents, host, message } = setup();
    contents.emit('did-navigate');
    message(GOOD);
    contents.emit('did-navigate'); // reload
    expect(host.pipes.map((p) => p.closed)).toEqual([true, false]);
    message(GOOD);
    host.pipes[0]?.pipe.send('result for the old document');
    host.pipes[1]?.pipe.send('result for the new document');
    expect(contents.sent.map((s) => s.args[0])).toEqual(['result for the new document']);
    expect(host.pipes.map((p) => p.frames.length)).toEqual([1, 1]);
  });

  it('opens a connection for a first frame that beats did-navigate', () => {
    const { host, message } = setup();
    message(GOOD);
    expect(host.pipes).toHaveLength(1);
    expect(host.pipes[0]?.frames).toEqual([GOOD]);
  });

  it('closes and stops listening when the webContents is destroyed', () => {
    const { ipcMain, contents, host } = setup();
    contents.emit('did-navigate');
    expect(ipcMain.listenerCount(KIOSK_FRAME_CHANNEL)).toBe(1);
    contents.destroy();
    expect(host.pipes[0]?.closed).toBe(true);
    expect(ipcMain.listenerCount(KIOSK_FRAME_CHANNEL)).toBe(0);
    contents.emit('did-navigate');
    expect(host.pipes).toHaveLength(1);
  });
});

describe('IPC transport with the real bridge server', () => {
  it('aborts the calls in flight of a renderer whose process died', async () => {
    const ipcMain = new EventEmitter();
    const contents = new FakeWebContents();
    const signals: AbortSignal[] = [];
    // Every method waits for its AbortSignal: the call stays in flight until the host aborts it.
    const waitForAbort = (_params: unknown, context: { signal: AbortSignal }): Promise<never> =>
      new Promise((_resolve, reject) => {
        signals.push(context.signal);
        context.signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    const handlers = fakeAs<KioskHandlers>(new Proxy({}, { get: () => waitForAbort }));
    const bridge = createBridgeServer({ handlers, log: recordingLog() });
    attachIpcTransport({
      ipcMain: fakeAs<Pick<IpcMain, 'on' | 'removeListener'>>(ipcMain),
      contents: fakeAs<TransportContents>(contents),
      connect: (pipe) => bridge.connect(pipe),
      log: recordingLog(),
    });
    contents.emit('did-navigate');
    ipcMain.emit(
      KIOSK_FRAME_CHANNEL,
      { sender: contents, senderFrame: contents.mainFrame },
      JSON.stringify({ type: 'call', id: 1, method: 'identity.readCard', params: {} }),
    );
    await Promise.resolve();
    expect(signals).toHaveLength(1);
    expect(bridge.connectionCount()).toBe(1);

    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(signals[0]?.aborted).toBe(true);
    expect(bridge.connectionCount()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The aborted call's result had nowhere to go: nothing was sent into the dead renderer.
    expect(contents.sent).toEqual([]);
  });
});
