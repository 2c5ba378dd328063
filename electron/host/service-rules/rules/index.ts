/** One rule module per kiosk service, keyed by ServiceId. */
import type { ServiceModule } from '../rule-context.js';
import type { ServiceId } from '../../../shared/kiosk-api/schemas/service-id.js';
import { cardAuthenticity } from './card-authenticity.js';
import { chipDataPrint } from './chip-data-print.js';
import { contactChange } from './contact-change.js';
import { documentPickup } from './document-pickup.js';
import { kinshipCertificate } from './kinship-certificate.js';
import { kinshipVerification } from './kinship-verification.js';
import { maritalStatusMarried } from './marital-status-married.js';
import { personalDataCertificate } from './personal-data-certificate.js';
import { queueTicket } from './queue-ticket.js';
import { renewNonPermanent } from './renew-nonpermanent.js';
import { renewPermanent } from './renew-permanent.js';

export const SERVICE_MODULES: Readonly<Record<ServiceId, ServiceModule>> = {
  'renew-nonpermanent': renewNonPermanent,
  'renew-permanent': renewPermanent,
  'kinship-certificate': kinshipCertificate,
  'kinship-verification': kinshipVerification,
  'contact-change': contactChange,
  'marital-status-married': maritalStatusMarried,
  'personal-data-certificate': personalDataCertificate,
  'card-authenticity': cardAuthenticity,
  'chip-data-print': chipDataPrint,
  'queue-ticket': queueTicket,
  'document-pickup': documentPickup,
};
