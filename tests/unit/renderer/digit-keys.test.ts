import { describe, expect, it } from 'vitest';
import { pressDigit } from '../../../renderer/ui/DigitKeys.js';

describe('digit keys', () => {
  it('adds digits up to the maximum, then ignores more; delete takes the last one away', () => {
    let digits = '';
    for (const d of '1234567') digits = pressDigit(digits, { digit: d }, 6);
    expect(digits).toBe('123456');
    expect(pressDigit(digits, { delete: true }, 6)).toBe('12345');
    expect(pressDigit('', { delete: true }, 6)).toBe('');
  });
});
