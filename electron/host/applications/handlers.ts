import { KioskApiError } from '../bridge/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { ServiceRules, Step } from '../services/index.js';
import type { Session } from '../sessions/session.js';
import { factsFromSession, requestFromSession } from '../sessions/facts-from-session.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { ApplicationOrchestrator } from './orchestrator.js';

/**
 * Steps whose outcome the host itself holds must be done before an application exists, whatever the
 * renderer says: a minor's guardian verified [000], the relatives' cards read [003].
 */
function assertStepsDone(steps: readonly Step[], session: Session): void {
  if (steps.some((step) => step.kind === 'guardian-verification') && !session.guardian?.verified) {
    throw new KioskApiError('not-eligible', "the minor's guardian has not been verified");
  }
  const relatives = steps.find((step) => step.kind === 'relatives-cards');
  if (relatives && session.relatives.length < relatives.min) {
    throw new KioskApiError('not-eligible', `${session.relatives.length} relatives' cards read, ${relatives.min} needed`);
  }
}

type ApplicationHandlers = Pick<KioskHandlers, 'applications.start' | 'applications.submit' | 'applications.status' | 'applications.cancel'>;

/**
 * Applications through KioskApi: the host decides eligibility and price (the renderer never
 * sends an amount), and a session only ever sees its own applications.
 */
export function applicationHandlers(rules: ServiceRules, sessions: SessionManager, orchestrator: ApplicationOrchestrator, clock: () => Date): ApplicationHandlers {
  const own = (applicationId: string): void => {
    const session = sessions.require();
    if (!orchestrator.belongsTo(applicationId, session.id)) throw new KioskApiError('application-not-found', 'no such application in this session');
  };
  return {
    'applications.start': async ({ service, request }) => {
      const session = sessions.require();
      const holder = session.holder;
      if (!holder) throw new KioskApiError('not-eligible', 'the ID card has not been read');
      const facts = factsFromSession(session, request);
      const evaluation = rules.evaluate(service, facts, clock());
      if (evaluation.eligibility.verdict !== 'allowed') {
        throw new KioskApiError('not-eligible', `verdict ${evaluation.eligibility.verdict}: ${evaluation.eligibility.reasons.join(', ')}`);
      }
      assertStepsDone(evaluation.steps, session);
      // The pickup place must be one the host offered; the height is the host's own reading of the gauge.
      if (request?.pickupPlace && !evaluation.pickupOptions.some((o) => o.place === request.pickupPlace)) {
        throw new KioskApiError('invalid-params', `pickup place ${request.pickupPlace} is not offered for ${service}`);
      }
      const measured = evaluation.steps.some((s) => s.kind === 'height') ? session.heightMm : undefined;
      return orchestrator.create({
        sessionId: session.id,
        service,
        // What the kiosk itself read and verified (relatives', a child's or a spouse's card) replaces the renderer's claims.
        request: requestFromSession(session, request),
        quote: evaluation.quote,
        personal: {
          applicant: { cardNumber: holder.cardNumber, nameZh: holder.nameZh, nameLatin: holder.nameLatin, dateOfBirth: holder.dateOfBirth },
          verification: { applicant: 'fingerprint' }, // replaced by the visit's evidence (issue 12, in progress)
          ...(measured !== undefined ? { heightMm: measured } : {}),
        },
      });
    },
    'applications.submit': async ({ applicationId, payment }, { signal }) => {
      own(applicationId);
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
