/**
 * The kiosk's fictional ID card number: seven digits and a check digit in brackets, `1234567(9)`.
 * Shared by the simulators, the host's rules and the renderer's keypad (plain TypeScript, no I/O). The real bureau's check algorithm is not used; this one is a weighted mod-11 check:
 *
 *   sum = d1·8 + d2·7 + d3·6 + d4·5 + d5·4 + d6·3 + d7·2
 *   check = (11 − sum mod 11) mod 11
 *
 * A check of 10 cannot be written as one digit, so those serials are never issued (as with some
 * mod-11 schemes). Because the weights are distinct and non-zero mod 11, every single wrong digit
 * and every swap of two adjacent different digits is detected.
 */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2] as const;
const SERIAL = /^\d{7}$/;
const CARD_NUMBER = /^(\d{7})\((\d)\)$/;

/** The check digit of a 7-digit serial, or null if the serial is malformed or never issued. */
export function checkDigit(serial: string): number | null {
  if (!SERIAL.test(serial)) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(serial[i]) * (WEIGHTS[i] ?? 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : check;
}

/** `1234567` → `1234567(9)`. Throws for a serial that cannot be issued: a bug in test data. */
export function formatCardNumber(serial: string): string {
  const check = checkDigit(serial);
  if (check === null) throw new RangeError(`serial ${JSON.stringify(serial)} cannot be issued`);
  return `${serial}(${check})`;
}

/** True for `dddddd d(c)` with the right check digit. */
export function isValidCardNumber(cardNumber: string): boolean {
  const match = CARD_NUMBER.exec(cardNumber);
  if (!match) return false;
  const [, serial, check] = match;
  return serial !== undefined && checkDigit(serial) === Number(check);
}
