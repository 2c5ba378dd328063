import { z } from 'zod';
import { FINGERS } from '../../devices/fingerprint-scanner/contract.js';
import type { DeviceKind } from '../../devices/kinds.js';
import { CAMERA_REPORTS } from '../camera/reports.js';
import { PROFILE_IDS } from '../card-reader/profiles.js';
import { SEED_CARD_IDS } from '../backoffice/seed-cards.js';
import type { SimulatorControls } from '../index.js';
import { SAMPLE_DOCUMENTS } from '../document-scanner/samples.js';

/**
 * The one control API of the simulators, so every tester tool drives the same thing: the tests, the CLI and the control panel
 * all send these commands. A command is `{ device, action, ...parameters }`; the schema is strict,
 * so a misspelt parameter is an error rather than silently ignored.
 */

/** Actions every device has. */
function common<D extends DeviceKind>(device: D) {
  const d = z.literal(device);
  return [
    z.strictObject({ device: d, action: z.literal('disconnect') }),
    z.strictObject({ device: d, action: z.literal('reconnect') }),
    z.strictObject({ device: d, action: z.literal('set-latency'), ms: z.number().int().min(0).max(60_000) }),
    z.strictObject({
      device: d,
      action: z.literal('set-fault'),
      fault: z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/, 'a fault is a stable code like "sensor-fault"')
        .nullable(),
    }),
  ] as const;
}

const cardReader = z.discriminatedUnion('action', [
  z.strictObject({ device: z.literal('card-reader'), action: z.literal('place'), profile: z.enum(PROFILE_IDS) }),
  z.strictObject({ device: z.literal('card-reader'), action: z.literal('place-resident'), resident: z.enum(SEED_CARD_IDS) }),
  z.strictObject({ device: z.literal('card-reader'), action: z.literal('remove') }),
  z.strictObject({ device: z.literal('card-reader'), action: z.literal('remove-during-next-read') }),
  z.strictObject({ device: z.literal('card-reader'), action: z.literal('reset-cards') }),
  ...common('card-reader'),
]);

const fingerprintScanner = z.discriminatedUnion('action', [
  z.strictObject({
    device: z.literal('fingerprint-scanner'),
    action: z.literal('present'),
    quality: z.number().int().min(0).max(100),
    matches: z.boolean(),
  }),
  z.strictObject({
    device: z.literal('fingerprint-scanner'),
    action: z.literal('set-missing'),
    finger: z.enum(FINGERS),
    missing: z.boolean().default(true),
  }),
  z.strictObject({ device: z.literal('fingerprint-scanner'), action: z.literal('clear-queue') }),
  ...common('fingerprint-scanner'),
]);

const camera = z.discriminatedUnion('action', [
  z.strictObject({ device: z.literal('camera'), action: z.literal('unplug') }),
  z.strictObject({ device: z.literal('camera'), action: z.literal('plug') }),
  z.strictObject({ device: z.literal('camera'), action: z.literal('report'), report: z.enum(CAMERA_REPORTS) }),
  ...common('camera'),
]);

const heightGauge = z.discriminatedUnion('action', [
  z.strictObject({
    device: z.literal('height-gauge'),
    action: z.literal('set-height'),
    // Beyond the gauge's range on purpose: testers check that implausible readings are ignored.
    heightMm: z.number().int().min(0).max(5_000).nullable(),
  }),
  z.strictObject({ device: z.literal('height-gauge'), action: z.literal('set-unstable'), unstable: z.boolean() }),
  z.strictObject({ device: z.literal('height-gauge'), action: z.literal('line-garbage') }),
  ...common('height-gauge'),
]);

const paymentTerminal = z.discriminatedUnion('action', [
  z.strictObject({
    device: z.literal('payment-terminal'),
    action: z.literal('queue'),
    outcome: z.enum(['approve', 'decline', 'timeout', 'lose-response']),
    reason: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'a decline reason is a stable code like "insufficient-funds"')
      .optional(),
    balanceAvos: z.number().int().min(0).max(100_000_000).optional(),
  }),
  z.strictObject({ device: z.literal('payment-terminal'), action: z.literal('set-default'), mode: z.enum(['approve', 'wait']) }),
  z.strictObject({ device: z.literal('payment-terminal'), action: z.literal('clear-queue') }),
  // The serial line's faults (the hardware loop's terminal at the far end of a pty; refused in-process).
  z.strictObject({ device: z.literal('payment-terminal'), action: z.literal('line-garbage') }),
  z.strictObject({ device: z.literal('payment-terminal'), action: z.literal('corrupt-frames'), frames: z.number().int().min(1).max(10) }),
  z.strictObject({ device: z.literal('payment-terminal'), action: z.literal('power-cycle'), offMs: z.number().int().min(0).max(60_000) }),
  ...common('payment-terminal'),
]);

