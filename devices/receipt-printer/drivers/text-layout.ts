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

/**
 * The pieces a line may break between: a run of spaces, a Latin word (with any punctuation stuck to
 * it), or one wide character. Chinese breaks between any two characters; a Latin word only at a space.
 */
function tokens(text: string): string[] {
  const found: string[] = [];
  let piece = '';
  const push = () => {
    if (piece) found.push(piece);
    piece = '';
  };
  for (const char of text) {
    if (isWide(char)) {
      push();
      found.push(char);
    } else if ((char === ' ') !== piece.startsWith(' ')) {
      // A space after a word, or a word after spaces: the piece so far ends here.
      if (piece) push();
      piece = char;
    } else {
      piece += char;
    }
  }
  push();
  return found;
}

/** Cuts a word wider than a whole line where the paper would (the only case a word is split). */
function hardBreak(word: string, columns: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    if (displayWidth(current) + columnsOf(char) > columns && current) {
      pieces.push(current);
      current = '';
    }
    current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Breaks a line to the paper's width, by display width: at spaces between Latin words (the spaces
 * at a break are dropped), between any two Chinese characters, and inside a word only when the word
 * alone is wider than the paper. A wide character never splits.
 */
export function wrapToColumns(text: string, columns: number): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    lines.push(current.trimEnd());
    current = '';
  };
  for (const token of tokens(text)) {
    const isSpace = token.startsWith(' ');
    if (displayWidth(current) + displayWidth(token) <= columns) {
      // Spaces that would open a wrapped line are dropped; a line's own leading spaces are kept.
      if (!(isSpace && current === '' && lines.length > 0)) current += token;
      continue;
    }
    if (isSpace) {
      flush();
      continue;
    }
    if (current.trim() !== '') flush();
    else current = '';
    for (const piece of displayWidth(token) > columns ? hardBreak(token, columns) : [token]) {
      if (displayWidth(current) + displayWidth(piece) > columns) flush();
      current += piece;
    }
  }
  if (current !== '' || lines.length === 0) lines.push(lines.length > 0 ? current.trimEnd() : current);
  return lines;
}
