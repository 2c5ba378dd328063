import { describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { bridgeWhenReady, MAX_HELD_FRAMES } from '../../../electron/host/bridge/bridge-when-ready.js';
import { createBridgeServer } from '../../../electron/host/bridge/server.js';
import { silentLogger } from '../../../electron/host/log.js';
import { fakeHandlers } from '../../helpers/fake-handlers.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

/**
 * The page's connection while the host starts (bridge/bridge-when-ready.ts): held, its calls
 * unanswered and unseen by any handler until the host's bridge is there, then served in order.
 */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function setup(maxConnections = 1) {
  const seen = { aborted: 0 };
  const bridge = createBridgeServer({ handlers: fakeHandlers(seen), log: silentLogger, limits: { maxConnections } });
  const pending = bridgeWhenReady({ maxConnections, log: silentLogger });
  return { bridge, pending };
}

describe('the bridge when the host is ready', () => {
  it('holds a connection and its calls until ready, then answers them in order', async () => {
    const { bridge, pending } = setup();
    const pipes = createPipePair();
    pending.connector.connect(pipes.server);
    const api = createKioskApi(pipes.client);
    const answers: string[] = [];
    const info = api.kiosk.info({}).then((result) => answers.push(`info ${result.ok}`));
    const health = api.kiosk.health({}).then((result) => answers.push(`health ${result.ok}`));
    await tick();
    expect(answers).toEqual([]);
    expect(bridge.connectionCount()).toBe(0);
    pending.ready(bridge);
    await Promise.all([info, health]);
    expect(answers).toEqual(['info true', 'health true']);
    expect(bridge.connectionCount()).toBe(1);
    // Served directly from now on.
    expect((await api.kiosk.info({})).ok).toBe(true);
  });

  it('holds no more connections than the bridge serves', () => {
    const { pending } = setup(1);
    pending.connector.connect(createPipePair().server);
    expect(pending.connector.accepting()).toBe(false);
    expect(() => pending.connector.connect(createPipePair().server)).toThrow(/at most 1/);
  });

  it('forgets a held connection that closes before the host is ready', async () => {
    const { bridge, pending } = setup(1);
    const pipes = createPipePair();
    pending.connector.connect(pipes.server);
    pipes.close();
    expect(pending.connector.accepting()).toBe(true);
    pending.ready(bridge);
    expect(bridge.connectionCount()).toBe(0);
  });

  it(`closes a held connection that sends more than ${MAX_HELD_FRAMES} frames before the host is ready`, async () => {
    const { pending } = setup(1);
    const pipes = createPipePair();
    let closed = 0;
    pending.connector.connect({ ...pipes.server, close: () => closed++ });
    for (let id = 1; id <= MAX_HELD_FRAMES + 1; id++) pipes.client.send(JSON.stringify({ type: 'call', id, method: 'kiosk.info', params: {} }));
    await tick();
    expect(closed).toBe(1);
    expect(pending.connector.accepting()).toBe(true);
  });

  it('closes the held connections when the host does not start', () => {
    const { pending } = setup(1);
    let closed = 0;
    pending.connector.connect({ ...createPipePair().server, close: () => closed++ });
    pending.close();
    expect(closed).toBe(1);
    expect(pending.connector.accepting()).toBe(false);
  });
});
