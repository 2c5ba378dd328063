import { recordStatusMessages } from '../../tests/e2e/support/status-record.js';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { type KioskHostFixture, launchKioskHost, repoRoot } from '../../tests/e2e/support/host-process.js';
import type { Lang, Scenario, Step } from './format.js';
import { onScreenOf } from './expectations.js';
import { runStep } from './run-step.js';
import { type Counts, ExpectationFailed, type StepContext } from './step-context.js';

export interface StepResult {
  line: number;
  kind: Step['kind'];
  summary: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  screenshot?: string;
  expected?: string;
  actual?: string;
  error?: string;
}

export interface ScenarioResult {
  file: string;
  name: string;
  lang: Lang;
  verdict: 'passed' | 'failed';
  ms: number;
  steps: StepResult[];
  deviceLog: string[];
  finalState: unknown;
  hostLog: string;
}

/** What the runner says as a scenario goes (the panel's launcher shows it live). */
export type RunProgress =
  | { event: 'start'; file: string; name: string; steps: Array<{ line: number; summary: string }> }
  | { event: 'step'; index: number; line: number; summary: string; status: 'running' | 'passed' | 'failed'; screenshot?: string; expected?: string; actual?: string; error?: string }
  | { event: 'end'; verdict: 'passed' | 'failed'; ms: number };

export interface RunOptions {
  lang?: Lang;
  loop?: boolean;
  outDir: string;
  /** Run against this kiosk, already running (the panel's launcher), instead of starting a fresh one. */
  attach?: KioskHostFixture;
  onProgress?: (progress: RunProgress) => void;
}

/** Runs one validated scenario on a fresh kiosk (or the attached one) in its own browser context; never throws. */
export async function runScenario(browser: Browser, scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const started = Date.now();
  const lang = options.lang ?? scenario.lang;
  mkdirSync(options.outDir, { recursive: true });
  const deviceLog: string[] = [];
  const log = (line: string): void => void deviceLog.push(`${((Date.now() - started) / 1000).toFixed(2).padStart(7)}s  ${line}`);
  const steps: StepResult[] = scenario.steps.map((s) => ({ line: s.line, kind: s.kind, summary: summarise(s), status: 'skipped', ms: 0 }));
  const result: ScenarioResult = { file: scenario.file, name: scenario.name, lang, verdict: 'failed', ms: 0, steps, deviceLog, finalState: null, hostLog: '' };

  const progress = options.onProgress ?? (() => {});
  progress({ event: 'start', file: scenario.file, name: scenario.name, steps: steps.map((s) => ({ line: s.line, summary: s.summary })) });
  let host: Awaited<ReturnType<typeof launchKioskHost>> | undefined;
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'zh-MO', timezoneId: 'Asia/Macau' });
  try {
    // `--loop`: every device through its real driver and transport (pcscd, ptys): the hardware loop.
    if (!options.attach) host = await launchKioskHost({ ...hostConfig(scenario), ...(options.loop ? { loop: {} } : {}) });
    const kiosk = options.attach ?? host!.kiosk;
    if (options.attach) await prepareAttached(kiosk, scenario, log);
    const page = await context.newPage();
    // Device successes show for a moment before the flow moves on by itself: recorded as they appear.
    await recordStatusMessages(page);
    const ctx: StepContext = { page, kiosk, scenario, lang, log, since: await countsNow(kiosk) };
    for (const [i, step] of scenario.steps.entries()) {
      const at = Date.now();
      const record = steps[i]!;
      progress({ event: 'step', index: i, line: record.line, summary: record.summary, status: 'running' });
      try {
        await runStep(ctx, step);
        record.status = 'passed';
      } catch (error) {
        record.status = 'failed';
        if (error instanceof ExpectationFailed) {
          record.expected = error.expected;
          record.actual = error.actual;
        } else {
          record.error = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 6).join('\n');
          record.actual = await onScreenOf(page);
        }
      }
      record.ms = Date.now() - at;
      record.screenshot = `${String(i + 1).padStart(2, '0')}-${step.kind}.png`;
      await page.screenshot({ path: join(options.outDir, record.screenshot) }).catch(() => (record.screenshot = undefined));
      progress({ event: 'step', index: i, line: record.line, summary: record.summary, status: record.status, screenshot: record.screenshot, expected: record.expected, actual: record.actual, error: record.error });
      if (record.status === 'failed') break;
    }
    result.verdict = steps.every((s) => s.status === 'passed') ? 'passed' : 'failed';
    result.finalState = await kiosk.state().catch(() => null);
  } catch (error) {
    // The kiosk did not start (or the browser failed): the run fails with the reason.
    steps[0] = { ...steps[0]!, status: 'failed', error: (error as Error).message.slice(0, 2000) };
    progress({ event: 'step', index: 0, line: steps[0].line, summary: steps[0].summary, status: 'failed', error: steps[0].error });
  } finally {
    await context.close().catch(() => {});
    result.hostLog = host?.stderr().slice(-20_000) ?? '';
    await host?.stop(true);
  }
  result.ms = Date.now() - started;
  progress({ event: 'end', verdict: result.verdict, ms: result.ms });
  return result;
}

