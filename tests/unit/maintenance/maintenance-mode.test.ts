import { afterEach, describe, expect, it } from 'vitest';
import { formatCardNumber } from '../../../devices/card-reader/card-number.js';
import { AuditTrail } from '../../../electron/host/maintenance/audit-trail.js';
import { hashPin, staffCardHash } from '../../../electron/host/maintenance/credentials.js';
import { MaintenanceMode } from '../../../electron/host/maintenance/maintenance-mode.js';
import { silentLogger } from '../../../electron/host/log.js';
import { SimulatedCardReader } from '../../../simulators/card-reader/simulated-card-reader.js';
import { getProfile } from '../../../simulators/card-reader/profiles.js';
import type { MaintenanceView } from '../../../electron/shared/kiosk-api/contract.js';

const TECH = { staffId: 'T-0142', cardNumberSha256: staffCardHash(formatCardNumber('1909001')), pinScrypt: hashPin('2468') };

const disposers: Array<() => unknown> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

async function setup(options: { visit?: boolean } = {}) {
  const reader = new SimulatedCardReader({ delayMs: 0 });
  await reader.open();
  let now = Date.parse('2026-11-24T03:00:00Z');
  const clock = () => new Date(now);
  const audit = new AuditTrail({ file: undefined, kioskId: 'K-1', clock, log: silentLogger });
  const published: MaintenanceView[] = [];
  const mode = new MaintenanceMode({
    reader,
    staff: [TECH],
    limits: { pinTries: 3, lockoutMs: 60_000, idleMs: 30_000 },
    clock,
    audit,
    visitInProgress: () => options.visit ?? false,
    publish: (view) => published.push(view),
    tickMs: 60_000,
  });
  disposers.push(() => mode.dispose(), () => reader.close());
  return { reader, mode, audit, published, advance: (ms: number) => (now += ms) };
}

