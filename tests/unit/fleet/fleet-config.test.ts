import { describe, expect, it } from 'vitest';
import { parseHostConfig } from '../../../electron/host/config/load.js';

const inService = {
  rendererDir: '/x',
  rulesDir: '/y',
  testMode: false,
  backoffice: { url: 'https://backoffice.dsi.example', tls: { caFile: '/ca.pem', certFile: '/kiosk.pem', keyFile: '/kiosk.key' } },
};

describe('fleet configuration', () => {
  it('is off unless configured', () => {
    expect(parseHostConfig({ rendererDir: '/x', rulesDir: '/y' }).fleet).toBeUndefined();
  });

  it.each([
    [{ url: 'mqtt://broker.dsi.example:1883', passwordFile: '/run/credentials/fleet' }, 'fleet.url'],
    [{ url: 'mqtts://broker.dsi.example:8883', passwordFile: '/run/credentials/fleet' }, 'fleet.url'],
    [{ url: 'mqtts://broker.dsi.example:8883', tls: { caFile: '/ca.pem' }, password: 'inline' }, 'fleet.password'],
    [{ url: 'http://broker.dsi.example' }, 'fleet.url'],
  ])('refuses %j outside test mode, naming %s', (fleet, field) => {
    expect(() => parseHostConfig({ ...inService, fleet }, 'kiosk.json')).toThrowError(expect.objectContaining({ message: expect.stringContaining(field) }));
  });

  it('takes TLS with a password file outside test mode, and plain loopback in test mode', () => {
    expect(parseHostConfig({ ...inService, fleet: { url: 'mqtts://broker.dsi.example:8883', tls: { caFile: '/ca.pem' }, passwordFile: '/run/credentials/fleet' } }).fleet?.countersSeconds).toBe(60);
    expect(parseHostConfig({ rendererDir: '/x', rulesDir: '/y', fleet: { url: 'mqtt://127.0.0.1:1883', password: 'test' } }).fleet?.url).toBe('mqtt://127.0.0.1:1883');
  });
});