/**
 * A kiosk already running keeps its configuration: the file's clock is reached by a jump (when the
 * clock can move), the terminal's default is set by command, and payment methods (a fees file) or
 * the simulators' delay cannot change, so a file that needs other payment methods is refused.
 */
async function prepareAttached(kiosk: KioskHostFixture, scenario: Scenario, log: (line: string) => void): Promise<void> {
  if (scenario.kiosk.paymentMethods) throw new Error('this scenario sets kiosk.paymentMethods, which only a fresh kiosk can take: run it with npm run scenario');
  const clock = await fetch(`${kiosk.origin}/control/api/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kiosk.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ jumpTo: scenario.clock }),
  });
  log(clock.ok ? `clock   jumped to ${scenario.clock}` : `clock   not moved (${clock.status}): this kiosk runs on the real clock`);
  await kiosk.control({ device: 'payment-terminal', action: 'set-default', mode: scenario.kiosk.paymentDefault });
  log(`device  payment-terminal default ${scenario.kiosk.paymentDefault}`);
}

/** What the kiosk has already done (a running kiosk's earlier visits): the counting checks count from here. */
async function countsNow(kiosk: KioskHostFixture): Promise<Counts> {
  const state = await kiosk.state();
  const list = async (path: string, field: string): Promise<number> => {
    if (!kiosk.backofficeUrl) return 0;
    const body = (await (await kiosk.backofficeControl(path)).json()) as Record<string, unknown[]>;
    return body[field]?.length ?? 0;
  };
  return {
    printed: (state['receipt-printer'] as { printedCount: number }).printedCount,
    charged: (state['payment-terminal'] as { transactions: Array<{ state: string }> }).transactions.filter((t) => t.state === 'approved').length,
    applications: await list('/v1/_control/applications', 'applications'),
    govpay: await list('/v1/_control/govpay', 'payments'),
    journal: ((state.journal as { applications?: unknown[] } | undefined)?.applications ?? []).length,
    staffCalls: ((state['staff-calls'] as { count?: number } | undefined)?.count ?? 0),
  };
}

/** The kiosk's configuration for this scenario: all simulated, its clock, its operator data. */
function hostConfig(scenario: Scenario): Record<string, unknown> {
  const simulators = { delayMs: scenario.kiosk.delayMs, paymentDefault: scenario.kiosk.paymentDefault, clockStartsAt: scenario.clock };
  if (!scenario.kiosk.paymentMethods) return { simulators };
  // A copy of config/ whose fees offer these payment methods (as tests/e2e/govpay.e2e.ts does).
  const rulesDir = mkdtempSync(join(tmpdir(), 'kiosk-scenario-rules-'));
  cpSync(join(repoRoot, 'config'), rulesDir, { recursive: true });
  const feesFile = join(rulesDir, 'fees.json');
  const fees = JSON.parse(readFileSync(feesFile, 'utf8')) as { kioskPaymentMethods: Record<string, string[]> };
  Object.assign(fees.kioskPaymentMethods, scenario.kiosk.paymentMethods);
  writeFileSync(feesFile, JSON.stringify(fees));
  return { simulators, rulesDir };
}

function summarise(step: Step): string {
  const value = JSON.stringify(step.value);
  return `${step.kind}: ${value.length > 140 ? `${value.slice(0, 140)}…` : value}`;
}
