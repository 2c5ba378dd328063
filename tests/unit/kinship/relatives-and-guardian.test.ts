import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { PersonRecord } from '../../../electron/host/backoffice/wire.js';
import { BiometricsService } from '../../../electron/host/biometrics/biometrics-service.js';
import { guardianHandlers } from '../../../electron/host/handlers/guardian.js';
import { relativesHandlers } from '../../../electron/host/handlers/relatives.js';
import { maskCardNumber, maskChineseName, maskLatinName } from '../../../electron/host/kinship/mask.js';
import { factsFromSession } from '../../../electron/host/sessions/facts-from-session.js';
import { SessionManager } from '../../../electron/host/sessions/session-manager.js';
import type { Session } from '../../../electron/host/sessions/session.js';
import { CardCustody } from '../../../electron/host/visit/card-custody.js';
import { SEED_RESIDENTS } from '../../../simulators/backoffice/seed.js';
import type { ProfileId } from '../../../simulators/card-reader/profiles.js';
import { SimulatedCardReader } from '../../../simulators/card-reader/simulated-card-reader.js';
import { SimulatedFingerprintScanner } from '../../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';

const call = { signal: new AbortController().signal, connectionId: 1 };

describe('relatives and guardians read on the card reader', () => {
  let reader: SimulatedCardReader;
  let scanner: SimulatedFingerprintScanner;
  let sessions: SessionManager;
  let session: Session;
  let hub: DeviceHub;
  let custody: CardCustody;

  const identify = async (profile: ProfileId, record?: PersonRecord) => {
    reader.control.placeCard(profile);
    session.setHolder(await reader.readVisibleData(), custody.placement());
    if (record) session.setPerson(record);
  };
  const place = (profile: ProfileId) => reader.control.placeCard(profile);
  const recordOf = (id: string) => {
    const found = SEED_RESIDENTS.find((r) => r.id === id);
    if (!found) throw new Error(`no seed ${id}`);
    return found.record;
  };

  beforeEach(async () => {
    reader = new SimulatedCardReader();
    scanner = new SimulatedFingerprintScanner();
    await reader.open();
    await scanner.open();
    hub = { get: (kind: string) => (kind === 'card-reader' ? reader : scanner) } as unknown as DeviceHub;
    custody = new CardCustody({ staffAfterSeconds: 60, callStaff: () => {}, onChange: () => {}, clock: () => new Date() });
    custody.attach(reader);
    sessions = new SessionManager({ idle: { timeoutSeconds: 600, warningSeconds: 30 }, onEvent: () => {} });
    sessions.start('en');
    session = sessions.require();
  });
  afterEach(async () => {
    sessions.dispose();
    custody.dispose();
    await reader.close();
    await scanner.close();
  });

  it('masks names and numbers for the public screen', () => {
    expect(maskChineseName('陳大文')).toBe('陳*文');
    expect(maskChineseName('黃明')).toBe('黃*');
    expect(maskLatinName('CHAN TAI MAN')).toBe('CHAN T** M**');
    expect(maskCardNumber('1100001(5)')).toBe('****001(5)');
  });

  it('reads relatives one by one, refuses the own card and duplicates, removes and replaces, and feeds request.relatives', async () => {
    const relatives = relativesHandlers(sessions, hub, { cardReadTimeoutSeconds: 5 });
    await identify('chan-tai-man', recordOf('chan-tai-man'));
    // The applicant's own card is still on the reader.
    expect((await relatives['relatives.readCard']({ relation: 'parent' }, call)).outcome).toBe('own-card');
    place('chan-father');
    const added = await relatives['relatives.readCard']({ relation: 'parent' }, call);
    expect(added).toEqual({ outcome: 'added', list: { max: 8, relatives: [{ relation: 'parent', nameZh: '陳*明', nameLatin: 'CHAN C** M***', cardNumber: '****001(5)' }] } });
    expect((await relatives['relatives.readCard']({ relation: 'parent' }, call)).outcome).toBe('duplicate');
    place('chan-spouse');
    await relatives['relatives.readCard']({ relation: 'spouse' }, call);
    // The host's list, with the card numbers for the back office; the renderer's claim is ignored.
    expect(factsFromSession(session, { relatives: [{ relation: 'sibling' }] }).request?.relatives).toEqual([
      { relation: 'parent', cardNumber: '1100001(5)' },
      { relation: 'spouse', cardNumber: '1100003(1)' },
    ]);
    // Replace entry 0 with the mother; the replaced entry's own card may be read again in its place.
    place('chan-mother');
    const replaced = await relatives['relatives.readCard']({ relation: 'parent', replace: 0 }, call);
    expect(replaced.list.relatives.map((r) => r.cardNumber)).toEqual(['****002(3)', '****003(1)']);
    const removed = await relatives['relatives.remove']({ index: 0 }, call);
    expect(removed.relatives.map((r) => r.relation)).toEqual(['spouse']);
    await expect(relatives['relatives.remove']({ index: 3 }, call)).rejects.toMatchObject({ code: 'step-not-allowed' });
    session.wipe();
    expect(session.relatives).toEqual([]);
  });

  it('refuses a ninth relative', async () => {
    const relatives = relativesHandlers(sessions, hub, { cardReadTimeoutSeconds: 5 });
    await identify('chan-tai-man');
    const eight: ProfileId[] = ['chan-father', 'chan-mother', 'chan-spouse', 'chan-son', 'chan-daughter', 'chan-brother', 'chan-sister', 'chan-grandfather'];
    for (const profile of eight) {
      place(profile);
      expect((await relatives['relatives.readCard']({ relation: 'sibling' }, call)).outcome).toBe('added');
    }
    place('chan-grandmother');
    const ninth = await relatives['relatives.readCard']({ relation: 'maternal-grandparent' }, call);
    expect(ninth.outcome).toBe('full');
    expect(ninth.list.relatives).toHaveLength(8);
  });

  it("a minor's guardian: the minor's card is lifted first; a stranger, the minor's card put back, then the mother on file; her finger verifies her against her own card and the rules see her", async () => {
    const guardian = guardianHandlers(sessions, hub, custody, { cardReadTimeoutSeconds: 5 });
    const biometrics = new BiometricsService(
      { scanner: () => scanner, reader: () => reader, placement: () => custody.placement() },
      { triesPerFinger: 3, qualityFloor: 40, captureTimeoutSeconds: 2 },
    );
    await identify('ip-ka-man', recordOf('ip-ka-man'));
    // The minor's card is still on the reader: the read waits for it to be lifted, never reads it again.
    let settled = false;
    const reading = guardian['guardian.readCard']({}, call).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    place('chan-tai-man');
    expect(await reading).toEqual({ outcome: 'not-on-file' });
    place('ip-ka-man'); // put back: a new placement, read and refused
    expect(await guardian['guardian.readCard']({}, call)).toEqual({ outcome: 'own-card' });
    // Verifying as the guardian before a guardian's card was accepted is refused.
    await expect(biometrics.startVerification(session, call.signal, 'guardian')).rejects.toMatchObject({ code: 'step-not-allowed' });
    place('ip-mother');
    expect(await guardian['guardian.readCard']({}, call)).toEqual({ outcome: 'found', relation: 'mother' });
    expect(factsFromSession(session).guardian).toBeUndefined();
    // The applicant cannot be verified against someone else's card.
    await expect(biometrics.startVerification(session, call.signal, 'applicant')).rejects.toMatchObject({ code: 'wrong-card' });
    await biometrics.startVerification(session, call.signal, 'guardian');
    for (let i = 0; i < 3; i++) scanner.control.presentFinger({ quality: 85, matches: false });
    for (let i = 0; i < 3; i++) await biometrics.verifyFinger(session, 'right-thumb', call.signal, () => {});
    // Three misses: the PIN of the guardian's own card (on the reader).
    expect(await biometrics.verifyPin(session, '123456', call.signal)).toEqual({ verified: true });
    expect(factsFromSession(session).guardian).toEqual({ relation: 'mother', holdsMacauIdCard: true });
    expect(biometrics.verifiedBy(session)).toBeUndefined();
    session.wipe();
    expect(session.guardian).toBeUndefined();
  });

  it('refuses a guardian whose file says they hold no Macau ID card', async () => {
    const guardian = guardianHandlers(sessions, hub, custody, { cardReadTimeoutSeconds: 5 });
    const record = recordOf('ip-ka-man');
    await identify('ip-ka-man', { ...record, guardians: [{ relation: 'mother', holdsMacauIdCard: false, cardNumber: '1703456(6)' }] });
    place('ip-mother');
    expect(await guardian['guardian.readCard']({}, call)).toEqual({ outcome: 'no-macau-id' });
  });

  it('an applicant verified earlier in the visit is not asked again (a referral to another service)', async () => {
    const biometrics = new BiometricsService({ scanner: () => scanner, reader: () => reader }, { triesPerFinger: 3, qualityFloor: 40, captureTimeoutSeconds: 2 });
    await identify('chan-tai-man');
    await biometrics.startVerification(session, call.signal);
    scanner.control.presentFinger({ quality: 85, matches: true });
    await biometrics.verifyFinger(session, 'right-thumb', call.signal, () => {});
    reader.control.removeCard();
    expect(await biometrics.startVerification(session, call.signal)).toMatchObject({ alreadyVerified: true });
  });
});
