/**
 * A headless kiosk host for the crash-point test through the real path (tests/integration/crash,
 * `npm run soak:crash`): `createHost` with its real KioskApi handlers, driven over the bridge like
 * the touchscreen, the payment terminal on its serial driver over a pty (its far end and the back
 * office run in the harness, outliving this process), every other device simulated in-process.
 *
 *   node --import tsx electron/host/applications/run-visit.ts --journal F --key HEX \
 *     --backoffice URL --terminal /path/to/pty --scenario approve [--await-go] [--recover-only]
 *
 * It starts (the host recovers whatever a previous run left, crash hook disarmed), prints
 * `{"event":"recovered",…}` (with `--await-go` waits for a line on stdin), arms `KIOSK_CRASH_AT`
 * (journal/crash-points.ts), runs one resident's visit and prints `{"event":"session","sessionId":…}`
 * as soon as the visit has one, then `{"event":"done",…}`. Killed at the armed point, it prints no more.
 */
import { createKioskApi } from '../../shared/kiosk-api/client.js';
import { createPipePair } from '../bridge/memory-pipe.js';
import { parseHostConfig } from '../config/load.js';
import { createHost } from '../host.js';
import { crashHookFromSpec, parseCrashSpec } from '../journal/crash-points.js';
import { createLogger } from '../log.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';
import { SCENARIOS, type Scenario } from './crash-scenarios.js';
import { arg } from './harness-args.js';

async function main(argv: string[]): Promise<void> {
  const crash = crashHookFromSpec(parseCrashSpec(process.env.KIOSK_CRASH_AT));
  const config = parseHostConfig({
    kioskId: 'CRASH-TEST',
    // A test harness: a real serial driver against a simulated terminal, and the back-office simulator over http.
    testMode: true,
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0, paymentDefault: 'approve', controlApi: false },
    devices: {
      'payment-terminal': {
        driver: 'serial',
        path: arg(argv, '--terminal'),
        heartbeatMs: 200,
        // Generous: on a loaded machine the terminal's far end (another process) can stall past a
        // second, and a missed heartbeat takes the terminal offline, refusing the sale under test.
        answerTimeoutMs: 5_000,
        ackTimeoutMs: 100,
        requestTimeoutMs: 1_000,
        processingTimeoutMs: 300,
        cardTimeoutMs: 5_000,
      },
    },
    backoffice: { url: arg(argv, '--backoffice'), simulator: false, timeoutMs: 3_000, retryIntervalSeconds: 3_600 },
    journal: { path: arg(argv, '--journal'), keyHex: arg(argv, '--key') },
  });
  // Logs go to stderr like the real host's; the harness keeps them for a failure's story.
  const log = createLogger({ level: process.env.KIOSK_LOG_LEVEL === 'debug' ? 'debug' : 'warn' });
  const host = await createHost(config, { log, crash: crash.hook }); // recovers before it returns
  process.stdout.write(JSON.stringify({ event: 'recovered' }) + '\n');
  if (argv.includes('--recover-only')) {
    await host.stop();
    return;
  }
  if (argv.includes('--await-go')) await firstLine(process.stdin);
  const scenario = arg(argv, '--scenario') as Scenario;
  if (!(SCENARIOS as readonly string[]).includes(scenario)) throw new Error(`unknown scenario ${scenario}`);
  crash.arm();

  const pipes = createPipePair();
  host.bridge.connect(pipes.server);
  const api = createKioskApi(pipes.client);
  const must = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message?: string } }, what: string): T => {
    if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message ?? ''}`);
    return result.value;
  };

  const session = must(await api.session.start({ language: 'en' }), 'session.start');
  process.stdout.write(JSON.stringify({ event: 'session', sessionId: session.sessionId }) + '\n');
  const controls = host.simulatorControls;
  if (!controls) throw new Error('no simulator controls');
  // The whole visit, as the touchscreen walks it: card, finger, prints, photo, height, signature, review, pickup.
  await walkVisit(api, controls, 'renew-permanent', { applicant: scenario === 'refused' ? { resident: 'refused-at-submission' } : 'expired' });
  const started = must(await api.applications.start({ service: 'renew-permanent' }), 'applications.start');
  let state = started.state;
  if (scenario !== 'walk-away') {
    const pay = async (payment: 'unionpay-quickpass' | 'macau-pass' | 'govpay'): Promise<void> => {
      state = must(await api.applications.submit({ applicationId: started.applicationId, payment }), 'applications.submit').state;
    };
    await pay(scenario === 'govpay' ? 'govpay' : 'unionpay-quickpass');
    if (scenario === 'decline-then-approve') await pay('macau-pass');
    if (scenario === 'cancel-after-payment') state = must(await api.applications.cancel({ applicationId: started.applicationId }), 'applications.cancel').state;
  }
  must(await api.session.end({ reason: 'finished' }), 'session.end');
  await host.stop(); // waits for the session's end (journaled) and closes the journal
  process.stdout.write(JSON.stringify({ event: 'done', state }) + '\n');
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

main(process.argv.slice(2)).then(
  () => process.exit(0), // the serial line's handles would otherwise keep the process up
  (error: unknown) => {
    process.stderr.write(`run-visit failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