const receiptPrinter = z.discriminatedUnion('action', [
  z.strictObject({
    device: z.literal('receipt-printer'),
    action: z.literal('set-paper'),
    paper: z.enum(['ok', 'near-end', 'out', 'cover-open']),
  }),
  z.strictObject({ device: z.literal('receipt-printer'), action: z.literal('clear-printed') }),
  z.strictObject({ device: z.literal('receipt-printer'), action: z.literal('line-garbage') }),
  ...common('receipt-printer'),
]);

const documentScanner = z.discriminatedUnion('action', [
  z.strictObject({ device: z.literal('document-scanner'), action: z.literal('place'), document: z.enum(SAMPLE_DOCUMENTS) }),
  z.strictObject({ device: z.literal('document-scanner'), action: z.literal('set-glare'), glare: z.boolean() }),
  z.strictObject({ device: z.literal('document-scanner'), action: z.literal('set-cover'), open: z.boolean() }),
  z.strictObject({ device: z.literal('document-scanner'), action: z.literal('set-stalled'), stalled: z.boolean() }),
  ...common('document-scanner'),
]);

export const ControlCommand = z.discriminatedUnion('device', [
  cardReader,
  fingerprintScanner,
  camera,
  heightGauge,
  paymentTerminal,
  receiptPrinter,
  documentScanner,
]);
/** What callers write (defaults optional). */
export type ControlCommandInput = z.input<typeof ControlCommand>;
/** What `parseControlCommand` returns (defaults filled in). */
export type ControlCommand = z.output<typeof ControlCommand>;

/** A command that is malformed or names something unknown; `message` says what and where. */
export class ControlCommandError extends Error {
  readonly code = 'invalid-command';
  constructor(message: string) {
    super(message);
    this.name = 'ControlCommandError';
  }
}

export function parseControlCommand(input: unknown): ControlCommand {
  const result = ControlCommand.safeParse(input);
  if (!result.success) throw new ControlCommandError(`invalid control command: ${z.prettifyError(result.error)}`);
  return result.data;
}

export type SimulatorSnapshot = { [K in keyof SimulatorControls]: ReturnType<SimulatorControls[K]['state']> };

/** The state of every simulator, as JSON-safe data for the panel and the CLI. */
export function snapshot(controls: SimulatorControls): SimulatorSnapshot {
  return {
    'card-reader': controls['card-reader'].state(),
    'fingerprint-scanner': controls['fingerprint-scanner'].state(),
    camera: controls.camera.state(),
    'height-gauge': controls['height-gauge'].state(),
    'payment-terminal': controls['payment-terminal'].state(),
    'receipt-printer': controls['receipt-printer'].state(),
    'document-scanner': controls['document-scanner'].state(),
  };
}

export interface ControlResult {
  ok: true;
  device: DeviceKind;
  action: string;
  /** The device's state after the command. */
  state: SimulatorSnapshot[DeviceKind];
}

/**
 * Validates and applies one command. Takes `unknown` because most input is unchecked JSON (HTTP
 * API, CLI); typed callers pass a `ControlCommandInput`. Throws ControlCommandError when malformed.
 */
export function applyControlCommand(controls: SimulatorControls, input: unknown): ControlResult {
  const command = parseControlCommand(input);
  apply(controls, command);
  return { ok: true, device: command.device, action: command.action, state: controls[command.device].state() };
}

