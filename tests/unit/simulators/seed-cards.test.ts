import { describe, expect, it } from 'vitest';
import { SEED_RESIDENTS } from '../../../simulators/backoffice/seed.js';
import { SEED_CARD_IDS, seedCardProfile } from '../../../simulators/backoffice/seed-cards.js';
import { getProfile, PROFILE_IDS } from '../../../simulators/card-reader/profiles.js';
import { SimulatedCardReader } from '../../../simulators/card-reader/simulated-card-reader.js';
import { ControlCommand } from '../../../simulators/control/commands.js';

describe('seed residents on the simulated reader', () => {
  it('every seed resident can be put on the reader, as a built-in profile or by place-resident, exactly once', () => {
    const builtIn = PROFILE_IDS.map((id) => getProfile(id)).flatMap((p) => (p.chip === 'id-card' ? [p.visible.cardNumber] : []));
    const bySeed = SEED_CARD_IDS.map((id) => seedCardProfile(id).visible.cardNumber);
    const placeable = [...builtIn, ...bySeed];
    expect(SEED_RESIDENTS.map((r) => r.cardNumber).filter((n) => !placeable.includes(n))).toEqual([]);
    expect(new Set(placeable).size).toBe(placeable.length);
  });

  it('place-resident puts a card whose chip carries the resident’s number, names and birth date', async () => {
    const reader = new SimulatedCardReader({ delayMs: 0 });
    await reader.open();
    for (const id of SEED_CARD_IDS) {
      reader.control.placeResident(id);
      const visible = await reader.readVisibleData();
      const resident = SEED_RESIDENTS.find((r) => r.id === id)!;
      expect(visible).toMatchObject({ cardNumber: resident.cardNumber, nameLatin: resident.nameLatin, dateOfBirth: resident.record.person.dateOfBirth });
      expect(visible.permanent).toBe(!resident.cardNumber.startsWith('5'));
    }
    expect(reader.control.state().card?.profile).toBe(SEED_CARD_IDS.at(-1));
    await reader.close();
  });

  it('the control API refuses a resident the seed does not have', () => {
    expect(ControlCommand.safeParse({ device: 'card-reader', action: 'place-resident', resident: 'interdicted' }).success).toBe(true);
    expect(ControlCommand.safeParse({ device: 'card-reader', action: 'place-resident', resident: 'nobody' }).success).toBe(false);
  });
});
