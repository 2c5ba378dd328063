import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS } from '../../../../devices/kinds.js';
import {
  applyControlCommand,
  ControlCommand,
  ControlCommandError,
  parseControlCommand,
  snapshot,
} from '../../../../simulators/control/commands.js';
import { COMMAND_HELP } from '../../../../simulators/control/help.js';
import { createSimulators } from '../../../../simulators/index.js';

function allActions(): Array<[string, string]> {
  return ControlCommand.options.flatMap((deviceUnion) =>
    deviceUnion.options.map((option): [string, string] => [option.shape.device.value, option.shape.action.value]),
  );
}

describe('control commands', () => {
  it('every device has the common actions', () => {
    const actions = allActions();
    for (const kind of DEVICE_KINDS) {
      for (const action of ['disconnect', 'reconnect', 'set-latency', 'set-fault']) {
        expect(actions).toContainEqual([kind, action]);
      }
    }
  });

  it('the help lists exactly the schema’s commands, with examples that apply', () => {
    const help = COMMAND_HELP.map((h): [string, string] => [h.device, h.action]);
    expect([...help].sort()).toEqual(allActions().sort());
    const { controls } = createSimulators();
    for (const entry of COMMAND_HELP) {
      expect(parseControlCommand(entry.example)).toMatchObject({ device: entry.device, action: entry.action });
      // A serial line's faults are refused in-process (tests/integration/serial/line-fault-commands.test.ts applies them over a pty).
      if (entry.loopOnly) expect(() => applyControlCommand(controls, entry.example)).toThrow(/hardware loop/);
      else expect(applyControlCommand(controls, entry.example).ok).toBe(true);
    }
  });

  it('drives the simulators', () => {
    const { controls } = createSimulators();
    applyControlCommand(controls, { device: 'card-reader', action: 'place', profile: 'maria-santos' });
    expect(controls['card-reader'].state().card?.profile).toBe('maria-santos');
    applyControlCommand(controls, { device: 'fingerprint-scanner', action: 'present', quality: 30, matches: false });
    expect(controls['fingerprint-scanner'].state().queue).toEqual([{ quality: 30, matches: false }]);
    applyControlCommand(controls, { device: 'fingerprint-scanner', action: 'set-missing', finger: 'left-ring' });
    expect(controls['fingerprint-scanner'].state().missing).toEqual(['left-ring']);
    applyControlCommand(controls, { device: 'height-gauge', action: 'set-height', heightMm: null });
    expect(controls['height-gauge'].state().heightMm).toBeNull();
    applyControlCommand(controls, { device: 'payment-terminal', action: 'queue', outcome: 'decline', reason: 'card-blocked' });
    expect(controls['payment-terminal'].state().queue).toEqual([{ outcome: 'decline', reason: 'card-blocked' }]);
    applyControlCommand(controls, { device: 'receipt-printer', action: 'set-paper', paper: 'cover-open' });
    expect(controls['receipt-printer'].state().paper).toBe('cover-open');
    const result = applyControlCommand(controls, { device: 'camera', action: 'unplug' });
    expect(result).toMatchObject({ ok: true, device: 'camera', action: 'unplug', state: { connected: false } });
    applyControlCommand(controls, { device: 'camera', action: 'set-latency', ms: 120 });
    expect(controls.camera.state().latencyMs).toBe(120);
  });

  it('rejects bad commands with a message saying what and where', () => {
    const { controls } = createSimulators();
    const cases: Array<[unknown, RegExp]> = [
      [null, /invalid control command/],
      [{ device: 'toaster', action: 'toast' }, /device/],
      [{ device: 'card-reader', action: 'explode' }, /action/],
      [{ device: 'card-reader', action: 'place', profile: 'nobody' }, /profile/],
      [{ device: 'card-reader', action: 'place' }, /profile/],
      [{ device: 'fingerprint-scanner', action: 'present', quality: 101, matches: true }, /quality/],
      [{ device: 'fingerprint-scanner', action: 'present', quality: 50, matches: true, extra: 1 }, /extra/],
      [{ device: 'height-gauge', action: 'set-height', heightMm: '1700' }, /heightMm/],
      [{ device: 'payment-terminal', action: 'queue', outcome: 'maybe' }, /outcome/],
      [{ device: 'receipt-printer', action: 'set-latency', ms: -1 }, /ms/],
    ];
    for (const [input, message] of cases) {
      let caught: unknown;
      try {
        applyControlCommand(controls, input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ControlCommandError);
      expect((caught as ControlCommandError).code).toBe('invalid-command');
      expect((caught as ControlCommandError).message).toMatch(message);
    }
  });

  it('snapshots every device', () => {
    const { controls } = createSimulators();
    const state = snapshot(controls);
    expect(Object.keys(state).sort()).toEqual([...DEVICE_KINDS].sort());
    expect(state['card-reader'].profiles.map((p) => p.id)).toContain('chan-tai-man');
  });
});

describe('control commands: document scanner', () => {
  it('lays sample documents on the bed, lifts the lid; the scans show it', async () => {
    const { controls, devices } = createSimulators();
    const scanner = devices['document-scanner'];
    await scanner.open();
    applyControlCommand(controls, { device: 'document-scanner', action: 'place', document: 'id-card' });
    applyControlCommand(controls, { device: 'document-scanner', action: 'set-cover', open: true });
    const request = { area: { xMm: 0, yMm: 0, widthMm: 100, heightMm: 70 }, dpi: 75, mode: 'grey' as const, timeoutMs: 1_000 };
    await expect(scanner.scan(request)).rejects.toMatchObject({ code: 'user-action-needed', detail: 'cover-open' });
    const result = applyControlCommand(controls, { device: 'document-scanner', action: 'set-cover', open: false });
    expect(result.state).toMatchObject({ document: 'id-card', coverOpen: false });
    expect((await scanner.scan(request)).widthPx).toBe(295); // 100 mm at 75 dpi
    applyControlCommand(controls, { device: 'document-scanner', action: 'place', document: 'empty' });
    await expect(scanner.scan(request)).rejects.toMatchObject({ detail: 'no-document' });
    expect(() => parseControlCommand({ device: 'document-scanner', action: 'place', document: 'passport' })).toThrow(ControlCommandError);
    expect(snapshot(controls)['document-scanner'].scans).toBe(2);
  });
});
