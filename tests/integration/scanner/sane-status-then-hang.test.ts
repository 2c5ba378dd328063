import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { SaneDocumentScanner } from '../../../devices/document-scanner/drivers/sane-document-scanner.js';
import { SaneTestBed } from '../../../simulators/document-scanner/sane-test-bed.js';
import { expectDeviceError } from '../../contracts/shared/helpers.js';

/**
 * A scanimage that names a SANE status and then does not exit (SANE's test backend does this now
 * and then, stopping its reader after a failed read): the scan ends with that status, not with the
 * scan's deadline. The listing and the options come from the real scanimage and SANE's test
 * backend; only the scan itself is the hanging script.
 */
describe('SANE driver: a scanimage that reports a status, then hangs', () => {
  let dir: string;
  let scanner: SaneDocumentScanner;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-sane-hang-'));
    const bed = new SaneTestBed(dir);
    const command = join(dir, 'scanimage-that-hangs');
    writeFileSync(
      command,
      ['#!/bin/sh', 'case " $* " in', '  *" --format=pnm "*) echo "scanimage: sane_read: Scanner cover is open" >&2; exec sleep 60 ;;', 'esac', 'exec scanimage "$@"', ''].join('\n'),
    );
    chmodSync(command, 0o755);
    scanner = new SaneDocumentScanner({ device: bed.device, env: bed.env, command, pollMs: 60_000 });
    await scanner.open();
  });
  afterEach(async () => {
    await scanner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is cover-open, before the deadline', async () => {
    const request = { area: { xMm: 0, yMm: 0, widthMm: 40, heightMm: 50 }, dpi: scanner.capabilities().resolutions[0]!, mode: 'colour' as const, timeoutMs: 8_000 };
    await expectDeviceError(scanner.scan(request), 'user-action-needed', 'cover-open');
  });
});
