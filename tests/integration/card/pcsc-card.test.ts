import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PcscCardReader } from '../../../devices/card-reader/drivers/pcsc/pcsc-card-reader.js';
import { DeviceHub } from '../../../devices/hub/device-hub.js';
import { loadPcscLite } from '../../../devices/transport/pcsc/pcsclite-api.js';
import { getProfile, SIMULATED_PIN, type IdCardProfile } from '../../../simulators/card-reader/profiles.js';
import { encodeProbeTemplate, matchScore, MATCH_THRESHOLD } from '../../../simulators/fingerprint-scanner/template.js';
import { VirtualCardTerminal } from '../../../simulators/card-reader/virtual-card/virtual-card-terminal.js';
import { createSimulators } from '../../../simulators/index.js';
import { runCardReaderContract } from '../../contracts/card-reader.contract.js';
import { expectDeviceError } from '../../contracts/shared/helpers.js';
import { makePcscReader, pcscFixture, until } from './fixture.js';
import { PcscdHarness, VPCD_PORT } from './pcscd-harness.js';

/**
 * Every card test that needs pcscd lives in this one file and runs in sequence: pcscd is a
 * system-wide singleton, so two workers must never start or stop it at once. The card is a
 * virtual card over vpcd; the driver is the real one through the real PC/SC stack.
 */
const available = PcscdHarness.available() && (await loadPcscLite()) !== null;
const harness = available ? await PcscdHarness.start() : undefined;
const owned = harness?.owned === true;

afterAll(async () => {
  await harness?.stop();
});

