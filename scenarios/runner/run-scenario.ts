import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchKioskHost, repoRoot } from '../../tests/e2e/support/host-process.js';
import type { Lang, Scenario, Step } from './format.js';
import { onScreenOf } from './expectations.js';
import { ExpectationFailed, runStep, type StepContext } from './run-step.js';

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

/** Runs one validated scenario on a fresh kiosk in its own browser context; never throws. */
export async function runScenario(browser: Browser, scenario: Scenario, options: { lang?: Lang; loop?: boolean; outDir: string }): Promise<ScenarioResult> {
  const started = Date.now();
  const lang = options.lang ?? scenario.lang;
  mkdirSync(options.outDir, { recursive: true });
  const deviceLog: string[] = [];
  const log = (line: string): void => void deviceLog.push(`${((Date.now() - started) / 1000).toFixed(2).padStart(7)}s  ${line}`);
  const steps: StepResult[] = scenario.steps.map((s) => ({ line: s.line, kind: s.kind, summary: summarise(s), status: 'skipped', ms: 0 }));
  const result: ScenarioResult = { file: scenario.file, name: scenario.name, lang, verdict: 'failed', ms: 0, steps, deviceLog, finalState: null, hostLog: '' };

  let host: Awaited<ReturnType<typeof launchKioskHost>> | undefined;
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'zh-MO', timezoneId: 'Asia/Macau' });
  try {
    // `--loop`: every device through its real driver and transport (pcscd, ptys): the hardware loop.
    host = await launchKioskHost({ ...hostConfig(scenario), ...(options.loop ? { loop: {} } : {}) });
    const page = await context.newPage();
    const ctx: StepContext = { page, kiosk: host.kiosk, scenario, lang, log };
    for (const [i, step] of scenario.steps.entries()) {
      const at = Date.now();
      const record = steps[i]!;
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
      if (record.status === 'failed') break;
    }
    result.verdict = steps.every((s) => s.status === 'passed') ? 'passed' : 'failed';
    result.finalState = await host.kiosk.state().catch(() => null);
  } catch (error) {
    // The kiosk did not start (or the browser failed): the run fails with the reason.
    steps[0] = { ...steps[0]!, status: 'failed', error: (error as Error).message.slice(0, 2000) };
  } finally {
    await context.close().catch(() => {});
    result.hostLog = host?.stderr().slice(-20_000) ?? '';
    await host?.stop(true);
  }
  result.ms = Date.now() - started;
  return result;
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
