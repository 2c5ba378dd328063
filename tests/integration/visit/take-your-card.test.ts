import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi, type KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { VisitState } from '../../../electron/shared/kiosk-api/contract.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

/**
 * A card belongs to one visit. Every visit ends by asking for the card still on the reader (staff are
 * called if nobody takes it), and a card that was on the reader when a visit began is never read for
 * it: the next resident is never greeted with the previous one's name.
 */
let backoffice: BackofficeServer;
let host: KioskHost;
let api: KioskApi;
const states: VisitState[] = [];

beforeAll(async () => {
  backoffice = await startBackofficeServer({});
  const config = parseHostConfig({
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0 },
    backoffice: { url: backoffice.url, simulator: false },
    visit: { takeCardStaffSeconds: 1 },
    idle: { timeoutSeconds: 10, warningSeconds: 30 },
  });
  host = await createHost(config, { log: silentLogger, clock: () => new Date('2026-11-24T10:30:00+08:00') });
  const pair = createPipePair();
  host.bridge.connect(pair.server);
  api = createKioskApi(pair.client);
  api.on('visit.changed', (state) => states.push(state));
});

afterAll(async () => {
  await host.stop();
  await backoffice.close();
});

const reader = () => host.simulatorControls!['card-reader'];
const stateNow = async () => {
  const answer = await api.visit.state({});
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value;
};

describe('take your card', () => {
  it("asks the resident who finished to take their card, calls staff when nobody does, and the next resident never reads it", async () => {
    // Resident A reads their card and finishes, leaving it on the reader.
    await api.session.start({ language: 'en' });
    await api.visit.choose({ service: 'renew-permanent' });
    reader().placeCard('expired');
    expect(await api.identity.readCard({})).toMatchObject({ ok: true, value: { holder: { nameLatin: 'LAM MEI LENG' } } });
    await api.session.end({ reason: 'finished' });
    expect(await stateNow()).toMatchObject({ phase: 'take-card', reason: 'finished', staffCalled: false, staffAfterSeconds: 1 });
    expect(states.at(-1)).toMatchObject({ phase: 'take-card' });

    // Nobody takes it: staff are called (once), and the prompt says so.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await stateNow()).toMatchObject({ phase: 'take-card', staffCalled: true });
    expect(host.staffCalls.snapshot().recent.filter((call) => call.screen === 'take-card')).toHaveLength(1);

    // Resident B starts anyway: A's card is "before the visit" and is refused until lifted and placed again.
    await api.session.start({ language: 'en' });
    await api.visit.choose({ service: 'renew-permanent' });
    expect(await stateNow()).toMatchObject({ phase: 'steps', card: 'before-visit' });
    expect(await api.identity.readCard({})).toMatchObject({ ok: false, error: { code: 'card-not-lifted' } });
    reader().removeCard();
    expect(await stateNow()).toMatchObject({ card: 'none' });
    const reading = api.identity.readCard({});
    reader().placeCard('chan-tai-man');
    expect(await reading).toMatchObject({ ok: true, value: { holder: { nameLatin: 'CHAN TAI MAN' } } });
    expect(await stateNow()).toMatchObject({ card: 'applicant' });

    // B cancels: asked to take the card; lifting it ends the prompt (and the staff timer).
    await api.session.end({ reason: 'cancelled' });
    expect(await stateNow()).toMatchObject({ phase: 'take-card', reason: 'cancelled', staffCalled: false });
    reader().removeCard();
    expect(await stateNow()).toEqual({ phase: 'idle' });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(host.staffCalls.snapshot().recent.filter((call) => call.screen === 'take-card')).toHaveLength(1);
  });

  it('a visit ending without a card on the reader goes straight back to idle', async () => {
    await api.session.start({ language: 'en' });
    await api.session.end({ reason: 'finished' });
    expect(await stateNow()).toEqual({ phase: 'idle' });
  });

  it('the idle timeout also asks for the card', async () => {
    await api.session.start({ language: 'en' });
    await api.visit.choose({ service: 'renew-permanent' });
    const reading = api.identity.readCard({});
    reader().placeCard('expired');
    expect((await reading).ok).toBe(true);
    host.sessions.end('idle-timeout');
    expect(await stateNow()).toMatchObject({ phase: 'take-card', reason: 'idle-timeout' });
    reader().removeCard();
  });
});
