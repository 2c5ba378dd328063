import { describe, expect, it } from 'vitest';
import { COLUMNS, displayWidth, renderReceiptText } from '../../../simulators/receipt-printer/render-text.js';

describe('receipt plain-text rendering', () => {
  it('aligns by display width, counting Chinese characters as two columns', () => {
    const text = renderReceiptText({
      lines: [
        { kind: 'text', text: 'right', align: 'right' },
        { kind: 'text', text: '中文', align: 'center' },
        { kind: 'rule' },
        { kind: 'feed', lines: 2 },
        { kind: 'qr', data: 'ABC' },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${' '.repeat(COLUMNS - 5)}right`);
    expect(displayWidth(lines[1] ?? '')).toBe((COLUMNS - 4) / 2 + 4);
    expect(lines[2]).toBe('-'.repeat(COLUMNS));
    expect(lines.slice(3, 5)).toEqual(['', '']);
    expect(lines[5]?.trim()).toBe('[QR ABC]');
  });

  it('wraps long lines; large text gets half the columns', () => {
    const long = 'x'.repeat(COLUMNS + 3);
    expect(renderReceiptText({ lines: [{ kind: 'text', text: long }] }).split('\n')).toEqual(['x'.repeat(COLUMNS), 'xxx']);
    const large = renderReceiptText({ lines: [{ kind: 'text', text: '陳'.repeat(13), size: 'large' }] }).split('\n');
    expect(large.map(displayWidth)).toEqual([24, 2]);
  });
});