function apply(controls: SimulatorControls, command: ControlCommand): void {
  // Actions every device shares first; then each device's own.
  switch (command.action) {
    case 'disconnect':
      return controls[command.device].disconnect();
    case 'reconnect':
      return controls[command.device].reconnect();
    case 'set-latency':
      return controls[command.device].setLatencyMs(command.ms);
    case 'set-fault':
      return controls[command.device].setFault(command.fault);
  }
  switch (command.device) {
    case 'card-reader': {
      const c = controls['card-reader'];
      switch (command.action) {
        case 'place':
          return c.placeCard(command.profile);
        case 'place-resident':
          return c.placeResident(command.resident);
        case 'remove':
          return c.removeCard();
        case 'remove-during-next-read':
          return c.setRemoveDuringNextRead(true);
        case 'reset-cards':
          return c.resetCards();
      }
      return;
    }
    case 'fingerprint-scanner': {
      const c = controls['fingerprint-scanner'];
      switch (command.action) {
        case 'present':
          return c.presentFinger({ quality: command.quality, matches: command.matches });
        case 'set-missing':
          return c.setMissing(command.finger, command.missing);
        case 'clear-queue':
          return c.clearQueue();
      }
      return;
    }
    case 'camera': {
      const c = controls.camera;
      switch (command.action) {
        case 'unplug':
          return c.unplug();
        case 'plug':
          return c.plug();
        case 'report':
          return c.report(command.report);
      }
      return;
    }
    case 'height-gauge': {
      const c = controls['height-gauge'];
      switch (command.action) {
        case 'set-height':
          return c.setHeightMm(command.heightMm);
        case 'set-unstable':
          return c.setUnstable(command.unstable);
        case 'line-garbage':
          return onTheLine(serialLine(c, command.device).sendGarbage());
      }
      return;
    }
    case 'payment-terminal': {
      const c = controls['payment-terminal'];
      switch (command.action) {
        case 'queue':
          return c.queueOutcome({
            outcome: command.outcome,
            ...(command.reason !== undefined ? { reason: command.reason } : {}),
            ...(command.balanceAvos !== undefined ? { balanceAvos: command.balanceAvos } : {}),
          });
        case 'set-default':
          return c.setDefault(command.mode);
        case 'clear-queue':
          return c.clearQueue();
        case 'line-garbage':
          return onTheLine(serialLine(c, command.device).sendGarbage());
        case 'corrupt-frames':
          return serialLine(c, command.device, 'corruptNextFrames').corruptNextFrames(command.frames);
        case 'power-cycle':
          return onTheLine(serialLine(c, command.device, 'powerCycle').powerCycle(command.offMs));
      }
      return;
    }
    case 'receipt-printer': {
      const c = controls['receipt-printer'];
      switch (command.action) {
        case 'set-paper':
          return c.setPaper(command.paper);
        case 'clear-printed':
          return c.clearPrinted();
        case 'line-garbage':
          return onTheLine(serialLine(c, command.device).sendGarbage());
      }
      return;
    }
    case 'document-scanner': {
      const c = controls['document-scanner'];
      switch (command.action) {
        case 'place':
          return c.placeDocument(command.document);
        case 'set-glare':
          return c.setGlare(command.glare);
        case 'set-cover':
          return c.setCoverOpen(command.open);
        case 'set-stalled':
          return c.setStalled(command.stalled);
      }
      return;
    }
  }
}

/** What a serial far end (the hardware loop's pty peers) adds to a device's control: faults on the line itself. */
interface SerialLineFaults {
  sendGarbage(): Promise<void>;
  corruptNextFrames(frames: number): void;
  powerCycle(offMs: number): Promise<void>;
}

/**
 * The control's line faults, when the device sits at the far end of a real serial line; an
 * in-process simulator has no line, so the command is refused with a reason a tester can act on.
 */
function serialLine<K extends keyof SerialLineFaults = 'sendGarbage'>(control: object, device: DeviceKind, needs?: K): Pick<SerialLineFaults, K | 'sendGarbage'> {
  const method = needs ?? 'sendGarbage';
  if (typeof (control as Partial<SerialLineFaults>)[method] !== 'function' || typeof (control as Partial<SerialLineFaults>).sendGarbage !== 'function') {
    throw new ControlCommandError(`${device}: line faults need the device on a serial line (the hardware loop: npm start -- --loop)`);
  }
  return control as Pick<SerialLineFaults, K | 'sendGarbage'>;
}

/** The devices that can have line faults, and the faults each takes (the commands above). */
export const LINE_FAULTS = {
  'height-gauge': ['line-garbage'],
  'payment-terminal': ['line-garbage', 'corrupt-frames', 'power-cycle'],
  'receipt-printer': ['line-garbage'],
} as const satisfies Partial<Record<DeviceKind, readonly string[]>>;

/**
 * Whether each serial device's line faults can be sent now, and if not why (the reason the command
 * would be refused with): the panel shows the buttons disabled with it.
 */
export function lineFaultsState(controls: SimulatorControls): Record<keyof typeof LINE_FAULTS, { available: boolean; reason?: string }> {
  const one = (device: keyof typeof LINE_FAULTS) => {
    try {
      serialLine(controls[device], device);
      return { available: true };
    } catch (error) {
      return { available: false, reason: (error as Error).message };
    }
  };
  return { 'height-gauge': one('height-gauge'), 'payment-terminal': one('payment-terminal'), 'receipt-printer': one('receipt-printer') };
}

/** A line fault runs on its own (the far end writes, or powers off and on); a line that is down meanwhile is not the tester's error. */
function onTheLine(fault: Promise<void>): void {
  fault.catch(() => undefined);
}