describe.skipIf(!available).sequential('ID card over real PC/SC (pcscd + vpcd virtual card)', () => {
  // The contract suite needs to unplug the reader, i.e. stop pcscd: only a pcscd we started.
  if (owned && harness) runCardReaderContract('pcsc driver over pcscd + vpcd', pcscFixture(harness));

  describe('end to end', () => {
    let terminal: VirtualCardTerminal;
    let reader: PcscCardReader;
    beforeAll(async () => {
      await harness?.ensureRunning();
      terminal = new VirtualCardTerminal({ port: VPCD_PORT });
      reader = makePcscReader();
      await reader.open();
      // A card lifted by the suite before may still be listed until pcscd's next poll.
      await until(() => !reader.isCardPresent(), 5_000, 'an empty reader');
    });
    afterAll(async () => {
      await reader.close();
      await terminal.close();
    });

    async function place(id: Parameters<VirtualCardTerminal['place']>[0]): Promise<void> {
      if (terminal.cardPlaced) {
        await terminal.remove();
        await until(() => !reader.isCardPresent(), 5_000, 'removal');
      }
      await terminal.place(id);
      await until(() => reader.isCardPresent(), 5_000, 'arrival');
    }

    it('reads the visible data, the face image and matchable fingerprint references', async () => {
      await place('chan-tai-man');
      const profile = getProfile('chan-tai-man') as IdCardProfile;
      expect(await reader.readVisibleData()).toEqual(profile.visible);
      const face = await reader.readFaceImage();
      expect([...face.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      const references = await reader.readFingerprintReferences();
      expect(references.map((r) => r.finger)).toEqual(profile.fingers);
      const right = references[0];
      if (!right) throw new Error('no reference');
      expect(matchScore(encodeProbeTemplate(right.finger, 80, true), right.template)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    });

    it('PIN: right, wrong with tries left, blocked; protected data only after VERIFY', async () => {
      await place('chan-tai-man');
      await expectDeviceError(reader.readProtectedData(), 'user-action-needed', 'pin-required');
      expect(await reader.verifyPin('654321')).toEqual({ verified: false, triesLeft: 2 });
      expect(await reader.verifyPin(SIMULATED_PIN)).toEqual({ verified: true });
      expect(await reader.readProtectedData()).toEqual((getProfile('chan-tai-man') as IdCardProfile).protectedData);
      await place('maria-santos');
      for (const left of [2, 1]) expect(await reader.verifyPin('000000')).toEqual({ verified: false, triesLeft: left });
      expect(await reader.verifyPin('000000')).toEqual({ verified: false, blocked: true, triesLeft: 0 });
      await expectDeviceError(reader.verifyPin(SIMULATED_PIN), 'user-action-needed', 'pin-blocked');
      await place('pin-blocked');
      await expectDeviceError(reader.verifyPin(SIMULATED_PIN), 'user-action-needed', 'pin-blocked');
      terminal.control.resetCards();
    });

    it('authenticity: genuine, tampered (passive), copied (active); an expired card still reads', async () => {
      await place('chan-tai-man');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
      await place('tampered');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'invalid', active: 'valid' });
      await place('copied');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'valid', active: 'invalid' });
      await place('expired');
      expect((await reader.readVisibleData()).expiry).toBe('2025-01-15');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
    });

    it('a card taken away mid-read gives card-removed, and the flow can ask for it again', async () => {
      await place('lifetime');
      terminal.control.setRemoveDuringNextRead(true);
      await expectDeviceError(reader.readFaceImage(), 'card-removed');
      await until(() => !reader.isCardPresent(), 5_000, 'removal');
      const waiting = reader.waitForCard(new AbortController().signal);
      await terminal.place('lifetime');
      await waiting;
      expect((await reader.readVisibleData()).expiry).toBeNull();
    });

    it('short APDUs only: files come in 256-byte pieces and the result is the same', async () => {
      const short = makePcscReader({ extendedLength: false });
      await place('chan-tai-man');
      await reader.close(); // the card connection is exclusive
      try {
        await short.open();
        expect(short.isCardPresent()).toBe(true); // a card already on the reader at start
        expect(short.capabilities().extendedLength).toBe(false);
        expect((await short.readFaceImage()).length).toBeGreaterThan(256);
        expect(await short.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
      } finally {
        await short.close();
        await reader.open();
      }
    });

    it('a JSON-profile card reads through the same stack', async () => {
      const custom: IdCardProfile = {
        ...(getProfile('chan-tai-man') as IdCardProfile),
        id: 'json-card',
        visible: { ...(getProfile('chan-tai-man') as IdCardProfile).visible, nameLatin: 'JSON CARD' },
      };
      await place(custom);
      expect((await reader.readVisibleData()).nameLatin).toBe('JSON CARD');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
    });

    it('a card without extended length (its ATR says so) is read with short APDUs and GET RESPONSE, never an extended one', async () => {
      const commands: Uint8Array[] = [];
      const watching = makePcscReader({ onExchange: (command) => commands.push(command) });
      const shortOnly: IdCardProfile = { ...(getProfile('chan-tai-man') as IdCardProfile), id: 'short-apdu-card', extendedLength: false };
      await place(shortOnly);
      await reader.close(); // the card connection is exclusive
      try {
        await watching.open();
        expect((await watching.readFaceImage()).length).toBeGreaterThan(256);
        expect(await watching.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
        // An extended APDU has Lc or Le starting with a 00 byte after the header (case 2E/3E/4E).
        const extended = commands.filter((c) => c.length >= 7 && c[4] === 0x00);
        expect(extended).toEqual([]);
        expect(commands.filter((c) => c[1] === 0xb0).length).toBeGreaterThan(4); // READ BINARY in 256-byte pieces
      } finally {
        await watching.close();
        await reader.open();
      }
    });

    it('the self-test judges the status word: a transit card on the reader fails the card link', async () => {
      await place('not-an-id-card');
      const result = await reader.selfTest();
      expect(result.passed).toBe(false);
      expect(result.checks.find((c) => c.name === 'card-link')).toEqual({ name: 'card-link', passed: false, detail: 'not-an-id-card' });
      await place('chan-tai-man');
      expect((await reader.selfTest()).passed).toBe(true);
    });

    it('a card that freezes mid-command: the read times out, close() settles within its bound, and so does the hub', async () => {
      const frozenReader = makePcscReader({ transmitTimeoutMs: 400, closeTimeoutMs: 500 });
      await place('chan-tai-man');
      await reader.close(); // the card connection is exclusive
      const sims = createSimulators();
      const hub = new DeviceHub({ ...sims.devices, 'card-reader': frozenReader }, { initialBackoffMs: 100, maxBackoffMs: 400 });
      try {
        await hub.start();
        terminal.setFrozen(true);
        await expectDeviceError(frozenReader.readFaceImage(), 'timeout');
        // The event loop must stay free while pcscd holds the stuck transmit: a timer keeps ticking.
        let ticks = 0;
        const ticker = setInterval(() => ticks++, 20);
        const started = performance.now();
        await hub.stop();
        const stopMs = performance.now() - started;
        clearInterval(ticker);
        expect(stopMs).toBeLessThan(500 + 1_000 + 500); // close's bound, the monitor's bound, a margin
        expect(ticks).toBeGreaterThan(5);
        expect(frozenReader.status()).toEqual({ state: 'offline', detail: 'closed' });
      } finally {
        terminal.setFrozen(false);
        await terminal.remove(); // the stuck transmit ends with the card leaving the field
        await frozenReader.close();
        await reader.open();
        await until(() => !reader.isCardPresent(), 5_000, 'removal');
      }
    });

    it.skipIf(!owned)('survives pcscd restarting while the host runs: the hub sees it go and come back', async () => {
      const sims = createSimulators();
      const hub = new DeviceHub({ ...sims.devices, 'card-reader': reader }, { initialBackoffMs: 100, maxBackoffMs: 400 });
      await hub.start();
      const health = (): string | undefined => hub.health().find((h) => h.device === 'card-reader')?.state;
      await place('chan-tai-man');
      expect(health()).toBe('online');
      await harness?.kill();
      await until(() => health() === 'offline', 5_000, 'offline');
      await expectDeviceError(reader.readVisibleData(), 'not-connected');
      await harness?.ensureRunning();
      await until(() => health() === 'online', 10_000, 'online again');
      await terminal.place('chan-tai-man'); // pcscd's death closed the vpcd link: the card goes back on
      await until(() => reader.isCardPresent(), 5_000, 'arrival after restart');
      expect((await reader.readVisibleData()).nameZh).toBe('陳大文');
      await hub.stop();
      await reader.open(); // the hub closed every device on stop
    });
  });
});
