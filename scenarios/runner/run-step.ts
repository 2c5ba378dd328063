import type { ControlCommandInput } from '../../simulators/control/commands.js';
import { parseDuration } from '../../simulators/control/clock-command.js';
import { markReady, submitApplication } from '../../tests/e2e/support/backoffice.js';
import { LANGUAGE_BUTTON, m, STARTS_WITHOUT_OVERVIEW } from '../../tests/e2e/support/kiosk-page.js';
import type { Step } from './format.js';
import { checkExpectation } from './expectations.js';
import { DEFAULT_WITHIN_MS, ExpectationFailed, type StepContext, text } from './step-context.js';

/** Runs one step; throws ExpectationFailed (or a Playwright error) when it cannot. */
export async function runStep(ctx: StepContext, step: Step): Promise<void> {
  const { page, kiosk } = ctx;
  const control = async (command: ControlCommandInput): Promise<void> => {
    ctx.log(`device  ${JSON.stringify(command)}`);
    await kiosk.control(command);
  };
  switch (step.kind) {
    case 'open':
      await page.goto(kiosk.url);
      await page.getByRole('button', { name: LANGUAGE_BUTTON[ctx.lang], exact: true }).first().click();
      await page.getByRole('button', { name: m(ctx.lang, `services.${step.value}`), exact: true }).click();
      // The service's overview (steps, time, fee, what to bring): Start begins the visit. A one-step
      // free service (the queue ticket) has no overview: its first step shows at once.
      if (!STARTS_WITHOUT_OVERVIEW.has(step.value)) await page.getByRole('button', { name: m(ctx.lang, 'overview.start'), exact: true }).click();
      return;
    case 'language':
      await page.locator('nav.language-bar').getByRole('button', { name: LANGUAGE_BUTTON[step.value], exact: true }).click();
      ctx.lang = step.value;
      return;
    case 'tap': {
      const tap = step.value;
      if (typeof tap === 'string' || !('role' in tap)) {
        await page.getByRole('button', { name: text(ctx, tap), exact: true }).first().click({ timeout: DEFAULT_WITHIN_MS });
        return;
      }
      if (tap.selector) {
        await page.locator(tap.selector).first().click({ timeout: DEFAULT_WITHIN_MS });
        return;
      }
      const name = tap.key ? m(ctx.lang, tap.key, Object.fromEntries(Object.entries(tap.args ?? {}).map(([k, v]) => [k, String(v)]))) : tap.literal;
      if (!name) throw new Error('tap needs key, literal or selector');
      await page.getByRole(tap.role, { name, exact: tap.exact }).first().click({ timeout: DEFAULT_WITHIN_MS });
      return;
    }
    case 'type':
      for (const char of step.value) await page.getByRole('button', { name: char, exact: true }).first().click();
      return;
    case 'sign': {
      const pad = await page.getByRole('img', { name: m(ctx.lang, 'signature.pad') }).boundingBox({ timeout: DEFAULT_WITHIN_MS });
      if (!pad) throw new Error('no signature pad on screen');
      await page.mouse.move(pad.x + 60, pad.y + pad.height * 0.6);
      await page.mouse.down();
      for (let i = 1; i <= 24; i++) await page.mouse.move(pad.x + 60 + i * 25, pad.y + pad.height * (0.6 - 0.25 * Math.sin(i / 2)));
      await page.mouse.up();
      return;
    }
    case 'wait':
      await page.waitForTimeout(parseDuration(step.value) ?? 0);
      return;
    case 'control':
      return control(step.value);
    case 'card': {
      const card = step.value;
      if (card === 'lift') return control({ device: 'card-reader', action: 'remove' });
      if (typeof card === 'string') return control({ device: 'card-reader', action: 'place', profile: card });
      if ('resident' in card) return control({ device: 'card-reader', action: 'place-resident', resident: card.resident });
      return control({ device: 'card-reader', action: 'remove-during-next-read' });
    }
    case 'finger':
      return control({ device: 'fingerprint-scanner', action: 'present', quality: step.value.quality, matches: step.value.matches });
    case 'gauge':
      if (step.value !== null && typeof step.value === 'object') return control({ device: 'height-gauge', action: 'set-unstable', unstable: step.value.unstable });
      return control({ device: 'height-gauge', action: 'set-height', heightMm: step.value });
    case 'payment': {
      const p = typeof step.value === 'string' ? { outcome: step.value } : step.value;
      return control({ device: 'payment-terminal', action: 'queue', outcome: p.outcome, ...('reason' in p && p.reason ? { reason: p.reason } : {}) });
    }
    case 'printer':
      return control({ device: 'receipt-printer', action: 'set-paper', paper: step.value });
    case 'unplug':
      return control({ device: step.value, action: 'disconnect' } as ControlCommandInput);
    case 'replug':
      return control({ device: step.value, action: 'reconnect' } as ControlCommandInput);
    case 'latency':
      return control({ device: step.value.device, action: 'set-latency', ms: step.value.ms } as ControlCommandInput);
    case 'backoffice': {
      // The simulator takes the whole fault set: keep what the file does not change.
      const current = (await (await kiosk.backofficeControl('/v1/_control/faults')).json()) as Record<string, unknown>;
      const next = { ...current, ...step.value };
      ctx.log(`backoffice faults ${JSON.stringify(next)}`);
      const answer = await kiosk.backofficeControl('/v1/_control/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(next) });
      if (!answer.ok) throw new Error(`back-office faults → ${answer.status} ${await answer.text()}`);
      return;
    }
    case 'govpay':
      return govPay(ctx, step.value);
    case 'application': {
      const { resident, service, feeAvos, ready } = step.value;
      const receipt = await submitApplication(kiosk, resident, service, { feeAvos });
      ctx.log(`backoffice application ${service} of ${resident} → ${receipt}`);
      if (ready) {
        await markReady(kiosk, receipt);
        ctx.log(`backoffice ${receipt} ready at C12`);
      }
      return;
    }
    case 'clock': {
      ctx.log(`clock   ${JSON.stringify(step.value)}`);
      const answer = await fetch(`${kiosk.origin}/control/api/clock`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kiosk.controlToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(step.value),
      });
      if (!answer.ok) throw new Error(`clock → ${answer.status} ${await answer.text()}`);
      ctx.log(`clock   now ${JSON.stringify(((await answer.json()) as { clock: unknown }).clock)}`);
      return;
    }
    case 'expect':
      return checkExpectation(ctx, step.value);
  }
}

/** The newest pending GovPay payment is paid in the resident's app, or expires. Waits for the QR to exist. */
async function govPay(ctx: StepContext, what: 'paid' | 'expired'): Promise<void> {
  const deadline = Date.now() + DEFAULT_WITHIN_MS;
  for (;;) {
    const { payments } = (await (await ctx.kiosk.backofficeControl('/v1/_control/govpay')).json()) as { payments: Array<{ reference: string; status: string }> };
    const pending = payments.filter((p) => p.status === 'pending').at(-1);
    if (pending) {
      const ref = encodeURIComponent(pending.reference);
      ctx.log(`govpay  ${what} ${pending.reference}`);
      const answer =
        what === 'paid'
          ? await fetch(`${ctx.kiosk.backofficeUrl}/v1/govpay/payments/${ref}/pay`, { method: 'POST' })
          : await ctx.kiosk.backofficeControl(`/v1/_control/govpay/${ref}/expire`, { method: 'POST' });
      if (!answer.ok) throw new Error(`govpay ${what} → ${answer.status} ${await answer.text()}`);
      return;
    }
    if (Date.now() > deadline) throw new ExpectationFailed('a pending GovPay payment', `none (${payments.length} payments: ${payments.map((p) => p.status).join(', ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
