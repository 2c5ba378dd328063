import type { CardHolder } from '../../shared/kiosk-api/contract.js';
import type { FactsInput, RequestOptions } from '../service-rules/index.js';
import type { Session } from './session.js';
import { withVerified } from './verified.js';

/**
 * The facts the service rules see, from what this session has learnt so far. The card is known
 * once read; the person's file (interdiction, relations on file, …) comes from the back office,
 * and until it does the rules answer `person-not-identified`.
 */
export function factsFromSession(session: Session | undefined, request: RequestOptions = {}): FactsInput {
  const holder = session?.holder;
  const record = session?.person;
  return {
    ...(holder ? { card: cardFacts(holder) } : {}),
    ...(record ? { person: record.person } : {}),
    ...(record?.residenceCertificate ? { residenceCertificate: record.residenceCertificate } : {}),
    // Only a guardian whose own finger (or PIN) matched their card counts. [000]
    ...(session?.guardian?.verified ? { guardian: { relation: session.guardian.relation, holdsMacauIdCard: session.guardian.holdsMacauIdCard } } : {}),
    request: requestFromSession(session, request),
  };
}

/**
 * The request as the host trusts it: relatives are the cards this session actually read
 * (relatives.readCard), never a list the renderer made up; a child's or spouse's card the kiosk
 * read itself replaces what the renderer claims about it (sessions/verified.ts).
 */
export function requestFromSession(session: Session | undefined, request: RequestOptions = {}): RequestOptions {
  const { relatives: _claimed, ...rest } = request;
  const read = session?.relatives ?? [];
  const trusted = read.length > 0 ? { ...rest, relatives: read.map(({ relation, holder }) => ({ relation, cardNumber: holder.cardNumber })) } : rest;
  return withVerified(trusted, session?.verified);
}

export function cardFacts(holder: CardHolder): NonNullable<FactsInput['card']> {
  return {
    number: holder.cardNumber,
    residency: holder.permanent ? 'permanent' : 'non-permanent',
    // The kiosk's reader is contactless: a contact-chip card never reaches this point.
    chip: 'contactless',
    firstIssueDate: holder.firstIssue,
    currentIssueDate: holder.currentIssue,
    expiry: holder.expiry === null ? { kind: 'lifetime' } : { kind: 'date', date: holder.expiry },
  };
}
