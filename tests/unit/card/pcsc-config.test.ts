import { it, expect } from 'vitest';
import { HostConfigSchema } from '../../../electron/host/config/schema.js';
it('accepts a pcsc card reader with virtual cards, and refuses one with no trust anchor or on another device', () => {
  const base = { rendererDir: '/x', rulesDir: '/y' };
  const ok = HostConfigSchema.parse({ ...base, devices: { 'card-reader': { driver: 'pcsc', virtualCards: {} } } });
  expect(ok.devices['card-reader']).toMatchObject({ driver: 'pcsc', virtualCards: { port: 35963 }, extendedLength: true });
  expect(HostConfigSchema.safeParse({ ...base, devices: { 'card-reader': { driver: 'pcsc' } } }).success).toBe(false);
  expect(HostConfigSchema.safeParse({ ...base, devices: { 'height-gauge': { driver: 'pcsc', virtualCards: {} } } }).success).toBe(false);
});
