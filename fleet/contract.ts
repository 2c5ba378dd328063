import { z } from 'zod';
import { DEVICE_KINDS } from '../devices/kinds.js';

/**
 * The fleet's MQTT contract (docs/fleet.md): every topic and payload a kiosk publishes, every
 * command the operations dashboard sends back, versioned and validated with zod on both ends.
 * Payloads carry codes, counts and times only: never a resident's name, card number or image.
 *
 * Topics (`v1` is the contract version; a breaking change publishes under `v2` beside it):
 *   dsi/v1/kiosk/<kioskId>/status           retained  birth (online) / last will (offline)
 *   dsi/v1/kiosk/<kioskId>/health/<device>  retained  one device's health
 *   dsi/v1/kiosk/<kioskId>/state            retained  in service, maintenance, outbox, last visit
 *   dsi/v1/kiosk/<kioskId>/counters         retained  the technician counters, periodically
 *   dsi/v1/kiosk/<kioskId>/event                      faults, paper, staff calls, payments, maintenance
 *   dsi/v1/kiosk/<kioskId>/command-result             the answer to a command (and its audit)
 *   dsi/v1/kiosk/<kioskId>/diagnostics                a diagnostics bundle asked for
 *   dsi/v1/command/<kioskId>                          commands to one kiosk (operations only)
 * A kiosk's broker user is its id: the ACL lets it write `dsi/v1/kiosk/<its id>/#` and read
 * `dsi/v1/command/<its id>` only.
 */
export const FLEET_CONTRACT_VERSION = 1;
export const TOPIC_ROOT = 'dsi/v1';

/** Safe in a topic level and a broker user name: no `/`, `+`, `#` or spaces. */
export const KioskId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
export type KioskId = z.infer<typeof KioskId>;

const Iso = z.iso.datetime({ offset: true });
/** A stable code (device detail, error code, screen name): lower-case words and `-`, `:`. */
const Code = z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,79}$/);
const DeviceKind = z.enum(DEVICE_KINDS);

/** Every kiosk message: contract version, kiosk, when, and a per-kiosk sequence number (loss and duplicate counting). */
const envelope = { v: z.literal(FLEET_CONTRACT_VERSION), kioskId: KioskId, at: Iso, seq: z.number().int().nonnegative() };

export const StatusMessage = z.discriminatedUnion('state', [
  z.strictObject({
    ...envelope,
    state: z.literal('online'),
    version: z.string().max(40),
    /** SHA-256 of the kiosk's configuration without its secrets (fleet/config-digest.ts). */
    configDigest: z.string().regex(/^[0-9a-f]{64}$/),
    /** The services the kiosk can offer at birth. */
    services: z.array(Code).max(40),
  }),
  // The last will: the broker publishes it when the kiosk's connection drops without a goodbye.
  z.strictObject({ v: z.literal(FLEET_CONTRACT_VERSION), kioskId: KioskId, state: z.literal('offline') }),
]);
export type StatusMessage = z.infer<typeof StatusMessage>;

export const HealthMessage = z.strictObject({
  ...envelope,
  device: DeviceKind,
  state: z.enum(['online', 'offline', 'degraded']),
  detail: Code.nullable(),
  model: z.string().max(80),
});
export type HealthMessage = z.infer<typeof HealthMessage>;

export const PaperLevel = z.enum(['ok', 'low', 'out', 'unknown']);
export const StateMessage = z.strictObject({
  ...envelope,
  inService: z.boolean(),
  /** Taken out of service from the operations dashboard (a `take-out-of-service` command). */
  operatorHold: z.boolean(),
  maintenance: z.boolean(),
  services: z.array(Code).max(40),
  paper: PaperLevel,
  outbox: z.strictObject({
    /** Applications or payments not yet settled with the back office or the payment system. */
    pending: z.number().int().nonnegative(),
    oldestAgeSeconds: z.number().int().nonnegative().nullable(),
    unknownPayments: z.number().int().nonnegative(),
  }),
  /** When the last visit started (no more: not who). */
  lastVisitAt: Iso.nullable(),
  /** Telemetry waiting in the kiosk's own store-and-forward queue when this was queued. */
  telemetryQueued: z.number().int().nonnegative(),
});
export type StateMessage = z.infer<typeof StateMessage>;

