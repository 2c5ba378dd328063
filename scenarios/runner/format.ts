import { z } from 'zod';
import { DEVICE_KINDS } from '../../devices/kinds.js';
import { ApplicationState, PaymentState } from '../../electron/shared/kiosk-api/schemas/journal-states.js';
import { ServiceId } from '../../electron/shared/kiosk-api/schemas/service-id.js';
import { SEED_RESIDENTS } from '../../simulators/backoffice/seed.js';
import { SEED_CARD_IDS } from '../../simulators/backoffice/seed-cards.js';
import { PROFILE_IDS } from '../../simulators/card-reader/profiles.js';
import { ClockCommand, Duration, Instant } from '../../simulators/control/clock-command.js';
import { ControlCommand } from '../../simulators/control/commands.js';

/**
 * The scenario file format (YAML): a tester's script of one visit and its faults. Every step is a
 * map with exactly one key, the step's kind; its value is checked by that kind's schema below, so
 * a misspelt field is an error (strict objects) that names the file, line and field (load.ts).
 * Device steps are shorthands for the control API's commands (`control:` takes any of them).
 */

export const LANGS = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.output<typeof Lang>;

/**
 * What the resident reads: a locale key (`greeting.continue`, shown in the current language),
 * a key with arguments, or a literal text (`{ literal: "1234567(9)" }`) for data on screen.
 */
