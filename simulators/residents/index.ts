import { CARD_ONLY_RESIDENTS } from './card-only.js';
import { KINSHIP_RESIDENTS } from './kinship.js';
import { OWN_DATA_RESIDENTS } from './own-data.js';
import type { Resident } from './resident.js';
import { BRANCH_RESIDENTS } from './service-branches.js';

export type { Resident } from './resident.js';

/**
 * Every test resident, once. The order is the back-office seed's (its sample-capture tool falls
 * back to the first other resident), so keep new residents at the end of their group.
 */
export const RESIDENTS: readonly Resident[] = [...KINSHIP_RESIDENTS, ...BRANCH_RESIDENTS, ...OWN_DATA_RESIDENTS, ...CARD_ONLY_RESIDENTS];

export function residentById(id: string): Resident {
  const resident = RESIDENTS.find((r) => r.id === id);
  if (!resident) throw new RangeError(`no test resident ${id}`); // an id list and the dataset disagree: a bug
  return resident;
}
