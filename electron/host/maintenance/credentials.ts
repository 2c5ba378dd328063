import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Staff credentials as the configuration keeps them: never a card number or a PIN in clear. The
 * card number's hash only avoids writing a person's ID number in a file (ID numbers are few: it is
 * not a secret); the PIN is the secret, salted and stretched with scrypt, compared in constant time.
 */

export function staffCardHash(cardNumber: string): string {
  return createHash('sha256').update(`dsi-kiosk-staff:${cardNumber}`).digest('hex');
}

const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(pin, salt, 32, SCRYPT).toString('hex')}`;
}

/**
 * Asynchronous on purpose: scrypt costs 50–100 ms on a kiosk PC, which the synchronous form spent
 * on the host's event loop, stalling every device event and KioskApi answer of the kiosk meanwhile.
 * The async form runs on libuv's thread pool.
 */
export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, Buffer.from(saltHex, 'hex'), expected.length, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface StaffMember {
  staffId: string;
  cardNumberSha256: string;
  pinScrypt: string;
}

/**
 * The simulator's technician (profile `technician`), added in test mode only. Its PIN is stored
 * already hashed (`hashPin('2468')` with a fixed salt; a unit test checks they agree): hashing it at
 * each start cost 150–400 ms of the host's start on this machine, before it listened.
 */
export const SIMULATED_TECHNICIAN = {
  staffId: 'SIM-TECH-01',
  cardNumber: '1909001',
  pin: '2468',
  pinScrypt: 'scrypt$73696d2d746563682d30312d70696e21$70fd83a24bcdc91e92d2cde539b085f35dc1cd16b64914b3a6f627ba6efc91b8',
} as const;
