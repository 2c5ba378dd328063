import { cardProfileFromSeed } from '../card-reader/json-profile.js';
import type { IdCardProfile } from '../card-reader/profiles.js';
import { residentById } from '../residents/index.js';
import { SEED_RESIDENTS } from './seed.js';

/**
 * The seed residents that have no built-in card profile, so a tester can put any resident the back
 * office knows on the simulated reader (`place-resident`) and walk that branch of the rules. Their
 * cards (sex, issue dates) are in the dataset (simulators/residents/), chosen to land each card where
 * its branch needs it (e.g. inside the renewal window on the kiosk's dates in late 2026).
 */
export const SEED_CARD_IDS = ['young-adult', 'minor-guardian-no-id', 'interdicted', 'refused-at-submission'] as const;
export type SeedCardId = (typeof SEED_CARD_IDS)[number];

export function seedCardProfile(id: SeedCardId): IdCardProfile {
  const resident = residentById(id);
  const seed = SEED_RESIDENTS.find((r) => r.id === id);
  if (!seed) throw new RangeError(`no seed resident ${id}`); // SEED_CARD_IDS and the dataset disagree: a bug
  return cardProfileFromSeed(seed, { sex: resident.sex, ...resident.card });
}
