import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_RESIDENTS, seedPhotos } from '../../../simulators/backoffice/seed.js';
import { SEED_CARD_IDS, seedCardProfile } from '../../../simulators/backoffice/seed-cards.js';
import { fingerprintReferencesOf, getProfile, listProfiles, PROFILE_IDS } from '../../../simulators/card-reader/profiles.js';

/**
 * The card profiles and the back-office seed are derived from one resident dataset
 * (simulators/residents/). Scenarios, e2e tests and unit tests name these residents by id and
 * check their values, so the derivation must give exactly what the three hand-written datasets
 * held before: golden/residents-before.json is their output, taken before the refactor.
 */
const golden = JSON.parse(readFileSync(new URL('./golden/residents-before.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function derived(): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      profileIds: PROFILE_IDS,
      listed: listProfiles(),
      profiles: PROFILE_IDS.map((id) => getProfile(id)),
      fingerprintRefs: PROFILE_IDS.map((id) => getProfile(id)).flatMap((p) =>
        p.chip === 'id-card' ? [fingerprintReferencesOf(p).map((r) => ({ finger: r.finger, template: Buffer.from(r.template).toString('base64') }))] : [],
      ),
      seed: SEED_RESIDENTS,
      seedCardIds: SEED_CARD_IDS,
      seedCards: SEED_CARD_IDS.map((id) => seedCardProfile(id)),
      photos: seedPhotos().map(({ shareCode, takenOn, jpeg }) => ({ shareCode, takenOn, bytes: jpeg.length })),
    }),
  ) as Record<string, unknown>;
}

describe('the resident dataset', () => {
  const now = derived();
  for (const key of Object.keys(golden)) {
    it(`derives the same ${key} as before, in the same order`, () => {
      expect(now[key]).toEqual(golden[key]);
    });
  }

  it('gives a resident on a card and on file the same number, names and birth date on both', () => {
    for (const resident of SEED_RESIDENTS) {
      const card = PROFILE_IDS.map((id) => getProfile(id)).find((p) => p.chip === 'id-card' && p.visible.cardNumber === resident.cardNumber);
      if (!card || card.chip !== 'id-card') continue;
      expect(card.visible).toMatchObject({ nameZh: resident.nameZh, nameLatin: resident.nameLatin, dateOfBirth: resident.record.person.dateOfBirth });
    }
  });

  it("gives a resident's chip the marital status on file, so the kiosk's evidence agrees with the back office", () => {
    // IP KA LOK married after his card was issued; his file is not yet changed either (he changes it at the kiosk).
    const disagreeing: string[] = [];
    for (const resident of SEED_RESIDENTS) {
      const card = PROFILE_IDS.map((id) => getProfile(id)).find((p) => p.chip === 'id-card' && p.visible.cardNumber === resident.cardNumber);
      if (!card || card.chip !== 'id-card') continue;
      if (card.protectedData.maritalStatus !== resident.record.person.maritalStatus) disagreeing.push(resident.id);
    }
    expect(disagreeing).toEqual([]);
  });
});

describe('which residents the reader can hold', () => {
  it('puts every resident with a file but no built-in card in SEED_CARD_IDS, and only those', async () => {
    const { RESIDENTS } = await import('../../../simulators/residents/index.js');
    const expected = RESIDENTS.filter((r) => r.onFile && !r.chip).map((r) => r.id);
    expect([...SEED_CARD_IDS]).toEqual(expected);
    expect(PROFILE_IDS.filter((id) => id !== 'not-an-id-card')).toEqual(expect.arrayContaining(RESIDENTS.filter((r) => r.chip).map((r) => r.id)));
  });
});
