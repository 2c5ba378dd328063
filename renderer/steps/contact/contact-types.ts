import type { ServiceRequest } from '../../state/kiosk-store.js';

/** The request's contact details, as the host's schema takes them. */
export type ContactDetailsInput = NonNullable<ServiceRequest['contactDetails']>;
export type ContactSubjectInput = NonNullable<ServiceRequest['contactSubject']>;
