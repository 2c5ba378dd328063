import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command, decodeResponse, encodeCommand, SW } from '../../../devices/card-reader/app/apdu.js';
import { FILE, ID_APPLICATION_AID, INS } from '../../../devices/card-reader/app/application.js';
import { loadTrustAnchors, verifyPassive } from '../../../devices/card-reader/app/authenticity.js';
import { IdCardSession } from '../../../devices/card-reader/app/client.js';
import { transceive, type Transmit } from '../../../devices/card-reader/app/exchange.js';
import { isDeviceError } from '../../../devices/errors.js';
import { SEED_RESIDENTS } from '../../../simulators/backoffice/seed.js';
import { cardProfileFromJson, cardProfileFromSeed } from '../../../simulators/card-reader/json-profile.js';
import { getProfile, type IdCardProfile, SIMULATED_PIN } from '../../../simulators/card-reader/profiles.js';
import { IdCardApplet } from '../../../simulators/card-reader/virtual-card/applet.js';
import { buildCardImage, type CardImage } from '../../../simulators/card-reader/virtual-card/card-image.js';
import { testPki } from '../../../simulators/card-reader/virtual-card/test-pki.js';

const anchors = loadTrustAnchors([testPki().issuerCaPem]);
const profile = getProfile('chan-tai-man') as IdCardProfile;
const image = buildCardImage(profile);

function appletFor(img: CardImage = image): IdCardApplet {
  const applet = new IdCardApplet(img, { tries: img.initialTries });
  applet.reset();
  return applet;
}

function sessionOn(applet: IdCardApplet, extendedLength = true, log?: Uint8Array[]): IdCardSession {
  const transmit: Transmit = async (apdu) => {
    log?.push(apdu);
    return applet.process(apdu);
  };
  return new IdCardSession(transmit, { extendedLength, trustAnchors: anchors });
}

const groupsOf = (img: CardImage): Map<number, Uint8Array> =>
  new Map([
    [1, img.files.get(FILE.DG1) ?? new Uint8Array(0)],
    [2, img.files.get(FILE.DG2) ?? new Uint8Array(0)],
    [3, img.files.get(FILE.DG3) ?? new Uint8Array(0)],
    [11, img.files.get(FILE.DG11) ?? new Uint8Array(0)],
    [15, img.files.get(FILE.DG15) ?? new Uint8Array(0)],
  ]);

