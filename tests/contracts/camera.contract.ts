import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraHealth } from '../../devices/camera/contract.js';
import { type BaseFixture, runBaseDeviceContract } from './shared/base-device.contract.js';
import { record } from './shared/helpers.js';

export type CameraFixture = BaseFixture<CameraHealth>;

export function runCameraContract(name: string, makeFixture: () => Promise<CameraFixture>): void {
  describe(`camera health contract: ${name}`, () => {
    runBaseDeviceContract('camera', makeFixture);

    let fixture: CameraFixture;
    let camera: CameraHealth;
    beforeEach(async () => {
      fixture = await makeFixture();
      camera = fixture.device;
      await camera.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('previews in the renderer', () => {
      expect(camera.capabilities().previewInRenderer).toBe(true);
    });

    it('follows the renderer’s reports, emitting only changes', () => {
      const statuses = record(camera, 'status');
      camera.report('streaming');
      expect(camera.status().state).toBe('online');
      camera.report('permission-denied');
      expect(camera.status()).toEqual({ state: 'degraded', detail: 'permission-denied' });
      camera.report('permission-denied');
      camera.report('no-device');
      expect(camera.status()).toEqual({ state: 'offline', detail: 'no-device' });
      camera.report('stream-error');
      expect(camera.status().state).toBe('degraded');
      camera.report('streaming');
      expect(statuses.payloads.map((s) => s.detail ?? s.state)).toEqual([
        'permission-denied',
        'no-device',
        'stream-error',
        'online',
      ]);
    });

    it('fails its self-test while the stream is broken', async () => {
      camera.report('stream-error');
      expect((await camera.selfTest()).passed).toBe(false);
      camera.report('streaming');
      expect((await camera.selfTest()).passed).toBe(true);
    });

    it('goes offline when unplugged, whatever the last report', async () => {
      camera.report('streaming');
      await fixture.driver.disconnect();
      expect(camera.status().state).toBe('offline');
    });
  });
}
