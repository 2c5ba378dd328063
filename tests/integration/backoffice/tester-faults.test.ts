import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';

/**
 * The back-office faults testers (scenario files, the panel) set on the simulator's control
 * endpoint: slow (`latencyMs`) and refusing (connections dropped), beside `down`. Control paths
 * stay reachable whatever the fault, so the tester can lift it again.
 */
let server: BackofficeServer;
const control = (body: object) =>
  fetch(`${server.url}/v1/_control/faults`, { method: 'POST', headers: { authorization: `Bearer ${server.controlToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  server = await startBackofficeServer({ clock: () => new Date('2026-11-24T02:30:00Z') });
});
afterAll(async () => {
  await server.close();
});

describe('back-office simulator tester faults', () => {
  it('slow: every kiosk request waits latencyMs; control requests do not', async () => {
    expect((await control({ latencyMs: 400 })).status).toBe(200);
    let at = Date.now();
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
    expect(Date.now() - at).toBeGreaterThanOrEqual(380);
    at = Date.now();
    expect((await control({ latencyMs: 0 })).status).toBe(200);
    expect(Date.now() - at).toBeLessThan(380);
  });

  it('refusing: the connection is dropped unanswered until the fault is lifted', async () => {
    expect((await control({ refusing: true })).status).toBe(200);
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow();
    const faults = (await (await fetch(`${server.url}/v1/_control/faults`, { headers: { authorization: `Bearer ${server.controlToken}` } })).json()) as Record<string, unknown>;
    expect(faults).toMatchObject({ refusing: true, down: false, latencyMs: 0 });
    expect((await control({ refusing: false })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
  });

  it('refuses a latency out of range with a problem naming the field', async () => {
    const answer = await control({ latencyMs: -5 });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/latencyMs/);
  });
});
