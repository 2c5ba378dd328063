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
  const applicationId = `e2e-${Math.random().toString(36).slice(2, 12)}`;
  const response = await fetch(`${base(kiosk)}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': applicationId },
    body: JSON.stringify({
      applicationId,
      kioskId: 'HQ-03',
      kioskSessionId: 'earlier-visit',
      service: 'renew-permanent',
      request: {},
      feeAvos: 9000,
      payment: { method: 'terminal', reference: `T-${applicationId}`, amountAvos: 9000, authCode: 'A00001' },
      applicant: { cardNumber: '1234567(9)', nameZh: '陳大文', nameLatin: 'CHAN TAI MAN', dateOfBirth: '1985-03-12' },
      queuedAt: new Date().toISOString(),
    }),
  });
  if (response.status !== 201) throw new Error(`submission → ${response.status} ${await response.text()}`);
  return ((await response.json()) as { receiptNumber: string }).receiptNumber;
}

/** The document is ready at counter C12 (the simulator's `_control/ready`). */
export async function markReady(kiosk: KioskHostFixture, receiptNumber: string): Promise<void> {
  const response = await kiosk.backofficeControl(`/v1/_control/ready/${receiptNumber}`, { method: 'POST' });
  if (!response.ok) throw new Error(`ready → ${response.status} ${await response.text()}`);
}
