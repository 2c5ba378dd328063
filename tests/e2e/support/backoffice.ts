import type { ApplicationSubmission } from '../../../electron/host/backoffice/wire.js';
import type { ServiceId } from '../../../electron/shared/kiosk-api/schemas/service-id.js';
import { sampleSubmission } from '../../../simulators/backoffice/sample-capture.js';
import type { KioskHostFixture } from '../fixtures/kiosk-host.js';

/**
 * The host's back-office simulator, driven over its HTTP API as another kiosk (or a counter) would:
 * an application already submitted, and a document made ready at counter C12.
 */
function base(kiosk: KioskHostFixture): string {
  if (!kiosk.backofficeUrl) throw new Error('this host runs no back-office simulator');
  return kiosk.backofficeUrl;
}

/** A paid permanent-ID renewal of 陳大文 (card 1234567(9)), as a kiosk submits it; answers its receipt number. */
export async function submitRenewal(kiosk: KioskHostFixture): Promise<string> {
  return submitApplication(kiosk, 'chan-tai-man', 'renew-permanent', { feeAvos: 9000 });
}

/**
 * A complete application of a seed resident, as a kiosk submits it (photo, fingerprints, signature,
 * height where the service needs them: the back office checks); `edit` may change the body first.
 * Answers its receipt number.
 */
export async function submitApplication(
  kiosk: KioskHostFixture,
  residentId: string,
  service: ServiceId,
  options: { feeAvos?: number; edit?: (body: ApplicationSubmission) => void } = {},
): Promise<string> {
  const applicationId = `e2e-${Math.random().toString(36).slice(2, 12)}`;
  const feeAvos = options.feeAvos ?? 0;
  const body = await sampleSubmission(residentId, service, {
    applicationId,
    kioskSessionId: 'earlier-visit',
    feeAvos,
    payment: feeAvos > 0 ? { method: 'terminal', reference: `T-${applicationId}`, amountAvos: feeAvos, authCode: 'A00001' } : null,
  });
  options.edit?.(body);
  const response = await fetch(`${base(kiosk)}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': applicationId },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`submission → ${response.status} ${await response.text()}`);
  return ((await response.json()) as { receiptNumber: string }).receiptNumber;
}

/** The document is ready at counter C12 (the simulator's `_control/ready`). */
export async function markReady(kiosk: KioskHostFixture, receiptNumber: string): Promise<void> {
  const response = await kiosk.backofficeControl(`/v1/_control/ready/${receiptNumber}`, { method: 'POST' });
  if (!response.ok) throw new Error(`ready → ${response.status} ${await response.text()}`);
}
