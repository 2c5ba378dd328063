import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../../devices/errors.js';
import { DeviceHub } from '../../../devices/hub/device-hub.js';
import { createSimulators } from '../../../simulators/index.js';
import { createPinoLogger } from '../../../electron/host/logging/pino-logger.js';

const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the host log (pino)', () => {
  it('writes JSON lines to the state directory with personal data redacted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    const log = createPinoLogger({ stateDir: dir, stderr: false });
    log.warn('card read', { cardNumber: '1234567(8)', holder: { nameLatin: 'CHAN TAI MAN', nameZh: '陳大文' }, sessionId: 'S-1' });
    log.close();
    const [line] = lines(join(dir, 'logs', 'host.log'));
    expect(line).toMatchObject({ level: 'warn', message: 'card read', cardNumber: '[redacted]', holder: { nameLatin: '[redacted]', nameZh: '[redacted]' }, sessionId: 'S-1' });
    expect(line!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(readFileSync(join(dir, 'logs', 'host.log'), 'utf8')).not.toMatch(/CHAN|陳大文|1234567/);
  });

  it('rotates by size, keeping a bounded number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    const log = createPinoLogger({ stateDir: dir, stderr: false, maxBytes: 2_000, keep: 2 });
    for (let i = 0; i < 100; i++) log.info('tick', { i });
    log.close();
    const file = join(dir, 'logs', 'host.log');
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    expect(readFileSync(file).length).toBeLessThanOrEqual(2_000);
    expect(lines(file).at(-1)).toMatchObject({ message: 'tick', i: 99 });
  });

  it("keeps a device fault's detail: device path, errno and vendor code", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    const log = createPinoLogger({ stateDir: dir, stderr: false });
    const { devices } = createSimulators();
    devices['receipt-printer'].open = async () => {
      throw new DeviceError('receipt-printer', 'not-connected', '/dev/ttyUSB3: No such file or directory', 'unplugged', { path: '/dev/ttyUSB3', errno: 'ENOENT', vendorCode: 'E07' });
    };
    const hub = new DeviceHub(devices, { initialBackoffMs: 60_000, maxBackoffMs: 60_000, log });
    await hub.start();
    await hub.stop();
    log.close();
    expect(lines(join(dir, 'logs', 'host.log'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'warn', device: 'receipt-printer', path: '/dev/ttyUSB3', errno: 'ENOENT', vendorCode: 'E07', detail: 'unplugged' })]),
    );
  });
});
