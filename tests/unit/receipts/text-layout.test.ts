import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToColumns } from '../../../devices/receipt-printer/drivers/text-layout.js';

describe('wrapping a receipt line to the paper', () => {
  it('breaks Latin text at spaces, never inside a word that fits a line', () => {
    expect(wrapToColumns('Direcção dos Serviços de Identificação', 24)).toEqual(['Direcção dos Serviços de', 'Identificação']);
    expect(wrapToColumns('Sede da DSI', 10)).toEqual(['Sede da', 'DSI']);
  });

  it('breaks Chinese between any two characters, and where Chinese meets Latin', () => {
    expect(wrapToColumns('領取地點 Levantamento: 身份證明局總部', 24)).toEqual(['領取地點 Levantamento:', '身份證明局總部']);
    expect(wrapToColumns('澳門南灣大馬路804號中華廣場一樓', 20)).toEqual(['澳門南灣大馬路804號', '中華廣場一樓']);
  });

  it('cuts only a word wider than the paper, and keeps a line that fits as it is', () => {
    expect(wrapToColumns('abcdefghijklmnopqrstuvwxyz', 10)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
    expect(wrapToColumns('  indented  ', 48)).toEqual(['  indented  ']);
    expect(wrapToColumns('', 48)).toEqual(['']);
  });

  it('never exceeds the width and loses no character but the spaces at a break (property)', () => {
    const char = fc.constantFrom('a', 'B', 'ç', ' ', ' ', '.', '1', '身', '證', '澳');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 120 }).map((chars) => chars.join('')), fc.integer({ min: 2, max: 48 }), (text, columns) => {
        const lines = wrapToColumns(text, columns);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }),
      { numRuns: 2000 },
    );
  });
});
