import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Counters } from '../../../electron/host/maintenance/counters.js';
import { countFaults } from '../../../electron/host/maintenance/counting.js';
import { silentLogger } from '../../../electron/host/log.js';
import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';

const clock = () => new Date('2026-11-24T02:00:00Z');

describe('maintenance counters', () => {
  it('survive a restart (a new instance reads the file), written 0600 with counts only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-counters-')), 'counters.json');
    const first = new Counters({ file, clock, log: silentLogger });
    first.add('cards-read');
    first.add('cards-read');
    first.add('visits:renew-permanent');
    const second = new Counters({ file, clock: () => new Date('2026-11-25T02:00:00Z'), log: silentLogger });
    expect(second.view()).toEqual({ since: '2026-11-24T02:00:00.000Z', counts: { 'cards-read': 2, 'visits:renew-permanent': 1 } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object).sort()).toEqual(['counts', 'since']);
  });

  it('a damaged file starts again from zero instead of stopping the kiosk', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-counters-')), 'counters.json');
    writeFileSync(file, '{"since": 3}');
    expect(new Counters({ file, clock, log: silentLogger }).view().counts).toEqual({});
  });

  it('a fault is counted once per fault: retries of an offline device are not new faults, paper low then out are two', () => {
    const counters = new Counters({ file: undefined, clock, log: silentLogger });
    let listener: ((entry: DeviceHealthEntry) => void) | undefined;
    countFaults({ onHealth: (l) => ((listener = l), () => undefined) }, counters);
    const emit = (device: DeviceHealthEntry['device'], state: DeviceHealthEntry['state'], detail?: string) =>
      listener?.({ device, state, model: 'Simulator', ...(detail ? { detail } : {}) });
    emit('height-gauge', 'offline', 'unplugged');
    emit('height-gauge', 'offline', 'closed');
    emit('height-gauge', 'online');
    emit('receipt-printer', 'degraded', 'paper-near-end');
    emit('receipt-printer', 'degraded', 'paper-out');
    expect(counters.view().counts).toEqual({ 'faults:height-gauge': 1, 'faults:receipt-printer': 2 });
  });
});
