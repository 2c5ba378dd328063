import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * One spelling per word, as the bureau writes it: DSI writes 櫃檯 and addresses the resident as 您;
 * the kiosk is 自助服務機; English follows the government's "Macao" (the card brand "Macau Pass"
 * keeps its own spelling); Portuguese writes "autoatendimento" (never "self-service"). The printed slips follow the screens.
 */
const text = (path: string) => readFileSync(path, 'utf8');
const SLIPS = ['electron/host/counter/slips.ts', 'electron/host/receipts/application-receipt.ts', 'electron/host/receipts/receipt-texts.ts'].map(text).join('\n');

describe('wording', () => {
  it('Traditional Chinese: 櫃檯, 您, 自助服務機', () => {
    for (const source of [text('locales/zh-Hant.json'), SLIPS]) {
      expect(source).not.toMatch(/櫃枱|櫃台/);
      expect(source).not.toMatch(/自助機/);
    }
    expect(text('locales/zh-Hant.json')).not.toContain('你');
    // One word for each thing: 打印 (not 列印), 屏幕 (not 螢幕).
    for (const source of [text('locales/zh-Hant.json'), SLIPS]) expect(source).not.toMatch(/列印|螢幕|熒幕/);
  });

  it('Simplified Chinese: 您, 自助服务机', () => {
    expect(text('locales/zh-Hans.json')).not.toContain('你');
    expect(text('locales/zh-Hans.json')).not.toMatch(/自助机/);
  });

  it('English: Macao, except the Macau Pass brand', () => {
    expect(text('locales/en.json')).not.toMatch(/Macau(?! Pass)/);
  });

  it('Portuguese: autoatendimento', () => {
    expect(text('locales/pt.json')).not.toMatch(/auto-atendimento|auto atendimento|self-service/i);
  });

  it('Portuguese: the card reader is a "leitor", the fingerprint scanner a "sensor"', () => {
    expect(text('locales/pt.json')).not.toMatch(/leitor de impress/i);
    expect(text('locales/pt.json')).toContain('sensor de impressões digitais');
  });

  it('Portuguese: instructions that do not assume the resident is a man', () => {
    expect(text('locales/pt.json')).not.toMatch(/Bem-vindo\b|fique direito|seu filho no|para casado|como casado|BIR dele/);
  });
});
