import { afterEach, describe, expect, it } from 'vitest';
import type { SerialHeightGauge } from '../../../devices/height-gauge/drivers/serial-height-gauge.js';
import type { SerialGaugePeer } from '../../../simulators/height-gauge/serial-gauge-peer.js';
import { expectDeviceError, record } from '../../contracts/shared/helpers.js';
import { hubReports, hubWith } from './hub.js';
import { type PeerRig, startGaugePeer } from './peers.js';

let rig: PeerRig<SerialHeightGauge, SerialGaugePeer> | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

describe('height gauge over a pty: the line protocol end to end', () => {
  it('applies the calibration offset, and reports the simulator', async () => {
    rig = await startGaugePeer({ sampleMs: 3 }, { calibrationOffsetMm: -12 });
    await rig.device.open();
    expect(rig.device.info()).toMatchObject({ model: 'Simulator', firmware: 'sim-hg-1' });
    rig.peer.control.setHeightMm(1_712);
    expect(await rig.device.measure({ timeoutMs: 2_000 })).toEqual({ heightMm: 1_700 });
    const { peer } = rig;
    await until(() => !peer.control.state().streaming); // the driver stops the stream after a result
  });

  it('prompts step-on, stand-straight, measuring, step-off in order as the resident arrives, fidgets and stands still', async () => {
    rig = await startGaugePeer({ sampleMs: 3 });
    await rig.device.open();
    const prompts = record(rig.device, 'prompt');
    const measuring = rig.device.measure({ timeoutMs: 3_000 });
    await until(() => prompts.payloads.length === 1);
    rig.peer.control.setUnstable(true);
    rig.peer.control.setHeightMm(1_540);
    await until(() => prompts.payloads.length === 2);
    rig.peer.control.setUnstable(false);
    expect(await measuring).toEqual({ heightMm: 1_540 });
    expect(prompts.payloads.map((p) => p.prompt)).toEqual(['step-on', 'stand-straight', 'measuring', 'step-off']);
  });

  it('ignores garbage, damaged lines and half lines on the wire', async () => {
    rig = await startGaugePeer({ sampleMs: 3 });
    await rig.device.open();
    rig.peer.control.setHeightMm(1_650);
    await rig.peer.control.sendGarbage();
    expect(await rig.device.measure({ timeoutMs: 2_000 })).toEqual({ heightMm: 1_650 });
    expect(rig.device.badLines).toBeGreaterThan(0);
    expect(rig.device.diagnostics()).toEqual({ badLines: rig.device.badLines });
  });

  it('self-test reports a sensor fault', async () => {
    rig = await startGaugePeer();
    await rig.device.open();
    rig.peer.control.setFault('transducer-open');
    expect(await rig.device.selfTest()).toEqual({
      passed: false,
      checks: [
        { name: 'link', passed: true },
        { name: 'sensor', passed: false, detail: 'transducer-open' },
      ],
    });
  });

  it('unplugged mid-measure rejects not-connected; plugged back the hub reconnects it', async () => {
    rig = await startGaugePeer({ sampleMs: 3 });
    const { device, peer } = rig;
    const { hub } = hubWith('height-gauge', device);
    await hub.start();
    await hubReports(hub, 'height-gauge', 'online');
    const measuring = device.measure({ timeoutMs: 3_000 });
    measuring.catch(() => undefined);
    await peer.control.disconnect();
    await hubReports(hub, 'height-gauge', 'offline');
    await expectDeviceError(measuring, 'not-connected', 'unplugged');
    await peer.control.reconnect();
    await hubReports(hub, 'height-gauge', 'online');
    peer.control.setHeightMm(1_800);
    expect(await device.measure({ timeoutMs: 2_000 })).toEqual({ heightMm: 1_800 });
    await hub.stop();
  });
});

async function until(predicate: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
