import { describe, expect, it } from 'vitest';
import { pinMatches, SIMULATED_TECHNICIAN } from '../../../electron/host/maintenance/credentials.js';

/** The simulated technician's PIN is stored hashed in the source (hashing it at start slowed the host's start). */
describe('the simulated technician', () => {
  it('has a stored PIN hash that its own PIN matches, and another PIN does not', async () => {
    expect(await pinMatches(SIMULATED_TECHNICIAN.pin, SIMULATED_TECHNICIAN.pinScrypt)).toBe(true);
    expect(await pinMatches('1357', SIMULATED_TECHNICIAN.pinScrypt)).toBe(false);
  });
});
