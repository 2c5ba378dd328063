/** The fictional card-number check lives with the card reader's contract, so the renderer's keypad can use it too. */
export { checkDigit, formatCardNumber, isValidCardNumber } from '../../devices/card-reader/card-number.js';

/**
 * The test data's convention, not a rule of real cards: a serial (or card number) starting 5 is a
 * non-permanent resident's card, so a card built from the dataset or the seed says so on its face.
 */
export function isPermanentSerial(serialOrCardNumber: string): boolean {
  return !serialOrCardNumber.startsWith('5');
}
