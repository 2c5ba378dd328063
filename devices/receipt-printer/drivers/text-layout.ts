import { isWide } from './big5.js';

/**
 * How text lays out on the receipt: a character the driver sends in Kanji mode (CJK and full-width
 * forms, U+2E80 and up) takes two columns, anything else one. The driver, the simulator's text
 * rendering and its PNG rendering all measure with this, so what they show is what the paper shows.
 */
export function columnsOf(char: string): 1 | 2 {
  return isWide(char) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += columnsOf(char);
  return width;
}

/** Breaks a line where the paper would, by display width (a wide character never splits). */
export function wrapToColumns(text: string, columns: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let width = 0;
  for (const char of text) {
    const w = columnsOf(char);
    if (width + w > columns) {
      pieces.push(current);
      current = '';
      width = 0;
    }
    current += char;
    width += w;
  }
  pieces.push(current);
  return pieces;
}
