import type { BiometricsService } from '../biometrics/biometrics-service.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { PhotoService } from '../photo/photo-service.js';
import type { ServiceRules } from '../service-rules/index.js';
import { factsFromSession, requestFromSession } from '../sessions/facts-from-session.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { Visits } from '../visit/visits.js';
import { capturedForApplication } from './captured-payload.js';
import type { ApplicationOrchestrator } from './orchestrator.js';

type ApplicationHandlers = Pick<KioskHandlers, 'applications.start' | 'applications.submit' | 'applications.status' | 'applications.cancel'>;

export interface ApplicationHandlerDeps {
  rules: ServiceRules;
  sessions: SessionManager;
  visits: Visits;
  orchestrator: ApplicationOrchestrator;
  captures: { biometrics: BiometricsService; photos: PhotoService };
  clock: () => Date;
}

/**
 * Applications through KioskApi: the host decides eligibility and price (the renderer never sends
 * an amount or a choice here: the visit holds the choices it checked), the application carries what
 * the kiosk captured, and a session only ever sees its own applications.
 */
export function applicationHandlers(deps: ApplicationHandlerDeps): ApplicationHandlers {
  const { rules, sessions, visits, orchestrator, clock } = deps;
  const own = (applicationId: string): void => {
    const session = sessions.require();
    if (!orchestrator.belongsTo(applicationId, session.id)) throw new KioskApiError('application-not-found', 'no such application in this session');
  };
  return {
    'applications.start': async ({ service }) => {
      const { session, machine } = visits.require();
      if (machine.service !== service) throw new KioskApiError('invalid-choice', `the visit is for ${machine.service}, not ${service}`, 'service');
      const made = machine.applicationId();
      if (made !== null) return orchestrator.status(made); // asking twice is not a second application
      machine.assertReadyForApplication();
      const holder = session.holder;
      if (!holder) throw new KioskApiError('step-not-done', 'the ID card has not been read', 'read-card');
      const request = machine.currentRequest();
      const evaluation = rules.evaluate(service, factsFromSession(session, request), clock());
      if (evaluation.eligibility.verdict !== 'allowed') {
        throw new KioskApiError('not-eligible', `verdict ${evaluation.eligibility.verdict}: ${evaluation.eligibility.reasons.join(', ')}`);
      }
      const captured = await capturedForApplication(session, evaluation.steps, deps.captures);
      const status = await orchestrator.create({
        sessionId: session.id,
        service,
        // What the kiosk itself read and verified (relatives', a child's or a spouse's card) replaces the renderer's claims.
        request: requestFromSession(session, request),
        quote: evaluation.quote,
        personal: {
          applicant: { cardNumber: holder.cardNumber, nameZh: holder.nameZh, nameLatin: holder.nameLatin, dateOfBirth: holder.dateOfBirth },
          ...captured,
        },
      });
      visits.applicationStarted(status.applicationId);
      return status;
    },
    'applications.submit': async ({ applicationId, payment }, { signal }) => {
      own(applicationId);
      const { machine } = visits.require();
      if (machine.applicationId() !== applicationId) throw new KioskApiError('application-not-found', 'not the visit’s application');
      const step = machine.current();
      if (payment !== undefined && !(step?.kind === 'payment' && step.methods.includes(payment))) {
        throw new KioskApiError('invalid-choice', `${payment} is not offered here`, 'payment');
      }
      // The idle timeout waits for the payment: a charge is never abandoned half-way.
      const release = sessions.beginCritical();
      try {
        return await orchestrator.submit(applicationId, payment, signal);
      } finally {
        release();
      }
    },
    'applications.status': async ({ applicationId }) => {
      own(applicationId);
      return orchestrator.status(applicationId);
    },
    'applications.cancel': async ({ applicationId }) => {
      own(applicationId);
      // After payment, cancelling gives money back: the idle timeout waits for it as for a charge.
      const release = sessions.beginCritical();
      try {
        return await orchestrator.cancel(applicationId);
      } finally {
        release();
      }
    },
  };
}
