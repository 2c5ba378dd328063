import { describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { MAX_FRAME_BYTES } from '../../../electron/shared/kiosk-api/protocol.js';
import { BridgeFullError, createBridgeServer } from '../../../electron/host/bridge/server.js';
import { silentLogger } from '../../../electron/host/log.js';
import { fakeHandlers } from '../../helpers/fake-handlers.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

function setup() {
  const seen = { aborted: 0 };
  const server = createBridgeServer({ handlers: fakeHandlers(seen), log: silentLogger });
  const pipes = createPipePair();
  server.connect(pipes.server);
  const api = createKioskApi(pipes.client);
  const raw: unknown[] = [];
  pipes.client.onFrame((frame) => raw.push(JSON.parse(frame)));
  return { server, pipes, api, raw, seen };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('KioskApi bridge (protocol engines over an in-memory pipe)', () => {
  it('serves a typed call and validates its result', async () => {
    const { api } = setup();
    const info = await api.kiosk.info({});
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ kioskId: 'T', defaultLanguage: 'zh-Hant' }) });
  });

  it.each([
    ['not JSON', '{"type":"call",', 'malformed-frame'],
    ['not a frame', '{"hello":"world"}', 'malformed-frame'],
    ['a negative call id', '{"type":"call","id":-1,"method":"kiosk.info","params":{}}', 'malformed-frame'],
    ['oversized', JSON.stringify({ type: 'call', id: 9, method: 'kiosk.info', params: { pad: 'x'.repeat(MAX_FRAME_BYTES) } }), 'frame-too-large'],
  ])('rejects a frame that is %s with a typed error, and the connection survives', async (_label, frame, code) => {
    const { pipes, api, raw } = setup();
    pipes.client.send(frame);
    await tick();
    expect(raw).toContainEqual({ type: 'rejected', error: { code, message: expect.any(String) } });
    const after = await api.kiosk.info({});
    expect(after.ok).toBe(true);
  });

  it('answers an unknown method with unknown-method for that call id', async () => {
    const { pipes, raw, api } = setup();
    pipes.client.send(JSON.stringify({ type: 'call', id: 77, method: 'devices.format', params: {} }));
    await tick();
    expect(raw).toContainEqual({ type: 'result', id: 77, ok: false, error: { code: 'unknown-method', message: expect.any(String) } });
    expect((await api.kiosk.health({})).ok).toBe(true);
  });

  it('rejects params that fail the schema, including unknown keys, with invalid-params', async () => {
    const { api } = setup();
    // @ts-expect-error: deliberately wrong at compile time, to prove the host checks at run time too
    const badLanguage = await api.session.start({ language: 'fr' });
    expect(badLanguage).toEqual({ ok: false, error: { code: 'invalid-params', message: expect.stringContaining('language') } });
    // @ts-expect-error: an extra key is refused, not silently ignored
    const extraKey = await api.session.start({ language: 'en', admin: true });
    expect(extraKey.ok === false && extraKey.error.code).toBe('invalid-params');
  });

  it('turns an expected host error into data with its stable code', async () => {
    const { api } = setup();
    expect(await api.session.touch({})).toEqual({ ok: false, error: { code: 'no-session', message: 'no session is active' } });
  });

  it('carries cancellation across the boundary: aborting in the renderer aborts the host handler', async () => {
    const { api, seen, pipes } = setup();
    const controller = new AbortController();
    const pending = api.identity.readCard({}, { signal: controller.signal });
    await tick();
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled', message: expect.any(String) } });
    await tick();
    expect(seen.aborted).toBe(1);
    expect(pipes.sentByClient.map((frame) => JSON.parse(frame) as { type: string }).map((f) => f.type)).toEqual(['call', 'cancel']);
  });

  it('aborts calls in flight when the connection closes, and the client reports disconnected', async () => {
    const { api, seen, pipes } = setup();
    const pending = api.identity.readCard({});
    await tick();
    pipes.close();
    expect(await pending).toEqual({ ok: false, error: { code: 'disconnected', message: expect.any(String) } });
    expect(seen.aborted).toBe(1);
  });

  it('delivers validated events and refuses to emit invalid ones', async () => {
    const { api, server } = setup();
    const received: boolean[] = [];
    api.on('card.presence', ({ present }) => received.push(present));
    server.emit('card.presence', { present: true });
    // @ts-expect-error: an invalid payload never leaves the host
    server.emit('card.presence', { present: 'yes' });
    await tick();
    expect(received).toEqual([true]);
  });

  it('drops an invalid result from the host instead of handing it to the view', async () => {
    const pipes = createPipePair();
    const api = createKioskApi(pipes.client);
    pipes.server.onFrame((frame) => {
      const call = JSON.parse(frame) as { id: number };
      pipes.server.send(JSON.stringify({ type: 'result', id: call.id, ok: true, value: { kioskId: 5 } }));
    });
    const info = await api.kiosk.info({});
    expect(info.ok === false && info.error.code).toBe('invalid-result');
  });

  it('answers a call over the in-flight limit with too-many-calls at once, and runs it once room is made', async () => {
    const seen = { aborted: 0 };
    const server = createBridgeServer({ handlers: fakeHandlers(seen), log: silentLogger, limits: { maxCallsInFlight: 3 } });
    const pipes = createPipePair();
    server.connect(pipes.server);
    const replies: Array<{ id: number; ok: boolean; error?: { code: string } }> = [];
    pipes.client.onFrame((frame) => replies.push(JSON.parse(frame)));
    const call = (id: number, method = 'identity.readCard'): void => pipes.client.send(JSON.stringify({ type: 'call', id, method, params: {} }));
    for (let id = 1; id <= 5; id++) call(id); // readCard waits until cancelled: 3 stay in flight
    await tick();
    expect(replies).toEqual([
      { type: 'result', id: 4, ok: false, error: { code: 'too-many-calls', message: expect.any(String) } },
      { type: 'result', id: 5, ok: false, error: { code: 'too-many-calls', message: expect.any(String) } },
    ]);
    pipes.client.send(JSON.stringify({ type: 'cancel', id: 1 }));
    await tick();
    call(6, 'kiosk.info');
    await tick();
    expect(replies.at(-1)).toMatchObject({ id: 6, ok: true });
    expect(seen.aborted).toBe(1);
  });

  it('serves at most maxConnections connections; a closed one makes room', () => {
    const server = createBridgeServer({ handlers: fakeHandlers({ aborted: 0 }), log: silentLogger, limits: { maxConnections: 1 } });
    const first = createPipePair();
    server.connect(first.server);
    expect(server.accepting()).toBe(false);
    expect(() => server.connect(createPipePair().server)).toThrow(BridgeFullError);
    first.close();
    expect(server.accepting()).toBe(true);
    server.connect(createPipePair().server);
    expect(server.connectionCount()).toBe(1);
  });
});
