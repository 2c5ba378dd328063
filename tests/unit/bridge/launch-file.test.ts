import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLaunchFile } from '../../../electron/host/http/launch-file.js';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { kioskChromiumArgs } from '../../../scripts/lib/setup.mjs';

/**
 * The kiosk page's token never appears on Chromium's command line (any user can read any process's
 * argv with `ps`): `npm start` gives Chromium the host's launch file, a page only the kiosk's user
 * can read that forwards to the kiosk URL. tests/e2e/test-mode.e2e.ts opens it in Chromium.
 */
const TOKEN = 'f00d'.repeat(12);
const KIOSK_URL = `http://127.0.0.1:41234/#token=${TOKEN}`;

describe('launch file', () => {
  it('is a 0600 page in a 0700 directory that forwards to the kiosk URL with its token', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kiosk-launch-')), 'launch');
    const launch = writeLaunchFile(KIOSK_URL, dir, 4242);
    expect(statSync(launch.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const page = readFileSync(launch.path, 'utf8');
    expect(/<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(page)?.[1]).toBe(KIOSK_URL);
    expect(page).not.toContain('<script');
    launch.remove();
    expect(() => statSync(launch.path)).toThrow();
  });

  it('is what Chromium is given: the token is nowhere in its argv', () => {
    const launch = writeLaunchFile(KIOSK_URL, join(mkdtempSync(join(tmpdir(), 'kiosk-launch-')), 'launch'), 4243);
    const argv = kioskChromiumArgs({ launchFile: launch.path, profileDir: '/tmp/profile' }) as string[];
    expect(argv).toContain(`--app=file://${launch.path}`);
    expect(argv.join(' ')).not.toContain(TOKEN);
    expect(argv.join(' ')).not.toContain('127.0.0.1');
  });

  it('only forwards to the host’s own loopback page', () => {
    expect(() => writeLaunchFile(`https://evil.example/#token=${TOKEN}`, mkdtempSync(join(tmpdir(), 'kiosk-launch-')))).toThrow(RangeError);
  });
});
