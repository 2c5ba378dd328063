/** The second card and chip-data methods against the simulated reader and printer. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { KinshipRecord } from '../../../electron/host/backoffice/wire.js';
import type { CallContext } from '../../../electron/host/bridge/server.js';
import { ownDataHandlers } from '../../../electron/host/handlers/own-data.js';
import { factsFromSession } from '../../../electron/host/sessions/facts-from-session.js';
import { SessionManager } from '../../../electron/host/sessions/session-manager.js';
import { createSimulators } from '../../../simulators/index.js';
import { getProfile, SIMULATED_PIN } from '../../../simulators/card-reader/profiles.js';

const WONG_FATHER_KIN: KinshipRecord = { onFile: { parents: true, children: true, spouse: true }, relatives: [{ relation: 'child', cardNumber: '1576324(2)' }] };

async function setUp() {
  const { devices, controls } = createSimulators();
  await devices['card-reader'].open();
  await devices['receipt-printer'].open();
  const hub = { get: (kind: keyof typeof devices) => devices[kind] } as unknown as DeviceHub;
  const sessions = new SessionManager({ idle: { timeoutSeconds: 600, warningSeconds: 30 }, onEvent: () => {} });
  sessions.start('en');
  const handlers = ownDataHandlers({
    sessions,
    hub,
    options: { cardReadTimeoutSeconds: 5 },
    lookupKinship: async (cardNumber) => (cardNumber === '1588002(8)' ? WONG_FATHER_KIN : { onFile: WONG_FATHER_KIN.onFile, relatives: [] }),
    // AU LOK I's record names AU MEI I's card as her guardian's.
    lookupGuardians: async (cardNumber) => (cardNumber === '1612347(6)' ? [{ relation: 'guardian', cardNumber: '1599112(1)' }] : []),
    clock: () => new Date('2026-11-24T10:30:00+08:00'),
  });
  const identify = async (profile: Parameters<typeof controls['card-reader']['placeCard']>[0]) => {
    controls['card-reader'].placeCard(profile);
    sessions.require().setHolder(await devices['card-reader'].readVisibleData());
  };
  const call = { signal: new AbortController().signal } as CallContext;
  return { devices, controls, sessions, handlers, identify, call };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('second card', () => {
  it('waits for a card other than the applicant’s, and the host’s finding replaces what the renderer claims', async () => {
    const { controls, sessions, handlers, identify, call } = await setUp();
    cleanup = () => sessions.dispose();
    await identify('wong-father');
    const reading = handlers['contacts.readSubjectCard']({ relation: 'minor-child' }, call);
    // The father's own card is still on the reader: the host waits for another.
    await new Promise((r) => setTimeout(r, 50));
    controls['card-reader'].placeCard('wong-siu-ming');
    const { subject } = await reading;
    expect(subject).toEqual({ relation: 'minor-child', nameZh: '黃小明', nameLatin: 'WONG SIU MENG', dateOfBirth: '2015-09-30', relationOnFile: true });
    const facts = factsFromSession(sessions.require(), { contactSubject: { relation: 'minor-child', dateOfBirth: '2001-01-01', relationOnFile: false } });
    expect(facts.request?.contactSubject).toEqual({ relation: 'minor-child', dateOfBirth: '2015-09-30', relationOnFile: true, cardNumber: '1576324(2)' });
  });

  it('a ward is on file when the ward’s record names the applicant’s card as guardian', async () => {
    const { controls, sessions, handlers, identify, call } = await setUp();
    cleanup = () => sessions.dispose();
    await identify('au-guardian');
    controls['card-reader'].placeCard('au-lok-i');
    expect((await handlers['contacts.readSubjectCard']({ relation: 'ward' }, call)).subject).toMatchObject({ relation: 'ward', relationOnFile: true });
    await identify('wong-father');
    controls['card-reader'].placeCard('au-lok-i');
    expect((await handlers['contacts.readSubjectCard']({ relation: 'ward' }, call)).subject.relationOnFile).toBe(false);
  });

  it('a child not among the applicant’s relatives is not on file', async () => {
    const { controls, sessions, handlers, identify, call } = await setUp();
    cleanup = () => sessions.dispose();
    await identify('chan-tai-man');
    controls['card-reader'].placeCard('wong-siu-ming');
    const { subject } = await handlers['contacts.readSubjectCard']({ relation: 'minor-child' }, call);
    expect(subject.relationOnFile).toBe(false);
  });

  it('an expired spouse card is not a valid smart card; an authentic current one is', async () => {
    const { controls, sessions, handlers, identify, call } = await setUp();
    cleanup = () => sessions.dispose();
    await identify('ip-ka-lok');
    controls['card-reader'].placeCard('expired');
    expect((await handlers['marriage.readSpouseCard']({}, call)).spouse.validSmartCard).toBe(false);
    controls['card-reader'].placeCard('copied');
    expect((await handlers['marriage.readSpouseCard']({}, call)).spouse.validSmartCard).toBe(false);
    controls['card-reader'].placeCard('lou-sio-fong');
    expect((await handlers['marriage.readSpouseCard']({}, call)).spouse).toEqual({ nameZh: '盧少芳', nameLatin: 'LOU SIO FONG', validSmartCard: true });
    const facts = factsFromSession(sessions.require(), { marriage: { registeredOn: '2026-11-02', civilRegistryAuthorised: true, spouseHoldsValidSmartCard: false } });
    expect(facts.request?.marriage).toMatchObject({ spouseHoldsValidSmartCard: true, spouseCardNumber: '1702345(9)' });
  });
});

describe('chip-data print', () => {
  it('refuses to print before the PIN, counts wrong tries, then prints the protected data on paper only', async () => {
    const { controls, sessions, handlers, identify, call } = await setUp();
    cleanup = () => sessions.dispose();
    await identify('chan-tai-man');
    await expect(handlers['chipData.print']({}, call)).rejects.toMatchObject({ code: 'step-not-allowed' });
    expect(await handlers['chipData.verifyPin']({ pin: '000000' }, call)).toEqual({ verified: false, triesLeft: 2, blocked: false });
    expect(await handlers['chipData.verifyPin']({ pin: SIMULATED_PIN }, call)).toEqual({ verified: true });
    const result = await handlers['chipData.print']({}, call);
    expect(result).toEqual({ printed: true }); // nothing of the chip's data comes back
    const paper = controls['receipt-printer'].state();
    expect(paper.printedCount).toBe(1);
    const chan = getProfile('chan-tai-man');
    if (chan.chip !== 'id-card') throw new Error('profile');
    expect(paper.lastText).toContain(chan.protectedData.fatherName);
    expect(paper.lastText).toContain(chan.protectedData.motherName);
  });

  it('a blocked PIN answers blocked, not an error', async () => {
    const { sessions, handlers, identify, call } = await setUp();
    cleanup = () => sessions.dispose();
    await identify('pin-blocked');
    expect(await handlers['chipData.verifyPin']({ pin: SIMULATED_PIN }, call)).toEqual({ verified: false, triesLeft: 0, blocked: true });
  });

  it('another card on the reader is not the applicant’s: no PIN is tried on it', async () => {
    const { controls, sessions, handlers, identify, call } = await setUp();
    cleanup = () => sessions.dispose();
    await identify('chan-tai-man');
    controls['card-reader'].placeCard('maria-santos');
    await expect(handlers['chipData.verifyPin']({ pin: SIMULATED_PIN }, call)).rejects.toMatchObject({ code: 'card-removed' });
    expect(controls['card-reader'].state().card?.pinTriesLeft).toBe(3);
  });
});
