import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { RequestOptions, Step, StepKind } from '../service-rules/index.js';

type RequestKey = keyof RequestOptions;

/**
 * Which of the request's choices each step may set. The rest of the request is the host's own:
 * the relatives are the cards it read, the data changes follow from the contact details, a child's
 * or spouse's card is the one it read (sessions/verified.ts). One entry per step kind.
 */
export const STEP_CHOICES: { [K in StepKind]: readonly RequestKey[] } = {
  'read-card': [],
  'verify-identity': [],
  'guardian-verification': [],
  'capture-fingerprints': [],
  photo: [],
  height: [],
  'scan-card': [],
  signature: [],
  review: [],
  'relatives-cards': [],
  'enter-related-id': ['verifyRelation', 'relatedCardNumber'],
  'enter-pin': [],
  'choose-data-items': ['personalDataItems'],
  'choose-certificate-format': ['certificate'],
  'enter-contact-details': ['contactSubject', 'contactDetails'],
  'confirm-marriage-data': ['marriage'],
  'choose-ticket': ['ticket'],
  'print-ticket': [],
  'choose-pickup': ['pickupPlace'],
  payment: [],
  receipt: [],
  'print-result': [],
  'scan-pickup-receipt': [],
  'return-old-card': [],
  'collect-document': [],
};

function refuse(detail: string, message: string): never {
  throw new KioskApiError('invalid-choice', message, detail);
}

/**
 * Checks a step's choices against what the host offered at that step: only the step's own keys,
 * and only values the step lists (a relation, a format, an office, a pickup place…). Throws
 * `invalid-choice` naming the field; nothing is kept from a refused call.
 */
export function checkChoices(step: Step, choices: RequestOptions): void {
  const allowed = STEP_CHOICES[step.kind];
  for (const key of Object.keys(choices) as RequestKey[]) {
    if (choices[key] !== undefined && !allowed.includes(key)) refuse(key, `${key} is not a choice of the ${step.kind} step`);
  }
  switch (step.kind) {
    case 'enter-related-id':
      if (choices.verifyRelation !== undefined && !step.relations.includes(choices.verifyRelation)) refuse('verifyRelation', `${choices.verifyRelation} is not offered`);
      return;
    case 'choose-data-items': {
      const items = choices.personalDataItems ?? [];
      const other = items.find((item) => !step.items.includes(item));
      if (other !== undefined) refuse('personalDataItems', `${other} is not offered`);
      if (new Set(items).size !== items.length) refuse('personalDataItems', 'an item is chosen twice');
      return;
    }
    case 'choose-certificate-format':
      if (choices.certificate && !step.formats.includes(choices.certificate.format)) refuse('certificate', `${choices.certificate.format} is not offered`);
      return;
    case 'choose-ticket':
      if (choices.ticket && !step.offices.includes(choices.ticket.office)) refuse('ticket', `office ${choices.ticket.office} is not offered`);
      if (choices.ticket && !step.kinds.includes(choices.ticket.kind)) refuse('ticket', `${choices.ticket.kind} tickets are not offered`);
      return;
    case 'choose-pickup':
      if (choices.pickupPlace !== undefined && !step.places.includes(choices.pickupPlace)) refuse('pickupPlace', `${choices.pickupPlace} is not offered`);
      return;
    default:
      return;
  }
}
