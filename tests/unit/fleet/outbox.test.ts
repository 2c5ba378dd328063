import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../fleet/outbox.js';

const telemetry = (topic: string, payload = '{}') => ({ topic, payload, retain: false, telemetry: true });
const event = (payload: string) => ({ topic: 'dsi/v1/kiosk/K/event', payload, retain: false, telemetry: false });

describe('the fleet outbox (store and forward)', () => {
  it('drops the oldest telemetry first when full, never an event', () => {
    const outbox = new Outbox({ maxTelemetry: 3 });
    outbox.add(event('e1'));
    for (let i = 1; i <= 5; i++) outbox.add(telemetry('dsi/v1/kiosk/K/counters-x', `t${i}`));
    outbox.add(event('e2'));
    expect(outbox.pending().map((entry) => entry.payload)).toEqual(['e1', 't3', 't4', 't5', 'e2']);
    expect(outbox.dropped).toBe(2);
    for (let i = 0; i < 50; i++) outbox.add(event(`more${i}`));
    expect(outbox.pending().filter((entry) => !entry.telemetry)).toHaveLength(52);
  });

  it('keeps only the latest of a retained topic (a newer health supersedes the queued one)', () => {
    const outbox = new Outbox({ maxTelemetry: 10 });
    outbox.add({ topic: 'dsi/v1/kiosk/K/health/camera', payload: 'offline', retain: true, telemetry: true });
    outbox.add(event('e1'));
    outbox.add({ topic: 'dsi/v1/kiosk/K/health/camera', payload: 'online', retain: true, telemetry: true });
    expect(outbox.pending().map((entry) => entry.payload)).toEqual(['e1', 'online']);
  });

  it('survives a restart from its file, in order, and forgets what the broker acknowledged', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fleet-outbox-')), 'fleet-outbox.json');
    const first = new Outbox({ file, maxTelemetry: 10 });
    const a = first.add(event('a'));
    first.add(telemetry('t', 'b'));
    first.add(event('c'));
    first.remove(a.id);
    first.flush();
    const second = new Outbox({ file, maxTelemetry: 10 });
    expect(second.pending().map((entry) => entry.payload)).toEqual(['b', 'c']);
    expect(second.add(event('d')).id).toBeGreaterThan(second.pending()[0]!.id);
  });
});