describe('maintenance mode in the host', () => {
  it('the technician’s genuine card and PIN open it; the audit trail has who and when, and no resident data', async () => {
    const { reader, mode, audit } = await setup();
    reader.control.placeCard('technician');
    expect(await mode.begin(AbortSignal.timeout(2000))).toEqual({ phase: 'pin', triesLeft: 3 });
    expect(await mode.enterPin('2468')).toMatchObject({ phase: 'open', staffId: 'T-0142' });
    expect(mode.isOpen()).toBe(true);
    expect(mode.exit()).toEqual({ phase: 'closed' });
    expect(audit.entries().map((entry) => [entry.action, entry.staffId ?? null])).toEqual([
      ['entry-started', null],
      ['staff-card-accepted', 'T-0142'],
      ['entered', 'T-0142'],
      ['exited', 'T-0142'],
    ]);
    const trail = JSON.stringify(audit.entries());
    expect(trail).not.toMatch(/1909001|LEONG|梁志強/);
  });

  it('a resident’s card does not open it (audited, without the card’s number)', async () => {
    const { reader, mode, audit } = await setup();
    reader.control.placeCard('chan-tai-man');
    expect(await mode.begin(AbortSignal.timeout(2000))).toEqual({ phase: 'closed' });
    expect(audit.entries().at(-1)).toMatchObject({ action: 'staff-card-refused', detail: 'unknown-card' });
    expect(JSON.stringify(audit.entries())).not.toContain('1234567');
    await expect(mode.enterPin('2468')).rejects.toMatchObject({ code: 'step-not-allowed' });
  });

  it('three wrong PINs lock entry; placing the card again gives no new tries', async () => {
    const { reader, mode, audit, advance } = await setup();
    reader.control.placeCard('technician');
    await mode.begin(AbortSignal.timeout(2000));
    expect(await mode.enterPin('0000')).toEqual({ phase: 'pin', triesLeft: 2 });
    mode.exit();
    await mode.begin(AbortSignal.timeout(2000));
    expect(await mode.enterPin('1111')).toEqual({ phase: 'pin', triesLeft: 1 });
    expect(await mode.enterPin('2222')).toMatchObject({ phase: 'locked' });
    await expect(mode.begin(AbortSignal.timeout(2000))).rejects.toMatchObject({ code: 'maintenance-refused', detail: 'locked' });
    expect(audit.entries().filter((entry) => entry.action === 'locked-out')).toHaveLength(1);
    advance(60_000);
    expect(await mode.begin(AbortSignal.timeout(2000))).toEqual({ phase: 'pin', triesLeft: 3 });
    expect((await mode.enterPin('2468')).phase).toBe('open');
  });

  it('checks the PIN off the event loop, and two attempts typed at once count one after the other', async () => {
    const { reader, mode } = await setup();
    reader.control.placeCard('technician');
    await mode.begin(AbortSignal.timeout(2000));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const [first, second] = await Promise.all([mode.enterPin('0000'), mode.enterPin('1111')]);
    clearInterval(ticker);
    // scrypt runs on libuv's pool: timers kept firing while two checks of 16,384 rounds ran.
    expect(ticks).toBeGreaterThan(0);
    expect(first).toEqual({ phase: 'pin', triesLeft: 2 });
    expect(second).toEqual({ phase: 'pin', triesLeft: 1 });
  });

  it('an attempt whose entry ended while its PIN was checked is refused, not counted', async () => {
    const { reader, mode } = await setup();
    reader.control.placeCard('technician');
    await mode.begin(AbortSignal.timeout(2000));
    const attempt = mode.enterPin('0000');
    // The technician gives up and places the card again while the wrong PIN is being checked.
    mode.exit();
    expect(await mode.begin(AbortSignal.timeout(2000))).toEqual({ phase: 'pin', triesLeft: 3 });
    await expect(attempt).rejects.toMatchObject({ code: 'step-not-allowed' });
    // The new entry keeps all its tries: the stale attempt was not counted against it.
    expect(mode.view()).toEqual({ phase: 'pin', triesLeft: 3 });
  });

  it('never during a resident’s visit (money may be in flight): refused and audited', async () => {
    const { reader, mode, audit } = await setup({ visit: true });
    reader.control.placeCard('technician');
    await expect(mode.begin(AbortSignal.timeout(2000))).rejects.toMatchObject({ code: 'maintenance-refused', detail: 'visit-in-progress' });
    expect(audit.entries().at(-1)).toMatchObject({ action: 'entry-refused', detail: 'visit-in-progress' });
  });

  it('a cloned staff card is refused', async () => {
    const copied = getProfile('copied');
    const cardNumber = copied.chip === 'id-card' ? copied.visible.cardNumber : '';
    const cloned = await setup();
    // The copied profile's number registered as staff: its chip fails active authentication.
    const withClone = new MaintenanceMode({
      reader: cloned.reader,
      staff: [{ ...TECH, cardNumberSha256: staffCardHash(cardNumber) }],
      limits: { pinTries: 3, lockoutMs: 60_000, idleMs: 30_000 },
      clock: () => new Date(),
      audit: cloned.audit,
      visitInProgress: () => false,
      publish: () => undefined,
    });
    disposers.push(() => withClone.dispose());
    cloned.reader.control.placeCard('copied');
    expect(await withClone.begin(AbortSignal.timeout(2000))).toEqual({ phase: 'closed' });
    expect(cloned.audit.entries().at(-1)).toMatchObject({ action: 'staff-card-refused', detail: 'not-genuine' });
  });

  it('left idle, the open mode ends by itself and says so', async () => {
    const { reader, mode, published, advance } = await setup();
    reader.control.placeCard('technician');
    await mode.begin(AbortSignal.timeout(2000));
    await mode.enterPin('2468');
    advance(29_000);
    mode.touch();
    advance(29_000);
    expect(mode.isOpen()).toBe(true);
    advance(1_000);
    expect(mode.isOpen()).toBe(false);
    expect(published.at(-1)).toEqual({ phase: 'closed' });
  });
});
