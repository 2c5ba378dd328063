/**
 * Masking of a relative's name and card number for the public touchscreen: enough to tell the
 * entries apart and recognise a wrong card, not enough for a passer-by to learn who they are.
 */

/** 陳大文 → 陳*文; 黃明 → 黃*; a single character stays. */
export function maskChineseName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** CHAN TAI MAN → CHAN T** M**: the family name (first word) and each other word's initial. */
export function maskLatinName(name: string): string {
  const [family = '', ...given] = name.trim().split(/\s+/);
  return [family, ...given.map((word) => `${word.slice(0, 1)}${'*'.repeat(Math.max(0, word.length - 1))}`)].join(' ').trim();
}

/** 1100001(5) → ****001(5). */
export function maskCardNumber(cardNumber: string): string {
  return `****${cardNumber.slice(4)}`;
}
