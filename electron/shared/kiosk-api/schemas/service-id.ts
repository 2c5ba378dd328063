import { z } from 'zod';

/** The kiosk services, one rule module each under rules/. */
export const ServiceId = z.enum([
  'renew-nonpermanent',
  'renew-permanent',
  'kinship-certificate',
  'kinship-verification',
  'contact-change',
  'marital-status-married',
  'personal-data-certificate',
  'card-authenticity',
  'chip-data-print',
  'queue-ticket',
  'document-pickup',
]);
export type ServiceId = z.infer<typeof ServiceId>;

/** Places where a document can be collected. [seeds 003, 004] */
export const PickupPlace = z.enum([
  'hq',
  'government-services-building',
  'islands-centre',
  'hengqin',
  'smart-locker',
]);
export type PickupPlace = z.infer<typeof PickupPlace>;

/** DSI counter offices (take queue tickets, pay at a counter). [seed 003] */
export const CounterOffice = z.enum(['hq', 'government-services-building', 'islands-centre']);
export type CounterOffice = z.infer<typeof CounterOffice>;
