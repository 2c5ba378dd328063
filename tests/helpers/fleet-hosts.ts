import mqtt, { type MqttClient } from 'mqtt';
import { getProfile, PROFILE_IDS } from '../../simulators/card-reader/profiles.js';
import { parseHostConfig } from '../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../electron/host/host.js';
import { silentLogger } from '../../electron/host/log.js';
import type { Mosquitto } from './mosquitto.js';

/** Per-kiosk broker passwords for the tests' Mosquitto (users = kiosk ids, plus `ops`). */
export const FLEET_IDS = ['KIOSK-A', 'KIOSK-B', 'KIOSK-C'] as const;
export const passwordOf = (user: string): string => `pw-${user.toLowerCase()}-test`;
export const fleetUsers = (): Record<string, string> => Object.fromEntries([...FLEET_IDS, 'ops', 'auditor'].map((user) => [user, passwordOf(user)]));

/** A real kiosk host (simulators, in memory) reporting to `broker` as `kioskId`. */
export async function fleetHost(broker: Mosquitto, kioskId: string, extra: Record<string, unknown> = {}): Promise<KioskHost> {
  const config = parseHostConfig({
    kioskId,
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0, paymentDefault: 'wait' },
    fleet: { url: broker.url, password: passwordOf(kioskId), countersSeconds: 60 },
    ...extra,
  });
  return createHost(config, { log: silentLogger, clock: () => new Date('2026-11-23T10:00:00+08:00') });
}

/** Everything said about every resident the simulators know: no fleet message may contain any of it. */
export function personalDataNeedles(): string[] {
  const needles = new Set<string>();
  for (const id of PROFILE_IDS) {
    const profile = getProfile(id);
    if (profile.chip !== 'id-card') continue;
    const { cardNumber, nameZh, nameLatin, dateOfBirth } = profile.visible;
    for (const value of [cardNumber, cardNumber.slice(0, 7), nameZh, nameLatin, dateOfBirth]) if (value && value.length >= 3) needles.add(value);
  }
  return [...needles];
}

/** Every message on the fleet's topics, raw, as a second operations client sees it (the personal-data scan). */
export async function tapFleet(broker: Mosquitto): Promise<{ client: MqttClient; messages: Array<{ topic: string; payload: string }> }> {
  const messages: Array<{ topic: string; payload: string }> = [];
  const client = mqtt.connect(broker.url, { username: 'ops', password: passwordOf('ops'), clientId: 'fleet-tap', clean: true, reconnectPeriod: 200 });
  client.on('message', (topic, payload) => messages.push({ topic, payload: payload.toString('utf8') }));
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => client.subscribe('dsi/#', { qos: 1 }, (error) => (error ? reject(error) : resolve())));
    client.once('error', reject);
  });
  return { client, messages };
}
