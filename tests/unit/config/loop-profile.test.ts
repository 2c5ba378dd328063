import { describe, expect, it } from 'vitest';
import { loadHostConfig, parseHostConfig } from '../../../electron/host/config/load.js';
import { clockFromConfig } from '../../../electron/host/config/clock.js';

describe('the hardware-loop profile', () => {
  it('--loop gives every class its real driver over a local transport, in one directory', () => {
    const config = loadHostConfig({ env: { KIOSK_STATE_DIR: '/tmp/kiosk-loop-test-state' }, argv: ['--loop'] });
    const dir = config.loop?.dir ?? '';
    expect(dir).not.toBe('');
    expect(config.devices['card-reader']).toMatchObject({ driver: 'pcsc', reader: 'Virtual PCD 00 00', virtualCards: { port: 35963 } });
    expect(config.devices['fingerprint-scanner']).toEqual({ driver: 'hid', socket: `${dir}/fingerprint-scanner.sock` });
    expect(config.devices['height-gauge']).toMatchObject({ driver: 'serial', path: `${dir}/height-gauge` });
    expect(config.devices['payment-terminal']).toMatchObject({ driver: 'serial', path: `${dir}/payment-terminal`, processingTimeoutMs: 5_000 });
    expect(config.devices['receipt-printer']).toMatchObject({ driver: 'serial', path: `${dir}/receipt-printer` });
    expect(config.devices.camera).toEqual({ driver: 'simulator' });
  });

  it('its far ends are simulators: a tester may start its clock, as on the all-simulated kiosk', () => {
    const base = { rendererDir: 'x', rulesDir: 'y', simulators: { clockStartsAt: '2026-11-24T10:30:00+08:00' } };
    const looped = parseHostConfig({ ...base, loop: { dir: '/tmp/x' }, devices: { 'height-gauge': { driver: 'serial', path: '/tmp/x/g' } } });
    expect(Math.abs(clockFromConfig(looped)().getTime() - Date.parse('2026-11-24T10:30:00+08:00'))).toBeLessThan(5_000);
    // A real device is not test mode: the real back office over mutual TLS (config/test-mode.ts).
    const realBackoffice = { url: 'https://bo.example', tls: { caFile: '/etc/dsi-kiosk/ca.pem', certFile: '/etc/dsi-kiosk/kiosk.pem', keyFile: '/etc/dsi-kiosk/kiosk.key' } };
    const real = parseHostConfig({ ...base, backoffice: realBackoffice, devices: { 'height-gauge': { driver: 'serial', path: '/dev/ttyUSB0' } } });
    expect(Math.abs(clockFromConfig(real)().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('a HID scanner is a USB device or the loop’s socket, never both or neither', () => {
    // testMode: a real USB scanner with the back-office simulator (config/test-mode.ts).
    const base = { rendererDir: 'x', rulesDir: 'y', testMode: true };
    expect(() => parseHostConfig({ ...base, devices: { 'fingerprint-scanner': { driver: 'hid' } } })).toThrow(/socket/);
    expect(() => parseHostConfig({ ...base, devices: { 'fingerprint-scanner': { driver: 'hid', vendorId: 1, productId: 2, socket: '/tmp/s' } } })).toThrow(/socket/);
    expect(parseHostConfig({ ...base, devices: { 'fingerprint-scanner': { driver: 'hid', vendorId: 1, productId: 2 } } }).devices['fingerprint-scanner']).toMatchObject({ vendorId: 1 });
  });
});
