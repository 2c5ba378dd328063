/**
 * What the kiosk reads from a card's ATR (ISO/IEC 7816-3 §8.2, 7816-4 §8.1.1): whether the card
 * takes extended Lc/Le fields. It says so in its historical bytes, in the "card capabilities"
 * compact-TLV object (tag 7), third software-function byte, bit b7 (0x40). A contactless card's
 * ATR is built by the reader from its ATS the same way (PC/SC part 3 §3.1.3.2.3), so the rule holds
 * for both. Anything unreadable answers false: short APDUs always work.
 */
export function atrHistoricalBytes(atr: Uint8Array): Uint8Array | null {
  if (atr.length < 2) return null;
  const t0 = atr[1]!;
  const count = t0 & 0x0f;
  let index = 2;
  let indicator = t0 >> 4; // which of TA, TB, TC, TD follow
  for (;;) {
    const td = indicator & 0x8 ? index + (indicator & 0x1 ? 1 : 0) + (indicator & 0x2 ? 1 : 0) + (indicator & 0x4 ? 1 : 0) : -1;
    index += ((indicator & 0x1) !== 0 ? 1 : 0) + ((indicator & 0x2) !== 0 ? 1 : 0) + ((indicator & 0x4) !== 0 ? 1 : 0);
    if (td < 0) break;
    if (td >= atr.length) return null;
    indicator = atr[td]! >> 4;
    index = td + 1;
  }
  if (index + count > atr.length) return null;
  return atr.subarray(index, index + count);
}

/** Extended Lc/Le announced by the card's historical bytes (category 0x80, compact-TLV). */
export function atrSupportsExtendedLength(atr: Uint8Array | null): boolean {
  const historical = atr ? atrHistoricalBytes(atr) : null;
  if (!historical || historical[0] !== 0x80) return false;
  for (let i = 1; i < historical.length; ) {
    const tag = historical[i]! >> 4;
    const length = historical[i]! & 0x0f;
    const value = historical.subarray(i + 1, i + 1 + length);
    if (value.length !== length) return false;
    if (tag === 0x7 && length >= 3) return (value[2]! & 0x40) !== 0;
    i += 1 + length;
  }
  return false;
}
