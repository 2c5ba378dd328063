/** The fictional card-number check lives with the card reader's contract, so the renderer's keypad can use it too. */
export { checkDigit, formatCardNumber, isValidCardNumber } from '../../devices/card-reader/card-number.js';
