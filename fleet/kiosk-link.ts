import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { z } from 'zod';
import {
  commandTopic,
  FLEET_CONTRACT_VERSION,
  KIOSK_TOPICS,
  kioskTopic,
  type KioskTopicKind,
  parseCommand,
  type CommandMessage,
  type StatusMessage,
} from './contract.js';
import { Outbox } from './outbox.js';

type Envelope = 'v' | 'kioskId' | 'at' | 'seq';
/** What a caller gives for each kind: the message without its envelope. */
type Body<K extends KioskTopicKind> = K extends 'status'
  ? Omit<Extract<StatusMessage, { state: 'online' }>, Envelope | 'state'>
  : Omit<z.infer<(typeof KIOSK_TOPICS)[K]['schema']>, Envelope>;

export interface KioskLinkOptions {
  kioskId: string;
  url: string;
  /** The MQTT client id; `kiosk-<id>` by default (one session per kiosk). */
  clientId?: string;
  username?: string | undefined;
  password?: string | undefined;
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer } | undefined;
  outboxFile?: string | undefined;
  maxTelemetry?: number;
  clock?: () => Date;
  /** How many messages may wait for their PUBACK at once. */
  inFlight?: number;
  reconnectMs?: number;
  onCommand?: (command: CommandMessage | { invalid: true }) => void;
  onWarn?: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * One kiosk's connection to the fleet broker: publishes through the store-and-forward outbox
 * (fleet/outbox.ts) with QoS 1, removing a message only once the broker acknowledged it; a retained
 * "offline" last will; commands on the kiosk's own command topic. Every payload is validated
 * against the contract before it is queued, so a bug cannot publish something the dashboard would refuse.
 */
export class KioskLink {
  readonly outbox: Outbox;
  private readonly client: MqttClient;
  private readonly sending = new Set<number>();
  private seq = 0;
  private closed = false;
  private connectedOnce = false;
  /** Messages acknowledged by the broker since start (the bench and tests count them). */
  acknowledged = 0;

  constructor(private readonly options: KioskLinkOptions) {
    this.outbox = new Outbox({ file: options.outboxFile, maxTelemetry: options.maxTelemetry ?? 2000, ...(options.onWarn ? { onWarn: options.onWarn } : {}) });
    // Sequence numbers go on from the queue's last, so the dashboard's duplicate check survives a restart.
    this.seq = Date.now();
    const will: StatusMessage = { v: FLEET_CONTRACT_VERSION, kioskId: options.kioskId, state: 'offline' };
    const clientOptions: IClientOptions = {
      clientId: options.clientId ?? `kiosk-${options.kioskId}`,
      username: options.username ?? options.kioskId,
      ...(options.password !== undefined ? { password: options.password } : {}),
      protocolVersion: 4,
      clean: true,
      keepalive: 15,
      reconnectPeriod: options.reconnectMs ?? 1000,
      connectTimeout: 5000,
      // The outbox is the queue: nothing is handed to the client while it is offline.
      queueQoSZero: false,
      will: { topic: kioskTopic(options.kioskId, 'status'), payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: true },
      ...(options.tls ? { ...options.tls, rejectUnauthorized: true } : {}),
    };
    this.client = mqtt.connect(options.url, clientOptions);
    this.client.on('connect', () => {
      this.connectedOnce = true;
      this.sending.clear();
      this.client.subscribe(commandTopic(options.kioskId), { qos: 1 }, (error) => {
        if (error) options.onWarn?.('fleet: command subscription refused', { error: String(error) });
      });
      this.pump();
    });
    this.client.on('close', () => this.sending.clear());
    // Once per outage, not once per reconnect attempt: a broker down all night must not fill the log.
    let warned = false;
    this.client.on('connect', () => (warned = false));
    this.client.on('error', (error) => {
      if (warned) return;
      warned = true;
      options.onWarn?.('fleet: broker connection error (retrying; telemetry is queued)', { error: error.message, code: (error as { code?: unknown }).code ?? null, queued: this.outbox.size() });
    });
    this.client.on('message', (topic, payload) => {
      if (topic !== commandTopic(options.kioskId)) return;
      const parsed = parseCommand(payload);
      options.onCommand?.(parsed.ok ? parsed.command : { invalid: true });
    });
  }

  get connected(): boolean {
    return this.client.connected;
  }

  get hasConnected(): boolean {
    return this.connectedOnce;
  }

  /** Validates, queues and (when connected) sends one message; returns its sequence number. */
  publish<K extends KioskTopicKind>(kind: K, body: Body<K>, device?: string): number {
    const seq = ++this.seq;
    const envelope = { v: FLEET_CONTRACT_VERSION, kioskId: this.options.kioskId, at: (this.options.clock?.() ?? new Date()).toISOString(), seq };
    const message = kind === 'status' ? { ...envelope, state: 'online', ...body } : { ...envelope, ...body };
    const spec = KIOSK_TOPICS[kind];
    const checked = spec.schema.parse(message);
    this.outbox.add({ topic: kioskTopic(this.options.kioskId, kind, device), payload: JSON.stringify(checked), retain: spec.retained, telemetry: spec.telemetry });
    this.pump();
    return seq;
  }

  /** Sends what the outbox holds, oldest first, a window at a time; each leaves the outbox on its PUBACK. */
  private pump(): void {
    if (this.closed || !this.client.connected) return;
    const window = this.options.inFlight ?? 100;
    for (const entry of this.outbox.pending()) {
      if (this.sending.size >= window) return;
      if (this.sending.has(entry.id)) continue;
      this.sending.add(entry.id);
      this.client.publish(entry.topic, entry.payload, { qos: 1, retain: entry.retain }, (error) => {
        this.sending.delete(entry.id);
        if (error) return;
        if (this.outbox.has(entry.id)) this.acknowledged++;
        this.outbox.remove(entry.id);
        this.pump();
      });
    }
  }

  /** A clean goodbye: publishes "offline" itself (the will is only for a dropped connection). */
  async close(options: { goodbye?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    const connected = this.client.connected;
    if (options.goodbye !== false && connected) {
      const offline: StatusMessage = { v: FLEET_CONTRACT_VERSION, kioskId: this.options.kioskId, state: 'offline' };
      // At most a second: a host stopping never waits on a broker.
      await Promise.race([
        new Promise<void>((resolve) => this.client.publish(kioskTopic(this.options.kioskId, 'status'), JSON.stringify(offline), { qos: 1, retain: true }, () => resolve())),
        new Promise<void>((resolve) => setTimeout(resolve, 1000).unref()),
      ]);
    }
    this.closed = true;
    this.outbox.flush();
    // Unacknowledged messages stay in the outbox for the next start; a broker that is down is not waited for.
    await this.client.endAsync(!connected);
  }

  /** Tests: drop the connection without a goodbye (the broker then publishes the will). */
  async kill(): Promise<void> {
    this.closed = true;
    this.outbox.flush();
    await this.client.endAsync(true);
  }
}
