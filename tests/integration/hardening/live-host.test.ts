import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { HostExited, type StandaloneHost, startStandalone } from '../../helpers/standalone-host.js';
import { openKioskSocket, socketPipe } from '../../helpers/ws-pipe.js';

/**
 * The browser-mode host in its own process, attacked over its WebSocket with a valid token: a
 * frame of invalid UTF-8 and a frame of 1 MiB + 1 byte each end their own connection with a typed
 * error, and the host keeps serving: a visit in progress on another connection finishes. A second
 * host on the same state directory refuses to start, naming the first.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-live-'));
const configFile = join(dir, 'kiosk.json');
let host: StandaloneHost;
let token: string;

beforeAll(async () => {
  writeFileSync(
    configFile,
    JSON.stringify({
      rendererDir: 'dist/renderer',
      rulesDir: 'config',
      simulators: { delayMs: 0, paymentDefault: 'wait' },
      journal: { path: join(dir, 'state', 'journal.sqlite'), keyFile: join(dir, 'keys', 'journal.key') },
    }),
  );
  // The state directory exists before the host (the loader only makes the default one).
  mkdirSync(join(dir, 'state'), { recursive: true });
  host = await startStandalone(configFile);
  token = new URL(host.info.url!).hash.replace('#token=', '');
}, 40_000);

afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes as one text frame; resolves with what came back before the close, and the close code. */
function sendRawText(socket: WebSocket, bytes: Buffer): Promise<{ frames: unknown[]; code: number }> {
  const frames: unknown[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  return new Promise((resolve) => {
    socket.once('close', (code) => resolve({ frames, code }));
    socket.send(bytes, { binary: false });
  });
}

async function stillServes(): Promise<void> {
  const socket = await openKioskSocket(host.info.origin, { token });
  const api = createKioskApi(socketPipe(socket));
  expect(await api.kiosk.info({})).toMatchObject({ ok: true, value: { testMode: true } });
  socket.close();
}

describe('a live browser-mode host under bad frames', () => {
  it('answers a frame of invalid UTF-8 with malformed-frame, closes that connection (1007), and keeps serving', async () => {
    const socket = await openKioskSocket(host.info.origin, { token });
    const result = await sendRawText(socket, Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])); // {"\xC3("}
    expect(result.code).toBe(1007);
    expect(result.frames).toEqual([{ type: 'rejected', error: { code: 'malformed-frame', message: expect.any(String) } }]);
    expect(host.child.exitCode).toBeNull();
    await stillServes();
  });

  it('closes a connection that sends 1 MiB + 1 byte (1009) and keeps serving, while another visit goes on', async () => {
    // A resident's visit on its own connection, with a card read in flight.
    const visitSocket = await openKioskSocket(host.info.origin, { token });
    const visit = createKioskApi(socketPipe(visitSocket));
    expect((await visit.session.start({ language: 'en' })).ok).toBe(true);
    expect((await visit.visit.choose({ service: 'renew-permanent' })).ok).toBe(true);
    const reading = visit.identity.readCard({});

    const attacker = await openKioskSocket(host.info.origin, { token });
    const result = await sendRawText(attacker, Buffer.alloc(1024 * 1024 + 1, 0x20));
    expect(result.code).toBe(1009);
    expect(host.child.exitCode).toBeNull();

    // The visit finishes: the tester places the card, the read in flight completes.
    const placed = await fetch(`${host.info.origin}/control/api/command`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.info.controlToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ device: 'card-reader', action: 'place', profile: 'chan-tai-man' }),
    });
    expect(placed.status).toBe(200);
    expect(await reading).toMatchObject({ ok: true, value: { holder: { nameLatin: 'CHAN TAI MAN' } } });
    await visit.session.end({ reason: 'finished' });
    visitSocket.close();
    await stillServes();
  });

  it('survives an upgrade request whose target is not a URL path (found by fuzzing)', async () => {
    const { port } = new URL(host.info.origin);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${'a'.repeat(22)}==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(answer).not.toContain('101 Switching Protocols');
    expect(host.child.exitCode).toBeNull();
    await stillServes();
  });

  it('refuses a second host on the same state directory, naming the first', async () => {
    const second = await startStandalone(configFile).then(
      async (started) => {
        await started.stop(); // it should not have started: stop it rather than leave it running
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(HostExited);
    expect(second).toMatchObject({ code: 73, stderr: expect.stringContaining(`another kiosk host (pid ${host.child.pid} `) });
    expect((second as HostExited).stderr).toContain(join(dir, 'state'));
    await stillServes();
  });
});
