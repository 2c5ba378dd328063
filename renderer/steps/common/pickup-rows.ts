import type { TFunction } from 'i18next';
import type { Language } from '../../../electron/shared/kiosk-api/contract.js';
import type { PickupOption, ServiceRequest } from '../../state/kiosk-store.js';
import { formatFrom } from '../../ui/format.js';

type Row = readonly [string, string];

/**
 * The review's pickup rows: where and when to collect, with the address exactly as the host's
 * PickupOption carries it (the receipt prints the same string); an electronic certificate is sent instead.
 */
export function pickupRows(pickup: PickupOption | undefined, request: ServiceRequest, language: Language, t: TFunction): Row[] {
  if (request.certificate?.format === 'electronic') return [[t('review.delivery'), t('review.electronic')]];
  if (!pickup) return [];
  return [
    [t('review.pickupPlace'), t(`pickupPlaces.${pickup.place}`)],
    [t('review.address'), pickup.address[language]],
    [t('review.readyFrom'), formatFrom(pickup.readyAt, language)],
  ];
}
