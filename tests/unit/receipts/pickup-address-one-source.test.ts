/**
 * The pickup address has one source, the host's pickup table: the review summary shows the string
 * the host's PickupOption carries, and the printed receipt holds the same string, for every place.
 */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { big5Bytes } from '../../../devices/receipt-printer/drivers/big5.js';
import { buildApplicationReceipt } from '../../../electron/host/receipts/application-receipt.js';
import type { PickupOption } from '../../../electron/shared/kiosk-api/schemas/service-results.js';
import { PickupPlace, type ServiceId } from '../../../electron/shared/kiosk-api/schemas/service-id.js';
import { pickupRows } from '../../../renderer/steps/common/pickup-rows.js';
import { receiptOnPaper } from '../../../simulators/receipt-printer/paper-png.js';
import { at, rules, shippedConfig } from '../services/fixtures.js';

const SUBMITTED = at('2026-11-24', '10:33:00');
const SERVICES: ServiceId[] = ['renew-permanent', 'renew-nonpermanent', 'kinship-certificate', 'personal-data-certificate'];
/** A `t` that names the key: the address row is the one whose label is `review.address`. */
const keyOnly = ((key: string) => key) as unknown as TFunction;

/** Every place the host offers, with the option it sends (any service that offers it). */
function optionsByPlace(): Map<PickupPlace, PickupOption> {
  const byPlace = new Map<PickupPlace, PickupOption>();
  for (const service of SERVICES) for (const option of rules.pickupOptions(service, SUBMITTED)) byPlace.set(option.place, option);
  return byPlace;
}

async function printedText(option: PickupOption): Promise<string> {
  const receipt = buildApplicationReceipt({
    status: {
      applicationId: '0f8e7d6c-5b4a-4321-8fed-cba987654321',
      service: 'kinship-certificate',
      feeAvos: 0,
      state: 'submitted',
      payment: null,
      govPay: null,
      confirmation: null,
      receipt: { receiptNumber: 'R2026004217', acceptedAt: SUBMITTED.toISOString(), pendingSubmission: false, refusal: null },
    },
    receiptNumber: 'R2026004217',
    issuedAt: SUBMITTED,
    applicant: null,
    pickup: { place: option.place, address: option.address, readyAt: new Date(option.readyAt), collectWithinDays: option.collectWithinDays },
    resultDueBy: null,
    kioskId: 'KIOSK-HQ-03',
  });
  return (await receiptOnPaper(receipt, 48)).text;
}

describe('the pickup address: one source for the review and the receipt', () => {
  const byPlace = optionsByPlace();

  it('the host offers every pickup place with its address', () => {
    expect([...byPlace.keys()].sort()).toEqual([...PickupPlace.options].sort());
  });

  for (const place of PickupPlace.options) {
    it(`${place}: the review's address row and the printed receipt show the same string`, async () => {
      const option = byPlace.get(place)!;
      const paper = await printedText(option);
      // Chinese wraps between any two characters, Latin at spaces: compare without the breaks.
      const compact = paper.replace(/\s+/g, '');
      const flat = paper.replace(/\s+/g, ' ');
      for (const language of ['zh-Hant', 'pt'] as const) {
        const row = pickupRows(option, {}, language, keyOnly).find(([label]) => label === 'review.address');
        expect(row?.[1]).toBe(option.address[language]);
        const shown = option.address[language];
        // Hengqin has no Latin address: its Portuguese line only repeats the Chinese one, printed once.
        if (language === 'pt' && shown.includes(option.address['zh-Hant'])) expect(compact).toContain(option.address['zh-Hant'].replace(/\s+/g, ''));
        else if (language === 'pt') expect(flat).toContain(shown);
        else expect(compact).toContain(shown.replace(/\s+/g, ''));
      }
    });
  }

  it('every Traditional Chinese address is printable: each character is in Big5 (the printer’s Kanji mode)', () => {
    for (const [place, address] of Object.entries(shippedConfig().pickup.addresses)) {
      const missing = [...address['zh-Hant']].filter((char) => char.charCodeAt(0) > 0x7f && !big5Bytes(char));
      expect(missing, place).toEqual([]);
    }
  });
});
