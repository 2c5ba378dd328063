import { afterEach, describe, expect, it } from 'vitest';
import type { SerialPaymentTerminal } from '../../../devices/payment-terminal/drivers/serial-payment-terminal.js';
import type { SerialTerminalPeer } from '../../../simulators/payment-terminal/serial-terminal-peer.js';
import { applyControlCommand, ControlCommandError } from '../../../simulators/control/commands.js';
import { createSimulators, type SimulatorControls } from '../../../simulators/index.js';
import { type PeerRig, startPaymentPeer } from './peers.js';

/**
 * The serial line's faults as control commands (API, CLI, panel, scenario files): on the hardware
 * loop's terminal at the far end of a pty they reach the real driver; on an in-process simulator,
 * which has no line, they are refused with a reason.
 */
let rig: PeerRig<SerialPaymentTerminal, SerialTerminalPeer> | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

describe('line faults through the control commands', () => {
  it('garbage, corrupt frames and a power cycle reach the driver over the pty', async () => {
    rig = await startPaymentPeer({});
    await rig.device.open();
    const controls: SimulatorControls = { ...createSimulators().controls, 'payment-terminal': rig.peer.control };
    applyControlCommand(controls, { device: 'payment-terminal', action: 'line-garbage' });
    await expect.poll(() => rig!.device.linkStats().noiseBytes).toBeGreaterThan(0);
    applyControlCommand(controls, { device: 'payment-terminal', action: 'corrupt-frames', frames: 1 });
    const result = applyControlCommand(controls, { device: 'payment-terminal', action: 'power-cycle', offMs: 300 });
    expect(result.state).toMatchObject({ powered: false });
    await expect.poll(() => (rig!.peer.control.state() as { powered: boolean }).powered, { timeout: 5000 }).toBe(true);
  });

  it('an in-process simulator has no line: refused, naming what is needed', () => {
    const { controls } = createSimulators();
    for (const command of [
      { device: 'payment-terminal', action: 'line-garbage' },
      { device: 'payment-terminal', action: 'power-cycle', offMs: 100 },
      { device: 'receipt-printer', action: 'line-garbage' },
      { device: 'height-gauge', action: 'line-garbage' },
    ]) {
      expect(() => applyControlCommand(controls, command)).toThrow(ControlCommandError);
      expect(() => applyControlCommand(controls, command)).toThrow(/hardware loop/);
    }
  });
});
