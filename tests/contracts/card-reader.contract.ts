import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardReader } from '../../devices/card-reader/contract.js';
import { isValidCardNumber } from '../../simulators/card-reader/card-number.js';
import { getProfile, type ProfileId, SIMULATED_PIN } from '../../simulators/card-reader/profiles.js';
import { type BaseDriver, type BaseFixture, runBaseDeviceContract } from './shared/base-device.contract.js';
import { expectDeviceError, type MaybeAsync, record, sleep } from './shared/helpers.js';

/** How the suite puts cards on the reader: a simulator's control, or a virtual card over vpcd. */
export interface CardReaderDriver extends BaseDriver {
  placeCard(profile: ProfileId): MaybeAsync;
  removeCard(): MaybeAsync;
  /** The next read starts, then the card leaves the field. */
  removeDuringNextRead(): MaybeAsync;
}

export type CardReaderFixture = BaseFixture<CardReader> & { driver: CardReaderDriver };

const WRONG_PIN = '000000';

export function runCardReaderContract(name: string, makeFixture: () => Promise<CardReaderFixture>): void {
  describe(`card reader contract: ${name}`, () => {
    runBaseDeviceContract('card-reader', makeFixture);

    let fixture: CardReaderFixture;
    let reader: CardReader;
    beforeEach(async () => {
      fixture = await makeFixture();
      reader = fixture.device;
      await reader.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('reports contactless capabilities', () => {
      expect(reader.capabilities().contactless).toBe(true);
      expect(typeof reader.capabilities().extendedLength).toBe('boolean');
    });

    it('announces cards and waits for them', async () => {
      const inserted = record(reader, 'card-inserted');
      const removed = record(reader, 'card-removed');
      expect(reader.isCardPresent()).toBe(false);
      const waiting = reader.waitForCard(new AbortController().signal);
      await fixture.driver.placeCard('chan-tai-man');
      await waiting;
      expect(reader.isCardPresent()).toBe(true);
      await reader.waitForCard(new AbortController().signal); // at once when a card is there
      const leaving = reader.waitForRemoval(new AbortController().signal);
      await fixture.driver.removeCard();
      await leaving;
      expect(inserted.payloads).toHaveLength(1);
      expect(removed.payloads).toHaveLength(1);
      expect(typeof inserted.payloads[0]?.at).toBe('number');
    });

    it('waitForCard rejects cancelled on abort and not-connected when unplugged', async () => {
      const controller = new AbortController();
      const waiting = reader.waitForCard(controller.signal);
      controller.abort();
      await expectDeviceError(waiting, 'cancelled');
      const again = reader.waitForCard(new AbortController().signal);
      await fixture.driver.disconnect();
      await expectDeviceError(again, 'not-connected');
    });

    it('reads the visible data of an adult permanent resident', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      const data = await reader.readVisibleData();
      expect(data).toMatchObject({ nameZh: '陳大文', nameLatin: 'CHAN TAI MAN', permanent: true, sex: 'M' });
      expect(data.cardNumber).toMatch(/^1234567\(\d\)$/);
      expect(isValidCardNumber(data.cardNumber)).toBe(true);
    });

    it('reads non-permanent, minor, expired and lifetime cards as they are', async () => {
      await fixture.driver.placeCard('maria-santos');
      expect((await reader.readVisibleData()).permanent).toBe(false);
      await fixture.driver.placeCard('wong-siu-ming');
      expect((await reader.readVisibleData()).dateOfBirth >= '2010-01-01').toBe(true);
      await fixture.driver.placeCard('expired');
      const expired = await reader.readVisibleData();
      expect(expired.expiry !== null && expired.expiry < '2026-01-01').toBe(true);
      await fixture.driver.placeCard('lifetime');
      expect((await reader.readVisibleData()).expiry).toBeNull();
    });

    it('reads the face image as JPEG bytes', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      const face = await reader.readFaceImage();
      expect([...face.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect([...face.subarray(-2)]).toEqual([0xff, 0xd9]);
    });

    it('reads fingerprint references', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      const references = await reader.readFingerprintReferences();
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(reference.template.length).toBeGreaterThan(0);
    });

    it('rejects card-removed without a card, and when the card leaves mid-read', async () => {
      await expectDeviceError(reader.readVisibleData(), 'card-removed');
      await fixture.driver.placeCard('chan-tai-man');
      await fixture.driver.removeDuringNextRead();
      await expectDeviceError(reader.readVisibleData(), 'card-removed');
      expect(reader.isCardPresent()).toBe(false);
    });

    it('rejects card-removed when the card is lifted during a slow read', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      await fixture.driver.setLatencyMs(100);
      const reading = reader.readFaceImage();
      await sleep(10);
      await fixture.driver.removeCard();
      await expectDeviceError(reading, 'card-removed');
    });

    it('rejects card-unreadable for a card that is not an ID card', async () => {
      await fixture.driver.placeCard('not-an-id-card');
      await expectDeviceError(reader.readVisibleData(), 'card-unreadable');
    });

    it('reads honour abort, unplugging and busy', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      await expectDeviceError(reader.readVisibleData(AbortSignal.abort()), 'cancelled');
      // Long enough that the unplug below lands mid-read even on a loaded machine (see base-device.contract.ts).
      await fixture.driver.setLatencyMs(500);
      const controller = new AbortController();
      const first = reader.readVisibleData(controller.signal);
      await expectDeviceError(reader.readFaceImage(), 'busy');
      controller.abort();
      await expectDeviceError(first, 'cancelled');
      const second = reader.readVisibleData();
      await sleep(10);
      await fixture.driver.disconnect();
      await expectDeviceError(second, 'not-connected');
    });

    it('verifies the PIN, then reads the protected data', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      await expectDeviceError(reader.readProtectedData(), 'user-action-needed', 'pin-required');
      expect(await reader.verifyPin(SIMULATED_PIN)).toEqual({ verified: true });
      const data = await reader.readProtectedData();
      expect(data.maritalStatus).toBe('married');
    });

    it('counts wrong PINs down and blocks at the third', async () => {
      await fixture.driver.placeCard('maria-santos');
      expect(await reader.verifyPin(WRONG_PIN)).toEqual({ verified: false, triesLeft: 2 });
      expect(await reader.verifyPin(WRONG_PIN)).toEqual({ verified: false, triesLeft: 1 });
      expect(await reader.verifyPin(WRONG_PIN)).toEqual({ verified: false, blocked: true, triesLeft: 0 });
      await expectDeviceError(reader.verifyPin(SIMULATED_PIN), 'user-action-needed', 'pin-blocked');
    });

    it('a right PIN restores the tries', async () => {
      await fixture.driver.placeCard('wong-siu-ming');
      await reader.verifyPin(WRONG_PIN);
      await reader.verifyPin(SIMULATED_PIN);
      expect(await reader.verifyPin(WRONG_PIN)).toEqual({ verified: false, triesLeft: 2 });
    });

    it('rejects pin-blocked for a card whose PIN is already blocked', async () => {
      await fixture.driver.placeCard('pin-blocked');
      await expectDeviceError(reader.verifyPin(SIMULATED_PIN), 'user-action-needed', 'pin-blocked');
    });

    it('forgets the verification when the card is lifted or swapped', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      await reader.verifyPin(SIMULATED_PIN);
      await fixture.driver.removeCard();
      await fixture.driver.placeCard('chan-tai-man');
      await expectDeviceError(reader.readProtectedData(), 'user-action-needed', 'pin-required');
      await reader.verifyPin(SIMULATED_PIN);
      await fixture.driver.placeCard('lifetime');
      await expectDeviceError(reader.readProtectedData(), 'user-action-needed', 'pin-required');
    });

    it('checks authenticity: genuine, tampered (passive) and copied (active)', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
      await fixture.driver.placeCard('tampered');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'invalid', active: 'valid' });
      await fixture.driver.placeCard('copied');
      expect(await reader.checkAuthenticity()).toEqual({ passive: 'valid', active: 'invalid' });
    });

    it('never mixes two cards: each read returns the card on the reader now', async () => {
      await fixture.driver.placeCard('chan-tai-man');
      const first = await reader.readVisibleData();
      await fixture.driver.placeCard('maria-santos');
      const second = await reader.readVisibleData();
      expect(first.cardNumber).toBe(getProfileNumber('chan-tai-man'));
      expect(second.cardNumber).toBe(getProfileNumber('maria-santos'));
    });
  });
}

function getProfileNumber(id: ProfileId): string {
  const profile = getProfile(id);
  if (profile.chip !== 'id-card') throw new Error(`${id} is not an ID card`);
  return profile.visible.cardNumber;
}
