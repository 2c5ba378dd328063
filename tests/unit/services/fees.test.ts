/** Fee quotes in integer avos from config/fees.json. */
import { describe, expect, it } from 'vitest';
import { createServiceRules, FeeQuote } from '../../../electron/host/service-rules/index.js';
import { rules, shippedConfig } from './fixtures.js';

describe('fee quotes', () => {
  it.each([
    { rule: '[003] paper, 1 page: MOP 15', certificate: { format: 'paper', pages: 1 } as const, total: 1500 },
    { rule: '[003] paper, 3 pages: MOP 15 + 2 × 5', certificate: { format: 'paper', pages: 3 } as const, total: 2500 },
    { rule: '[003] paper, 2 copies of 2 pages: 2 × (15 + 5)', certificate: { format: 'paper', pages: 2, copies: 2 } as const, total: 4000 },
    { rule: '[003] electronic: MOP 15 each', certificate: { format: 'electronic', copies: 3 } as const, total: 4500 },
  ])('kinship certificate $rule', ({ certificate, total }) => {
    const quote = rules.quote('kinship-certificate', { certificate });
    expect(quote.total).toBe(total);
    expect(quote.total).toBe(quote.lines.reduce((sum, line) => sum + line.amount, 0));
    expect(FeeQuote.parse(quote)).toEqual(quote);
  });

  it('[003] paper lines name first and additional pages', () => {
    expect(rules.quote('kinship-certificate', { certificate: { format: 'paper', pages: 3 } }).lines).toEqual([
      { code: 'kinship-certificate-paper-first-page', quantity: 1, unitAmount: 1500, amount: 1500 },
      { code: 'kinship-certificate-paper-additional-page', quantity: 2, unitAmount: 500, amount: 1000 },
    ]);
  });

  it('[003] no format chosen yet: empty and marked incomplete', () => {
    expect(rules.quote('kinship-certificate', {})).toMatchObject({ lines: [], total: 0, incomplete: true });
  });

  it('[001 ID Q31 + external] permanent renewal MOP 90 from configuration', () => {
    expect(rules.quote('renew-permanent', {})).toMatchObject({ currency: 'MOP', unit: 'avos', total: 9000 });
  });

  it('free kiosk services quote zero', () => {
    for (const service of ['card-authenticity', 'chip-data-print', 'queue-ticket', 'kinship-verification'] as const) {
      expect(rules.quote(service, {}).total).toBe(0);
    }
  });

  it('replacing the fee configuration changes the quote without code changes', () => {
    const config = shippedConfig();
    config.fees.fees['kinship-certificate-paper-additional-page'].amountAvos = 750;
    config.fees.fees['id-card-renewal-permanent'].amountAvos = 12000;
    const changed = createServiceRules(config);
    expect(changed.quote('kinship-certificate', { certificate: { format: 'paper', pages: 3 } }).total).toBe(3000);
    expect(changed.quote('renew-permanent', {}).total).toBe(12000);
  });
});
