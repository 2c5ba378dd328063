/** The technician card's label in the simulator names the PINs that really open maintenance mode and the chip. */
import { describe, expect, it } from 'vitest';
import { SIMULATED_TECHNICIAN } from '../../../electron/host/maintenance/credentials.js';
import { getProfile, type IdCardProfile, listProfiles } from '../../../simulators/card-reader/profiles.js';

function technicianCard(): IdCardProfile {
  const profile = getProfile('technician');
  if (!('visible' in profile)) throw new Error('the technician profile is not an ID card');
  return profile;
}

describe('the simulated technician card', () => {
  const label = listProfiles().find((profile) => profile.id === 'technician')?.label ?? '';

  it('its label gives the maintenance PIN the host accepts and the PIN its chip holds', () => {
    expect(label).toContain(`maintenance PIN ${SIMULATED_TECHNICIAN.pin}`);
    expect(label).toContain(`chip PIN ${technicianCard().pin}`);
  });

  it('is the card the host’s test-mode staff record names', () => {
    expect(technicianCard().visible.cardNumber).toContain(SIMULATED_TECHNICIAN.cardNumber);
  });
});