const LocaleKey = z.string().regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'a locale key like "greeting.continue"');
export const Text = z.union([
  LocaleKey,
  z.strictObject({ key: LocaleKey, args: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  z.strictObject({ literal: z.string().min(1).max(200) }),
]);
export type Text = z.output<typeof Text>;

export const ROLES = ['button', 'link', 'heading', 'checkbox', 'radio', 'tab', 'option', 'textbox', 'img', 'row', 'alert'] as const;

const Tap = z.union([
  Text,
  z.strictObject({
    key: LocaleKey.optional(),
    args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    literal: z.string().min(1).max(200).optional(),
    role: z.enum(ROLES).default('button'),
    /** Whole name (default) or a part of it. */
    exact: z.boolean().default(true),
    /** A CSS selector instead of a name, for what has no accessible name of its own (e.g. `[data-place="hq"]`). */
    selector: z.string().min(1).max(200).optional(),
  }),
]);

const Paper = z.enum(['ok', 'near-end', 'out', 'cover-open']);
const Outcome = z.enum(['approve', 'decline', 'timeout', 'lose-response']);

const Expect = z
  .strictObject({
    /** The screen's heading. */
    screen: Text.optional(),
    /** Each text is visible. */
    text: z.union([Text, z.array(Text).min(1).max(20)]).optional(),
    /** None of these texts is visible. */
    absent: z.union([Text, z.array(Text).min(1).max(20)]).optional(),
    /** An alert (role alert) says this. */
    alert: Text.optional(),
    /**
     * Each message was read aloud on the current screen, from its clip (read aloud must be on: the
     * accessibility panel). Locale keys only: speech is made of pre-rendered clips, one per message.
     */
    spoken: z.union([LocaleKey, z.array(LocaleKey).min(1).max(20)]).optional(),
    /** The receipt printer printed `count` receipts (default: at least one); the last one contains each text. */
    receipt: z.strictObject({ count: z.number().int().min(0).max(20).optional(), contains: z.array(z.string().min(1)).max(20).default([]) }).optional(),
    /** What the back-office simulator holds: how many applications, and the newest one's fields. */
    backoffice: z
      .strictObject({
        applications: z.number().int().min(0).max(100).optional(),
        service: ServiceId.optional(),
        feeAvos: z.number().int().min(0).optional(),
        paid: z.boolean().optional(),
        withdrawn: z.boolean().optional(),
        refunded: z.boolean().optional(),
        heightMm: z.number().int().optional(),
        /** Sent unpaid, to be paid at a counter (the flag the kiosk sets). */
        payAtCounter: z.boolean().optional(),
      })
      .optional(),
    /** GovPay payments the back office holds, by status, e.g. `{ paid: 1 }`. */
    govpay: z.partialRecord(z.enum(['pending', 'paid', 'expired', 'cancelled', 'refunded']), z.number().int().min(0)).optional(),
    /** Money taken by the terminal and kept (approved, not voided): never more than this. `charged: 1` is "no double charge". */
    charged: z.number().int().min(0).max(10).optional(),
    /** The visit left nothing of the resident behind: no card in the reader, the attract screen, no name or card number of theirs on it. */
    noPersonalData: z.literal(true).optional(),
    /** What the kiosk's journal holds (no personal data): how many applications, the newest one's state and its last payment's state, open sessions. */
    journal: z
      .strictObject({
        applications: z.number().int().min(0).max(100).optional(),
        state: ApplicationState.optional(),
        payment: PaymentState.optional(),
        openSessions: z.number().int().min(0).max(10).optional(),
      })
      .optional(),
    /** Staff calls made so far. */
    staffCalls: z.number().int().min(0).optional(),
    /** How long to wait for the screen to agree (default 15s). */
    within: Duration.optional(),
  })
  .refine((e) => Object.keys(e).some((k) => k !== 'within'), 'an expectation needs at least one check (screen, text, receipt, …)');

/** Every step kind and the schema of its value. */
export const STEP_SCHEMAS = {
  // ---- the resident ----
  /** Attract screen → the language's button → the service's tile. */
  open: ServiceId,
  /** The language bar: switch to this language (the visit keeps its place). */
  language: Lang,
  tap: Tap,
  /** Taps each character's key on the on-screen keypad (PIN, share code, phone number). */
  type: z.string().min(1).max(40),
  /** Draws a signature on the pad. */
  sign: z.literal(true),
  wait: Duration,
  // ---- devices (the control API) ----
  control: ControlCommand,
  card: z.union([z.enum(PROFILE_IDS), z.literal('lift'), z.strictObject({ resident: z.enum(SEED_CARD_IDS) }), z.strictObject({ liftDuringNextRead: z.literal(true) })]),
  finger: z.strictObject({ quality: z.number().int().min(0).max(100).default(85), matches: z.boolean().default(true) }),
  gauge: z.union([z.number().int().min(0).max(5000), z.null(), z.strictObject({ unstable: z.boolean() })]),
  payment: z.union([Outcome, z.strictObject({ outcome: Outcome, reason: z.string().regex(/^[a-z0-9-]{1,64}$/).optional() })]),
  printer: Paper,
  unplug: z.enum(DEVICE_KINDS),
  replug: z.enum(DEVICE_KINDS),
  latency: z.strictObject({ device: z.enum(DEVICE_KINDS), ms: z.number().int().min(0).max(60_000) }),
  // ---- the back office (its simulator's faults; unset fields keep their value) ----
  backoffice: z.strictObject({
    down: z.boolean().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    refusing: z.boolean().optional(),
    submissions: z.enum(['ok', 'unavailable', 'lose-response']).optional(),
  }),
  /** The resident pays the pending GovPay QR in the app, or it expires. */
  govpay: z.enum(['paid', 'expired']),
  /**
   * An application an earlier visit made (a seed resident's, submitted to the back-office simulator
   * as a kiosk submits it), and with `ready` its document made ready at counter C12: what a
   * document-collection visit needs. The first one on a fresh kiosk is receipt R0000000001.
   */
  application: z.strictObject({
    resident: z.string().refine((id) => SEED_RESIDENTS.some((r) => r.id === id), 'a back-office seed resident id (simulators/backoffice/seed.ts)'),
    service: ServiceId,
    feeAvos: z.number().int().min(0).max(1_000_000).default(0),
    ready: z.boolean().default(false),
  }),
  // ---- the clock ----
  clock: ClockCommand,
  // ---- checks ----
  expect: Expect,
} as const;

export type StepKind = keyof typeof STEP_SCHEMAS;
export type Step = { [K in StepKind]: { kind: K; value: z.output<(typeof STEP_SCHEMAS)[K]>; line: number } }[StepKind];

/** The file's top level; `steps` items are checked one by one against STEP_SCHEMAS (load.ts). */
export const ScenarioHead = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  /** The resident's language (`--lang` overrides it). */
  lang: Lang.default('en'),
  /** The kiosk's clock at start (all simulated: config/clock.ts). Default: a working Tuesday in office hours. */
  clock: Instant.default('2026-11-24T10:30:00+08:00'),
  /** Host configuration merged over the runner's default (simulators' delay, payment default, fees…). */
  kiosk: z
    .strictObject({
      paymentDefault: z.enum(['approve', 'wait']).default('wait'),
      delayMs: z.number().int().min(0).max(2000).default(100),
      /** Payment methods per service, over config/fees.json (e.g. GovPay for a renewal). */
      paymentMethods: z.partialRecord(ServiceId, z.array(z.string().min(1)).min(1)).optional(),
    })
    .default({ paymentDefault: 'wait', delayMs: 100 }),
  /**
   * What the kiosk camera (Chromium's fake camera) plays: a resident's face (default: the live
   * photo works), or receipt R0000000001's QR held up to it (collection by QR).
   */
  camera: z.enum(['face', 'receipt-qr']).default('face'),
  /** The person whose data must be gone after the visit (`expect: { noPersonalData: true }`): texts from their card. */
  resident: z.array(z.string().min(1)).max(10).default([]),
  steps: z.array(z.unknown()).min(1).max(200),
});
export type ScenarioHead = z.output<typeof ScenarioHead>;

export interface Scenario extends Omit<ScenarioHead, 'steps'> {
  file: string;
  steps: Step[];
}
