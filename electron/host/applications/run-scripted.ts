/**
 * A headless kiosk host for the crash-point test (tests/integration/crash, tests/soak): the same
 * journal, back-office client and orchestrator the KioskApi handlers use, driven by a script
 * instead of a resident, against a back office and a payment terminal in other processes.
 *
 *   node --import tsx electron/host/applications/run-scripted.ts --journal F --key HEX \
 *     --backoffice URL --terminal URL --session-id ID --scenario approve [--captures F] [--recover-only]
 *
 * The renewal is complete, as the kiosk captures it (photo, fingerprints, signature, height), or the
 * back office would refuse it: `--captures F` reads it from a JSON file of `{ [seedResidentId]:
 * { request, personal } }` (the harness makes it once with simulators/backoffice/sample-capture.ts, so
 * no host process loads the image library); without it the runner makes it itself.
 *
 * It first recovers whatever a previous run left (crash hook disarmed), prints
 * `{"event":"recovered",…}` (and with `--await-go` waits for a line on stdin), then arms `KIOSK_CRASH_AT` (see journal/crash-points.ts) and runs one
 * resident's session, printing `{"event":"done",…}`. Killed at the armed point, it prints nothing more.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HttpPaymentTerminal } from '../../../simulators/payment-terminal/remote/http-payment-terminal.js';
import { BackofficeClient } from '../backoffice/client.js';
import { crashHookFromSpec, parseCrashSpec } from '../journal/crash-points.js';
import { Journal } from '../journal/journal.js';
import { createLogger } from '../log.js';
import { RequestSchema } from '../../shared/kiosk-api/schemas/service-facts.js';
import { createServiceRules, loadRulesConfig } from '../service-rules/index.js';
import { govPayGateway, terminalGateway } from './gateways.js';
import { ApplicationOrchestrator } from './orchestrator.js';
import type { PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import { PersonalPayload } from './payload.js';

import { SCENARIOS, type Scenario } from './crash-scenarios.js';
import { arg } from './harness-args.js';

export { SCENARIOS, type Scenario };

/** What `--captures` holds, checked like any input from outside the process. */
export const CapturesFile = z.record(z.string(), z.strictObject({ request: RequestSchema, personal: PersonalPayload.omit({ kioskId: true, request: true }) }));
export type CapturesFile = z.infer<typeof CapturesFile>;

async function renewalOf(residentId: string, argv: string[]): Promise<CapturesFile[string]> {
  const i = argv.indexOf('--captures');
  if (i >= 0) {
    const found = CapturesFile.parse(JSON.parse(readFileSync(arg(argv, '--captures'), 'utf8')))[residentId];
    if (!found) throw new Error(`--captures has no ${residentId}`);
    return found;
  }
  const { sampleCapture } = await import('../../../simulators/backoffice/sample-capture.js');
  return sampleCapture(residentId, 'renew-permanent');
}

async function main(argv: string[]): Promise<void> {
  const crash = crashHookFromSpec(parseCrashSpec(process.env.KIOSK_CRASH_AT));
  const journal = new Journal({ path: arg(argv, '--journal'), key: Buffer.from(arg(argv, '--key'), 'hex'), crash: crash.hook });
  const backoffice = new BackofficeClient({ url: arg(argv, '--backoffice'), timeoutMs: 3000 });
  const terminal = new HttpPaymentTerminal(arg(argv, '--terminal'));
  // Opened as a host's DeviceHub would: a terminal that is not open refuses every sale before sending.
  await terminal.open().catch(() => undefined);
  const orchestrator = new ApplicationOrchestrator({
    journal,
    backoffice,
    gateways: { terminal: terminalGateway(terminal), govpay: govPayGateway(backoffice, { pollMs: 20 }) },
    kioskId: 'CRASH-TEST',
    // Logs go to stderr like the real host's; the personal-data scan reads them.
    log: createLogger({ level: process.env.KIOSK_LOG_LEVEL === 'debug' ? 'debug' : 'warn' }),
    enquiry: { attempts: 10, delayMs: 50 },
  });

  const recovered = await orchestrator.recover();
  process.stdout.write(JSON.stringify({ event: 'recovered', ...recovered }) + '\n');
  if (argv.includes('--recover-only')) {
    journal.close();
    return;
  }

  // The harness checks the previous session and arranges its faults while this process waits.
  if (argv.includes('--await-go')) await firstLine(process.stdin);
  const scenario = arg(argv, '--scenario') as Scenario;
  if (!(SCENARIOS as readonly string[]).includes(scenario)) throw new Error(`unknown scenario ${scenario}`);
  const sessionId = arg(argv, '--session-id');
  crash.arm();

  // A complete renewal as the kiosk captures it (photo, fingerprints, signature, height): the back office checks.
  const sample = await renewalOf(scenario === 'refused' ? 'refused-at-submission' : 'chan-tai-man', argv);
  const rules = createServiceRules(loadRulesConfig('config'));
  const quote = rules.quote('renew-permanent', sample.request);
  orchestrator.sessionStarted(sessionId);
  const created = await orchestrator.create({ sessionId, service: 'renew-permanent', request: sample.request, quote, personal: sample.personal });
  let status = created;
  if (scenario !== 'walk-away') {
    const choice: PaymentMethod = scenario === 'govpay' ? 'govpay' : 'unionpay-quickpass';
    status = await orchestrator.submit(created.applicationId, choice, new AbortController().signal);
    if (scenario === 'decline-then-approve') status = await orchestrator.submit(created.applicationId, 'macau-pass', new AbortController().signal);
    if (scenario === 'cancel-after-payment') status = await orchestrator.cancel(created.applicationId);
  }
  await orchestrator.sessionEnded(sessionId, 'finished');
  process.stdout.write(JSON.stringify({ event: 'done', state: status.state, receipt: status.receipt?.receiptNumber ?? null }) + '\n');
  journal.close();
}

function firstLine(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer | string): void => {
      if (!String(chunk).includes('\n')) return;
      stream.off('data', onData);
      stream.pause();
      resolve();
    };
    stream.on('data', onData);
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`run-scripted failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