describe('the ID card application, card side and kiosk side together', () => {
  it('reads every file the same with extended length and with 256-byte pieces', async () => {
    const short: Uint8Array[] = [];
    const a = sessionOn(appletFor(), true);
    const b = sessionOn(appletFor(), false, short);
    expect(await b.readVisible()).toEqual(await a.readVisible());
    expect(await b.readFace()).toEqual(await a.readFace());
    expect(await a.readVisible()).toEqual(profile.visible);
    expect(short.every((apdu) => apdu.length <= 5 + 255 + 1)).toBe(true);
  });

  it('answers 61xx with GET RESPONSE and 6Cxx with the exact Le, which transceive follows', async () => {
    const applet = appletFor();
    applet.process(encodeCommand(command(0x00, INS.SELECT, 0x04, 0x0c, ID_APPLICATION_AID)));
    const challenge = new Uint8Array(16).fill(7);
    const case3 = decodeResponse(applet.process(encodeCommand(command(0x00, INS.INTERNAL_AUTHENTICATE, 0, 0, challenge))));
    expect(case3.sw).toBe(0x6140);
    const shortLe = decodeResponse(applet.process(encodeCommand(command(0x00, INS.INTERNAL_AUTHENTICATE, 0, 0, challenge, 16))));
    expect(shortLe.sw).toBe(0x6c40);
    const transmit: Transmit = async (apdu) => applet.process(apdu);
    for (const le of [undefined, 16]) {
      const r = await transceive(transmit, command(0x00, INS.INTERNAL_AUTHENTICATE, 0, 0, challenge, le), { extendedLength: false });
      expect(r.sw).toBe(SW.OK);
      expect(r.data.length).toBe(64);
    }
  });

  it('chains a command longer than 255 bytes when extended length is off', async () => {
    const applet = appletFor();
    const sent: Uint8Array[] = [];
    const transmit: Transmit = async (apdu) => {
      sent.push(apdu);
      return applet.process(apdu);
    };
    await transceive(transmit, command(0x00, INS.SELECT, 0x04, 0x0c, ID_APPLICATION_AID), { extendedLength: false });
    const r = await transceive(transmit, command(0x00, INS.VERIFY, 0x00, 0x81, new Uint8Array(300).fill(0x31)), { extendedLength: false });
    expect(sent.slice(1).map((apdu) => apdu[0])).toEqual([0x10, 0x00]); // CLA bit 10 on the first part
    expect(r.sw).toBe(0x63c2); // the chained PIN arrived whole, and was wrong
  });

  it('PIN: 63Cx counts down, 6983 once blocked, protected data needs VERIFY, a reset forgets it', async () => {
    const applet = appletFor();
    const session = sessionOn(applet);
    await expect(session.readProtected()).rejects.toMatchObject({ code: 'user-action-needed', detail: 'pin-required' });
    expect(await session.verifyPin('12')).toEqual({ verified: false, triesLeft: 2 });
    expect(await session.verifyPin(SIMULATED_PIN)).toEqual({ verified: true });
    expect(await session.readProtected()).toEqual(profile.protectedData);
    applet.reset();
    await expect(session.readProtected()).rejects.toMatchObject({ detail: 'pin-required' });
    for (const left of [2, 1]) expect(await session.verifyPin('000000')).toEqual({ verified: false, triesLeft: left });
    expect(await session.verifyPin('000000')).toEqual({ verified: false, blocked: true, triesLeft: 0 });
    await expect(session.verifyPin(SIMULATED_PIN)).rejects.toMatchObject({ code: 'user-action-needed', detail: 'pin-blocked' });
  });

  it('authenticity: genuine; tampered fails passive; copied fails active', async () => {
    expect(await sessionOn(appletFor()).checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
    const tampered = buildCardImage(getProfile('tampered') as IdCardProfile);
    expect(await sessionOn(appletFor(tampered)).checkAuthenticity()).toEqual({ passive: 'invalid', active: 'valid' });
    const copied = buildCardImage(getProfile('copied') as IdCardProfile);
    expect(await sessionOn(appletFor(copied)).checkAuthenticity()).toEqual({ passive: 'valid', active: 'invalid' });
  });

  it('passive authentication detects any changed byte in any data group or in the SOD', () => {
    const sod = image.files.get(FILE.SOD) ?? new Uint8Array(0);
    expect(verifyPassive(sod, groupsOf(image), anchors)).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2, 3, 11, 15), fc.nat(), fc.integer({ min: 1, max: 255 }), (which, position, flip) => {
        const groups = groupsOf(image);
        const target = which === 0 ? sod : (groups.get(which) ?? new Uint8Array(0));
        const changed = target.slice();
        const at = position % changed.length;
        changed[at] = (changed[at] ?? 0) ^ flip;
        if (which === 0) expect(verifyPassive(changed, groups, anchors)).toBe(false);
        else expect(verifyPassive(sod, new Map([...groups, [which, changed]]), anchors)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a signature by a key outside the trusted CA fails passive authentication', () => {
    const sod = image.files.get(FILE.SOD) ?? new Uint8Array(0);
    expect(verifyPassive(sod, groupsOf(image), [])).toBe(false);
  });

  it('a card answering random bytes ends every read in a typed DeviceError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 30 }), fc.boolean(), async (answers, extended) => {
        let i = 0;
        const transmit: Transmit = async () => answers[i++ % answers.length] ?? new Uint8Array(0);
        const session = new IdCardSession(transmit, { extendedLength: extended, trustAnchors: anchors });
        for (const read of [() => session.readVisible(), () => session.verifyPin('123456'), () => session.checkAuthenticity(), () => session.readFingerprints()]) {
          try {
            await read();
          } catch (error) {
            expect(isDeviceError(error)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a card answering 61xx forever is cut off with a protocol error', async () => {
    const transmit: Transmit = async () => Uint8Array.of(0xaa, 0x61, 0xff);
    const session = new IdCardSession(transmit, { extendedLength: true, trustAnchors: anchors });
    await expect(session.readVisible()).rejects.toMatchObject({ code: 'protocol', detail: 'too-long' });
  });

  it('a card without the ID application is card-unreadable', async () => {
    const transmit: Transmit = async () => Uint8Array.of(0x6a, 0x82);
    await expect(new IdCardSession(transmit, { extendedLength: true, trustAnchors: anchors }).readVisible()).rejects.toMatchObject({
      code: 'card-unreadable',
      detail: 'not-an-id-card',
    });
  });
});

describe('cards from JSON profiles and back-office seed residents', () => {
  it('builds a readable, genuine card for a seed resident, and its number finds the resident', async () => {
    const resident = SEED_RESIDENTS.find((r) => r.id === 'young-adult');
    if (!resident) throw new Error('seed resident missing');
    const card = cardProfileFromSeed(resident, { sex: 'F', firstIssue: '2019-05-10', currentIssue: '2024-05-10', expiry: '2034-05-10' });
    const session = sessionOn(appletFor(buildCardImage(card)));
    expect(await session.readVisible()).toMatchObject({ cardNumber: resident.cardNumber, nameLatin: resident.nameLatin, permanent: true });
    expect(await session.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
  });

  it('refuses a JSON card whose number has a wrong check digit', () => {
    const json = { id: 'x', visible: { cardNumber: '1234567(0)', nameLatin: 'X', sex: 'M', dateOfBirth: '1990-01-01', permanent: true, firstIssue: '2010-01-01', currentIssue: '2020-01-01', expiry: null } };
    expect(() => cardProfileFromJson(json)).toThrow();
    expect(cardProfileFromJson({ ...json, visible: { ...json.visible, cardNumber: '1234567(9)' } }).pin).toBe(SIMULATED_PIN);
  });
});
