/**
 * Big5 for Traditional Chinese on the printer. The encoder library only knows single-byte code
 * pages, and Node has a Big5 *decoder* (WHATWG) but no encoder, so the encoding table is derived
 * once from that decoder rather than written by hand. Only standard Big5 lead bytes (0xA1–0xF9) are
 * used: printer fonts do not carry the HKSCS extensions below 0xA1.
 */

let table: Map<number, [number, number]> | undefined;

function build(): Map<number, [number, number]> {
  const decoder = new TextDecoder('big5');
  const map = new Map<number, [number, number]>();
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (const [from, to] of [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ] as const) {
      for (let trail = from; trail <= to; trail++) {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        const code = char.codePointAt(0);
        // The first pair wins: the decoder maps a few duplicates to the same character.
        if (code !== undefined && code !== 0xfffd && [...char].length === 1 && !map.has(code)) map.set(code, [lead, trail]);
      }
    }
  }
  return map;
}

/** The two Big5 bytes of one character, or undefined when Big5 has no such character. */
export function big5Bytes(char: string): [number, number] | undefined {
  const code = char.codePointAt(0);
  if (code === undefined) return undefined;
  table ??= build();
  return table.get(code);
}

/** Characters the printer prints through its Kanji (double-byte) font rather than the code page. */
export function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x2e80;
}