export const CountersMessage = z.strictObject({
  ...envelope,
  since: Iso,
  counts: z.record(z.string().regex(/^[a-z0-9][a-z0-9:_.-]{0,79}$/), z.number().int().nonnegative()),
});
export type CountersMessage = z.infer<typeof CountersMessage>;

export const FleetEvent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('device-fault'), device: DeviceKind, state: z.enum(['offline', 'degraded']), detail: Code.nullable() }),
  z.strictObject({ kind: z.literal('device-recovered'), device: DeviceKind }),
  z.strictObject({ kind: z.literal('paper'), level: PaperLevel }),
  z.strictObject({ kind: z.literal('staff-call'), callId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), screen: z.string().regex(/^[a-z][a-z0-9:-]{0,80}$/) }),
  z.strictObject({ kind: z.literal('staff-call-acknowledged'), callId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), by: z.string().max(40) }),
  z.strictObject({ kind: z.literal('payments-stuck'), unknown: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('applications-queued-old'), count: z.number().int().positive(), oldestAgeSeconds: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('maintenance'), phase: z.enum(['entered', 'exited']), staffId: z.string().regex(/^[A-Z0-9-]{2,20}$/).nullable() }),
  z.strictObject({ kind: z.literal('service'), inService: z.boolean(), operatorHold: z.boolean() }),
]);
export type FleetEvent = z.infer<typeof FleetEvent>;
export const EventMessage = z.strictObject({ ...envelope, event: FleetEvent });
export type EventMessage = z.infer<typeof EventMessage>;

/** A command from the operations dashboard; `by` is the operator's id (audited on the kiosk). */
export const CommandBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('acknowledge-staff-call'), callId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) }),
  z.strictObject({ kind: z.literal('take-out-of-service'), reason: Code }),
  z.strictObject({ kind: z.literal('put-back-in-service') }),
  z.strictObject({ kind: z.literal('request-diagnostics') }),
]);
export type CommandBody = z.infer<typeof CommandBody>;
export const CommandMessage = z.strictObject({
  v: z.literal(FLEET_CONTRACT_VERSION),
  commandId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  kioskId: KioskId,
  by: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/),
  issuedAt: Iso,
  command: CommandBody,
});
export type CommandMessage = z.infer<typeof CommandMessage>;

/** A command older than this when it arrives is refused (`command-expired`): a queued "take out of service" must not surprise anyone hours later. */
export const COMMAND_MAX_AGE_SECONDS = 300;

export const CommandResultMessage = z.strictObject({
  ...envelope,
  commandId: z.string().max(64),
  kind: z.string().max(40),
  by: z.string().max(40),
  ok: z.boolean(),
  /** A stable code when refused: `invalid-command`, `wrong-kiosk`, `command-expired`, `duplicate-command`, `unknown-call`. */
  code: Code.nullable(),
});
export type CommandResultMessage = z.infer<typeof CommandResultMessage>;

/** The diagnostics bundle: versions, configuration digest, device status, recent faults. No personal data. */
export const DiagnosticsMessage = z.strictObject({
  ...envelope,
  commandId: z.string().max(64),
  versions: z.record(z.string().max(40), z.string().max(40)),
  configDigest: z.string().regex(/^[0-9a-f]{64}$/),
  devices: z.array(z.strictObject({ device: DeviceKind, state: z.enum(['online', 'offline', 'degraded']), detail: Code.nullable(), model: z.string().max(80) })).max(20),
  recentFaults: z.array(z.strictObject({ at: Iso, device: DeviceKind, state: z.enum(['offline', 'degraded']), detail: Code.nullable() })).max(50),
  counters: z.record(z.string().max(80), z.number().int().nonnegative()),
  uptimeSeconds: z.number().int().nonnegative(),
});
export type DiagnosticsMessage = z.infer<typeof DiagnosticsMessage>;

