import { describe, expect, it } from 'vitest';
import { maskCardNumber, maskChineseName, maskLatinName } from '../../../electron/host/counter/masking.js';

describe('masking for public screens and slips', () => {
  it('keeps the first four digits of a card number and hides the rest and the check digit', () => {
    expect(maskCardNumber('1234567(9)')).toBe('1234***(*)');
    expect(() => maskCardNumber('1234567')).toThrow(RangeError);
  });

  it('keeps the surname and, for longer names, the last character of a Chinese name', () => {
    expect(maskChineseName('陳大文')).toBe('陳*文');
    expect(maskChineseName('李明')).toBe('李*');
    expect(maskChineseName('歐陽小明')).toBe('歐**明');
    expect(maskChineseName('')).toBe('');
  });

  it('keeps the surname and the initials of a Latin name', () => {
    expect(maskLatinName('CHAN TAI MAN')).toBe('CHAN T. M.');
    expect(maskLatinName('  MARIA  DA CONCEICAO SANTOS ')).toBe('MARIA D. C. S.');
    expect(maskLatinName('')).toBe('');
  });
});
