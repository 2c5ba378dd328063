import { describe, expect, it } from 'vitest';
import { DEFAULT_ENCLOSURE, EnclosureLayout } from '../../../electron/shared/kiosk-api/schemas/enclosure.js';
import { HostConfigSchema } from '../../../electron/host/config/schema.js';

/** The enclosure layout (where each device is on the kiosk's front): operator configuration, typed and checked. */
describe('enclosure layout', () => {
  it('defaults to the reference cabinet for every device', () => {
    const config = HostConfigSchema.parse({ rendererDir: '/r', rulesDir: '/x' });
    expect(config.enclosure.devices).toEqual(DEFAULT_ENCLOSURE);
  });

  it('takes an operator place for one device and keeps the others', () => {
    const layout = EnclosureLayout.parse({ devices: { 'card-reader': { side: 'left', level: 'screen' } } });
    expect(layout.devices['card-reader']).toEqual({ side: 'left', level: 'screen' });
    expect(layout.devices.camera).toEqual(DEFAULT_ENCLOSURE.camera);
  });

  it('refuses two devices at one place, naming both', () => {
    const result = EnclosureLayout.safeParse({ devices: { 'card-reader': { side: 'left', level: 'desk' } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe('devices');
    expect(result.error?.issues[0]?.message).toMatch(/fingerprint-scanner and card-reader are both at left\/desk/);
  });

  it('refuses an unknown device, side or level', () => {
    expect(EnclosureLayout.safeParse({ devices: { fax: { side: 'left', level: 'desk' } } }).success).toBe(false);
    expect(EnclosureLayout.safeParse({ devices: { camera: { side: 'back', level: 'top' } } }).success).toBe(false);
    expect(EnclosureLayout.safeParse({ devices: { camera: { side: 'left', level: 'roof' } } }).success).toBe(false);
  });
});
