import type { Page } from '@playwright/test';
import type { KioskHostFixture } from '../../tests/e2e/support/host-process.js';
import { m } from '../../tests/e2e/support/kiosk-page.js';
import type { Lang, Scenario, Text } from './format.js';
import { resolveText } from './load.js';

/** What every step and check shares: its context, the failure type and the default wait (kept apart from run-step so the checks need not import the runner). */
/** What a step runs against: the page, the kiosk, the resident's current language, and the device log. */
export interface StepContext {
  page: Page;
  kiosk: KioskHostFixture;
  scenario: Scenario;
  lang: Lang;
  log(line: string): void;
  /** What the kiosk had done before the scenario (all 0 on a fresh kiosk): counting checks count from here. */
  since: Counts;
}

/** The kiosk's counts the checks compare with: receipts printed, charges kept, back-office applications and GovPay payments, journal applications, staff calls. */
export interface Counts {
  printed: number;
  charged: number;
  applications: number;
  govpay: number;
  journal: number;
  staffCalls: number;
}

/** An expectation that did not hold: what the file asked for and what the kiosk showed. */
export class ExpectationFailed extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`expected ${expected}\n  actual: ${actual}`);
  }
}

export const DEFAULT_WITHIN_MS = 15_000;

export function text(ctx: StepContext, value: Text): string {
  return resolveText(value, (key, args) => m(ctx.lang, key, args));
}

