/** Contact change and marriage: free services that end on a receipt; the kiosk's own findings beat the renderer's claims. */
import { describe, expect, it } from 'vitest';
import { ContactDetailsSchema, ContactPhone } from '../../../electron/shared/kiosk-api/schemas/contact-details.js';
import { RequestSchema } from '../../../electron/shared/kiosk-api/schemas/service-facts.js';
import { buildChipDataSheet } from '../../../electron/host/handlers/own-data.js';
import { withVerified } from '../../../electron/host/sessions/verified.js';
import { at, facts, rules } from '../services/fixtures.js';

const TUE_NIGHT = at('2026-03-10', '22:00');

describe('contact change [001 ID Q18]', () => {
  it('ends on the receipt, free, with the result due 3 working days after the day of submission', () => {
    const evaluation = rules.evaluate('contact-change', facts({ request: { contactSubject: { relation: 'self' } } }), TUE_NIGHT);
    expect(evaluation.steps.map((s) => s.kind)).toEqual(['read-card', 'verify-identity', 'enter-contact-details', 'receipt']);
    expect(evaluation.quote.total).toBe(0);
    // Tuesday 10 March: Wed 11, Thu 12, Fri 13 are the three working days.
    expect(evaluation.resultDueBy).toBe('2026-03-13');
  });

  it('refers any change other than address, phone, occupation and emergency contact to a counter [001 ID Q31]', () => {
    const kiosk = rules.eligibility('contact-change', facts({ request: { dataChanges: ['phone', 'address', 'occupation', 'emergency-contact'] } }), TUE_NIGHT);
    expect(kiosk.verdict).toBe('allowed');
    const name = rules.eligibility('contact-change', facts({ request: { dataChanges: ['phone', 'name'] } }), TUE_NIGHT);
    expect(name.verdict).toBe('counter-only');
    expect(name.reasons).toEqual(['personal-data-change-counter-only']);
  });

  it('takes Macau mobiles (6…) and landlines (2…) of 8 digits, or + and a country code', () => {
    for (const ok of ['66123456', '28123456', '+85291234567', '+351912345678']) expect(ContactPhone.safeParse(ok).success).toBe(true);
    for (const bad of ['6612345', '661234567', '38123456', '85291234567', '+0123456', '6612 3456', '']) expect(ContactPhone.safeParse(bad).success).toBe(false);
  });

  it('takes Latin text with Portuguese accents, Chinese characters in the address only (typed by pinyin), never control characters', () => {
    expect(ContactDetailsSchema.safeParse({ address: 'Rua de São Paulo, 12, 3.º andar' }).success).toBe(false); // º is not on the keyboard
    expect(ContactDetailsSchema.safeParse({ address: 'Avenida da Praia Grande 12, 3 andar A' }).success).toBe(true);
    expect(ContactDetailsSchema.safeParse({ occupation: 'Técnica de conservação' }).success).toBe(true);
    expect(ContactDetailsSchema.safeParse({ address: '新馬路12號' }).success).toBe(true);
    expect(ContactDetailsSchema.safeParse({ occupation: '文員' }).success).toBe(false);
    expect(ContactDetailsSchema.safeParse({ emergencyContact: { name: '陳大文', phone: '62345678' } }).success).toBe(false);
    expect(ContactDetailsSchema.safeParse({ occupation: 'clerk\u0007' }).success).toBe(false);
    expect(ContactDetailsSchema.safeParse({ emergencyContact: { name: 'ANA LEI', phone: '62345678' } }).success).toBe(true);
    expect(ContactDetailsSchema.safeParse({ emergencyContact: { name: 'ANA LEI' } }).success).toBe(false);
    expect(ContactDetailsSchema.safeParse({ fax: '28123456' }).success).toBe(false);
  });

  it('a minor the renderer claims but the kiosk did not read is not on file: refused', () => {
    const claimed = RequestSchema.parse({ contactSubject: { relation: 'minor-child', dateOfBirth: '2015-01-01', relationOnFile: true } });
    const request = withVerified(claimed, {});
    expect(request.contactSubject).toEqual({ relation: 'minor-child', dateOfBirth: '2015-01-01', relationOnFile: false });
    expect(rules.eligibility('contact-change', facts({ request }), TUE_NIGHT).reasons).toEqual(['subject-relation-not-on-file']);
  });

  it('a minor read at the kiosk is what the rules see, with the card number for the back office', () => {
    const claimed = RequestSchema.parse({ contactSubject: { relation: 'minor-child', dateOfBirth: '2001-01-01', relationOnFile: false } });
    const read = { relation: 'minor-child' as const, cardNumber: '1576324(2)', dateOfBirth: '2015-09-30', relationOnFile: true };
    const request = withVerified(claimed, { contactSubject: read });
    expect(request.contactSubject).toEqual(read);
    expect(rules.eligibility('contact-change', facts({ request }), TUE_NIGHT).verdict).toBe('allowed');
  });

  it('the changed fields are the fields filled in', () => {
    const request = withVerified(RequestSchema.parse({ contactDetails: { phone: '66123456', occupation: 'Clerk' } }), {});
    expect(request.dataChanges).toEqual(['phone', 'occupation']);
  });
});

describe('marital status to married [001 ID Q16]', () => {
  const marriage = { registeredOn: '2026-03-01', civilRegistryAuthorised: true, spouseHoldsValidSmartCard: true };

  it('ends on the receipt, free', () => {
    const evaluation = rules.evaluate('marital-status-married', facts({ request: { marriage } }), TUE_NIGHT);
    expect(evaluation.steps.map((s) => s.kind)).toEqual(['read-card', 'verify-identity', 'confirm-marriage-data', 'receipt']);
    expect(evaluation.eligibility.verdict).toBe('allowed');
    expect(evaluation.quote.total).toBe(0);
  });

  it('a spouse card the kiosk did not read is not valid, whatever the renderer says', () => {
    const request = withVerified(RequestSchema.parse({ marriage }), {});
    expect(request.marriage?.spouseHoldsValidSmartCard).toBe(false);
    expect(rules.eligibility('marital-status-married', facts({ request }), TUE_NIGHT).reasons).toEqual(['spouse-card-not-valid']);
  });

  it('the spouse card read at the kiosk decides, and its number goes with the application', () => {
    const request = withVerified(RequestSchema.parse({ marriage: { ...marriage, spouseHoldsValidSmartCard: false } }), {
      spouse: { cardNumber: '1702345(9)', validSmartCard: true },
    });
    expect(request.marriage).toEqual({ ...marriage, spouseHoldsValidSmartCard: true, spouseCardNumber: '1702345(9)' });
  });
});

describe('chip-data sheet [001 Other Q4]', () => {
  it('prints other names, parents’ names and marital status in Chinese and Portuguese', () => {
    const sheet = buildChipDataSheet(
      { cardNumber: '1234567(3)', nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' },
      { fatherName: '陳志明 CHAN CHI MENG', motherName: '李美玲 LEI MEI LENG', maritalStatus: 'married', otherNames: [] },
      at('2026-11-24', '10:30'),
    );
    const text = sheet.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : [])).join('\n');
    expect(text).toContain('父親姓名 Nome do pai: 陳志明 CHAN CHI MENG');
    expect(text).toContain('母親姓名 Nome da mãe: 李美玲 LEI MEI LENG');
    expect(text).toContain('婚姻狀況 Estado civil: 已婚 Casado(a)');
    expect(text).toContain('其他姓名 Outros nomes: —');
    expect(text).toContain('1234567(3)');
    expect(text).toContain('2026-11-24');
  });
});
