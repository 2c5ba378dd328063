import type { FramePipe } from '../../shared/kiosk-api/protocol.js';
import type { BridgeLog, BridgeServer } from './server.js';

/** A pipe its transport can close (the WebSocket's, say): how a held connection is turned away. */
export type ClosablePipe = FramePipe & { close?(): void };

/** What a transport needs of the bridge (a BridgeServer is one): whether one more connection is served, and serving it. */
export interface BridgeConnector {
  accepting(): boolean;
  connect(pipe: ClosablePipe): () => void;
}

export interface BridgeWhenReady {
  /** For the transports: holds connections until `ready`, then hands every one to the bridge. */
  readonly connector: BridgeConnector;
  /** The host has started (journal recovered, availability known): its bridge serves from now on. */
  ready(bridge: BridgeServer): void;
  /** Closes the held connections (the host did not start, or the server stops). */
  close(): void;
}

/** Frames one held connection may send before the host is ready; the renderer sends one (`kiosk.info`). */
export const MAX_HELD_FRAMES = 32;

/**
 * The page's connection while the host starts (issue 20, cold start): the HTTP server and its
 * WebSocket accept the page before `createHost` has finished, so the page loads, renders and
 * connects while the host starts. Nothing reaches the host before it is ready: a held connection's
 * frames wait here, unread, and go to the bridge in their order once `ready` is called; the answer
 * to the page's first call (`kiosk.info`) therefore comes from a started host. At most
 * `maxConnections` are held (the bridge's own limit), each with at most `MAX_HELD_FRAMES` frames
 * (over it the connection is closed; the page reconnects).
 */
export function bridgeWhenReady(options: { maxConnections: number; log: BridgeLog }): BridgeWhenReady {
  let bridge: BridgeServer | undefined;
  let closed = false;
  const held = new Set<Held>();

  function hold(pipe: ClosablePipe): () => void {
    const entry: Held = { pipe, frames: [], listeners: new Set(), offFrame: () => {}, offClose: () => {} };
    const release = (): void => {
      entry.offFrame();
      entry.offClose();
      held.delete(entry);
    };
    entry.offFrame = pipe.onFrame((frame) => {
      if (entry.listeners.size > 0) {
        for (const listener of [...entry.listeners]) listener(frame);
        return;
      }
      entry.frames.push(frame);
      if (entry.frames.length > MAX_HELD_FRAMES) {
        options.log.warn('bridge: a connection sent too much before the host was ready; closed', { frames: entry.frames.length });
        release();
        pipe.close?.();
      }
    });
    entry.offClose = pipe.onClose(release);
    held.add(entry);
    return release;
  }

  function handOver(entry: Held, to: BridgeServer): void {
    // The bridge reads the held pipe through this one: the frames that waited first, then the live ones.
    const relay: FramePipe = {
      send: (frame) => entry.pipe.send(frame),
      onFrame: (listener) => {
        entry.listeners.add(listener);
        return () => entry.listeners.delete(listener);
      },
      onClose: (listener) => entry.pipe.onClose(listener),
    };
    try {
      to.connect(relay);
    } catch (error) {
      options.log.warn('bridge: a held connection was refused', { error: String(error) });
      entry.offFrame();
      entry.offClose();
      entry.pipe.close?.();
      return;
    }
    entry.offClose();
    for (const frame of entry.frames.splice(0)) for (const listener of [...entry.listeners]) listener(frame);
  }

  return {
    connector: {
      accepting: () => !closed && (bridge ? bridge.accepting() : held.size < options.maxConnections),
      connect: (pipe: ClosablePipe) => {
        if (closed) throw new Error('the kiosk host is stopping');
        if (bridge) return bridge.connect(pipe);
        if (held.size >= options.maxConnections) throw new Error(`the kiosk host holds at most ${options.maxConnections} connection(s) while it starts`);
        return hold(pipe);
      },
    },
    ready(started) {
      if (closed || bridge) return;
      bridge = started;
      for (const entry of [...held]) {
        held.delete(entry);
        handOver(entry, started);
      }
    },
    close() {
      closed = true;
      for (const entry of [...held]) {
        held.delete(entry);
        entry.offFrame();
        entry.offClose();
        entry.pipe.close?.();
      }
    },
  };
}

interface Held {
  pipe: ClosablePipe;
  frames: string[];
  listeners: Set<(frame: string) => void>;
  offFrame: () => void;
  offClose: () => void;
}
