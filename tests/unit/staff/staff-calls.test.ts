import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { kioskMethods } from '../../../electron/shared/kiosk-api/contract.js';
import { staffHandlers } from '../../../electron/host/handlers/staff.js';
import type { CallContext } from '../../../electron/host/bridge/server.js';
import type { LogFields } from '../../../electron/host/log.js';
import { StaffCalls } from '../../../electron/host/staff/staff-calls.js';
import { createControlHandler } from '../../../simulators/control/http.js';
import { createSimulators } from '../../../simulators/index.js';

const at = new Date('2026-11-24T02:30:00Z');

function calls() {
  const lines: { message: string; fields?: LogFields }[] = [];
  const log = { debug() {}, info() {}, error() {}, warn: (message: string, fields?: LogFields) => lines.push({ message, ...(fields ? { fields } : {}) }) };
  return { staff: new StaffCalls({ kioskId: 'HQ-07', clock: () => at, log }), lines };
}

describe('staff.call', () => {
  it('records the kiosk, the time and the screen, logs the call, counts it and answers its id', async () => {
    const { staff, lines } = calls();
    const handler = staffHandlers(staff)['staff.call'];
    const first = await handler({ screen: 'payment' }, {} as CallContext);
    const second = await handler({ screen: 'step:choose-relatives' }, {} as CallContext);
    expect(first).toEqual({ callId: 'HQ-07-S0001', calledAt: at.toISOString() });
    expect(second.callId).toBe('HQ-07-S0002');
    expect(staff.snapshot()).toEqual({
      count: 2,
      recent: [
        { callId: 'HQ-07-S0001', kioskId: 'HQ-07', calledAt: at.toISOString(), screen: 'payment' },
        { callId: 'HQ-07-S0002', kioskId: 'HQ-07', calledAt: at.toISOString(), screen: 'step:choose-relatives' },
      ],
    });
    expect(lines.map((line) => [line.message, line.fields?.['screen']])).toEqual([
      ['staff called', 'payment'],
      ['staff called', 'step:choose-relatives'],
    ]);
  });

  it('keeps the latest calls and the full count', () => {
    const staff = new StaffCalls({ kioskId: 'K', clock: () => at, log: { debug() {}, info() {}, warn() {}, error() {} }, keep: 3 });
    for (let i = 0; i < 5; i++) staff.call('menu');
    expect(staff.snapshot().count).toBe(5);
    expect(staff.snapshot().recent.map((call) => call.callId)).toEqual(['K-S0003', 'K-S0004', 'K-S0005']);
  });

  it('takes a screen code only: no free text, so no personal data can ride along', () => {
    const params = kioskMethods['staff.call'].params;
    expect(params.safeParse({ screen: 'place-card' }).success).toBe(true);
    expect(params.safeParse({ screen: 'step:kinship-relatives' }).success).toBe(true);
    expect(params.safeParse({ screen: 'CHAN TAI MAN' }).success).toBe(false);
    expect(params.safeParse({ screen: '1234567(9)' }).success).toBe(false);
    expect(params.safeParse({ screen: 'menu', name: 'x' }).success).toBe(false);
  });
});

describe('tester state', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('shows the staff calls beside the simulators in GET /control/api/state', async () => {
    const { staff } = calls();
    staff.call('greeting');
    const token = 'test-token-0123456789abcdef';
    const handle = createControlHandler(createSimulators().controls, { token, extraState: () => ({ 'staff-calls': staff.snapshot() }) });
    server = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const state = (await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/control/api/state`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
    expect(state['staff-calls']).toEqual({ count: 1, recent: [expect.objectContaining({ screen: 'greeting', kioskId: 'HQ-07' })] });
    expect(state['card-reader']).toBeDefined();
  });
});