/** Each kiosk topic's leaf, its schema, and whether the broker keeps the last one (retained). */
export const KIOSK_TOPICS = {
  status: { schema: StatusMessage, retained: true, telemetry: false },
  health: { schema: HealthMessage, retained: true, telemetry: true },
  state: { schema: StateMessage, retained: true, telemetry: true },
  counters: { schema: CountersMessage, retained: true, telemetry: true },
  event: { schema: EventMessage, retained: false, telemetry: false },
  'command-result': { schema: CommandResultMessage, retained: false, telemetry: false },
  diagnostics: { schema: DiagnosticsMessage, retained: false, telemetry: false },
} as const;
export type KioskTopicKind = keyof typeof KIOSK_TOPICS;

export function kioskTopic(kioskId: string, kind: KioskTopicKind, device?: string): string {
  return `${TOPIC_ROOT}/kiosk/${kioskId}/${kind}${kind === 'health' ? `/${device ?? ''}` : ''}`;
}
export function commandTopic(kioskId: string): string {
  return `${TOPIC_ROOT}/command/${kioskId}`;
}
/** What the operations dashboard subscribes to. */
export const ALL_KIOSKS = `${TOPIC_ROOT}/kiosk/#`;

export type KioskMessage =
  | { kind: 'status'; kioskId: string; message: StatusMessage }
  | { kind: 'health'; kioskId: string; message: HealthMessage }
  | { kind: 'state'; kioskId: string; message: StateMessage }
  | { kind: 'counters'; kioskId: string; message: CountersMessage }
  | { kind: 'event'; kioskId: string; message: EventMessage }
  | { kind: 'command-result'; kioskId: string; message: CommandResultMessage }
  | { kind: 'diagnostics'; kioskId: string; message: DiagnosticsMessage };

export class FleetMessageError extends Error {
  constructor(
    readonly code: 'unknown-topic' | 'malformed-json' | 'invalid-payload' | 'topic-mismatch',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A kiosk message as the dashboard reads it: the topic names the kind, the payload must match its
 * schema and name the same kiosk as its topic (the ACL makes the topic the sender's identity).
 */
export function parseKioskMessage(topic: string, payload: Uint8Array | string): KioskMessage {
  const parts = topic.split('/');
  if (parts.length < 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'kiosk') throw new FleetMessageError('unknown-topic', topic);
  const kioskId = parts[3]!;
  const kind = parts[4]!;
  if (!Object.hasOwn(KIOSK_TOPICS, kind)) throw new FleetMessageError('unknown-topic', topic);
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
  } catch {
    throw new FleetMessageError('malformed-json', topic);
  }
  const parsed = KIOSK_TOPICS[kind as KioskTopicKind].schema.safeParse(json);
  if (!parsed.success) throw new FleetMessageError('invalid-payload', `${topic}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  if (parsed.data.kioskId !== kioskId) throw new FleetMessageError('topic-mismatch', `${topic} carries ${parsed.data.kioskId}`);
  if (kind === 'health' && (parsed.data as HealthMessage).device !== parts[5]) throw new FleetMessageError('topic-mismatch', topic);
  return { kind, kioskId, message: parsed.data } as KioskMessage;
}

/** A command as the kiosk reads it (the same checks the dashboard made before sending it). */
export function parseCommand(payload: Uint8Array | string): { ok: true; command: CommandMessage } | { ok: false; code: 'invalid-command' } {
  try {
    const parsed = CommandMessage.safeParse(JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8')));
    return parsed.success ? { ok: true, command: parsed.data } : { ok: false, code: 'invalid-command' };
  } catch {
    return { ok: false, code: 'invalid-command' };
  }
}
