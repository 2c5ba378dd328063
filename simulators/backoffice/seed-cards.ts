import { cardProfileFromSeed } from '../card-reader/json-profile.js';
import type { IdCardProfile } from '../card-reader/profiles.js';
import { SEED_RESIDENTS } from './seed.js';

/**
 * The ID cards of the seed residents that have no built-in card profile, so a tester can put any
 * resident the back office knows on the simulated reader (`place-resident`) and walk that branch
 * of the rules. The back office holds no sex or issue dates; these are chosen to land each card
 * where its branch needs it (e.g. inside the renewal window on the kiosk's dates in late 2026).
 */
const CARDS = {
  'young-adult': { sex: 'F', firstIssue: '2008-03-01', currentIssue: '2019-06-01', expiry: '2027-01-10' },
  'minor-guardian-no-id': { sex: 'F', firstIssue: '2018-09-03', currentIssue: '2021-12-01', expiry: '2026-12-01' },
  interdicted: { sex: 'M', firstIssue: '1986-04-10', currentIssue: '2016-12-01', expiry: '2026-12-01' },
  'refused-at-submission': { sex: 'F', firstIssue: '1998-07-07', currentIssue: '2016-12-10', expiry: '2026-12-10' },
} as const satisfies Record<string, Parameters<typeof cardProfileFromSeed>[1]>;

export type SeedCardId = keyof typeof CARDS;
export const SEED_CARD_IDS = Object.keys(CARDS) as [SeedCardId, ...SeedCardId[]];

export function seedCardProfile(id: SeedCardId): IdCardProfile {
  const resident = SEED_RESIDENTS.find((r) => r.id === id);
  if (!resident) throw new RangeError(`no seed resident ${id}`); // CARDS and the seed disagree: a bug
  return cardProfileFromSeed(resident, CARDS[id]);
}
