import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VIRTUAL_READER } from '../../../simulators/card-reader/virtual-card/pcscd.js';

/**
 * The hardware-loop profile (`--loop`, or `"loop": {}` in a configuration file): every device
 * class's entry names its real driver, over a transport whose far end the host starts
 * (electron/host/hardware/loop-far-ends.ts): the card reader through pcsclite, pcscd and vpcd; the
 * gauge, terminal and printer through serialport on pty pairs in `loop.dir`; the scanner through the
 * HID driver over a socket. The camera stays the renderer's (Chromium's fake camera in tests).
 * An entry the file gives for the same driver is laid over the profile's (timings, say); an entry
 * with another driver (a class kept in-process) is kept as it is.
 */
export function applyLoopProfile(input: Record<string, unknown>): Record<string, unknown> {
  const loop = record(input.loop) ?? {};
  const dir = typeof loop.dir === 'string' ? loop.dir : mkdtempSync(join(tmpdir(), 'kiosk-loop-'));
  const given = record(input.devices) ?? {};
  const entry = (kind: string, profile: Record<string, unknown>): Record<string, unknown> => {
    const mine = record(given[kind]);
    if (!mine) return profile;
    return mine.driver === undefined || mine.driver === profile.driver ? { ...profile, ...mine } : mine;
  };
  return {
    ...input,
    loop: { ...loop, dir },
    devices: {
      ...given,
      'card-reader': entry('card-reader', { driver: 'pcsc', reader: VIRTUAL_READER, virtualCards: {} }),
      'fingerprint-scanner': entry('fingerprint-scanner', { driver: 'hid', socket: join(dir, 'fingerprint-scanner.sock') }),
      camera: entry('camera', { driver: 'simulator' }),
      'height-gauge': entry('height-gauge', { driver: 'serial', path: join(dir, 'height-gauge') }),
      // A simulated bank answers in a moment: a lost answer is given up on after 5 s, not 60.
      'payment-terminal': entry('payment-terminal', { driver: 'serial', path: join(dir, 'payment-terminal'), processingTimeoutMs: 5_000 }),
      'receipt-printer': entry('receipt-printer', { driver: 'serial', path: join(dir, 'receipt-printer') }),
      // The document scanner joins the loop when the file asks for SANE: SANE's test backend, in a
      // private configuration directory (docs/scanner.md). Its pictures are test patterns, not
      // photo prints or ID cards, so by default the loop keeps the simulator for the renewals.
      ...(record(given['document-scanner'])?.driver === 'sane'
        ? { 'document-scanner': entry('document-scanner', { driver: 'sane', device: 'test:0', configDir: join(dir, 'sane'), pollMs: 500 }) }
        : {}),
    },
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
