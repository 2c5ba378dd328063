/**
 * What a public screen or a slip may show of a person or a card: enough for the resident to
 * recognise their own, not enough for someone behind them to learn anything.
 */

/** `1234567(9)` → `1234***(*)`: the first four digits; the rest and the check digit hidden. */
export function maskCardNumber(cardNumber: string): string {
  const digits = /^(\d{4})\d{3}\(\d\)$/.exec(cardNumber);
  if (!digits) throw new RangeError('not a card number');
  return `${digits[1]}***(*)`;
}

/** `陳大文` → `陳*文`, `李明` → `李*`: the surname and, for three or more characters, the last one. */
export function maskChineseName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** `CHAN TAI MAN` → `CHAN T. M.`: the surname (first word) and the initials of the other names. */
export function maskLatinName(name: string): string {
  const [surname, ...given] = name.trim().split(/\s+/).filter(Boolean);
  if (!surname) return '';
  return [surname, ...given.map((word) => `${[...word][0] ?? ''}.`)].join(' ');
}
