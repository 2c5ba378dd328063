import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JOURNAL_KEY_CREDENTIAL } from '../../../electron/host/journal/key.js';
import { EXIT_FIX_FIRST, exitCodeFor } from '../../../electron/host/process/exit-codes.js';
import { FATAL_EXIT_CODE } from '../../../electron/host/process/fatal-handler.js';

/**
 * The systemd unit that supervises a browser-mode host agrees with the host: what it starts exists,
 * it restarts after a crash or a journaled fault but not after a refusal someone must fix, and it
 * hands over the journal key and the directories the host reads. tests/integration/hardening/
 * service-restart.test.ts restarts a host the way this unit does.
 */
const unitFile = 'scripts/systemd/dsi-kiosk-host.service';
const text = readFileSync(unitFile, 'utf8');

function settings(section: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || line === '') continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      current = header[1]!;
      continue;
    }
    if (current !== section) continue;
    const eq = line.indexOf('=');
    const key = line.slice(0, eq);
    found.set(key, [...(found.get(key) ?? []), line.slice(eq + 1)]);
  }
  return found;
}

const service = settings('Service');
const one = (key: string): string => service.get(key)?.[0] ?? '';
const environment = new Map((service.get('Environment') ?? []).map((entry) => entry.split('=') as [string, string]));

describe('systemd unit for the browser-mode host', () => {
  it('starts the built standalone host', () => {
    expect(one('ExecStart')).toBe('/usr/bin/node dist/host/standalone.js');
    expect(existsSync('electron/host/standalone.ts')).toBe(true);
    expect(existsSync('dist/host/standalone.js'), 'run `npm run build` first').toBe(true);
  });

  it('restarts after a crash, a signal or a journaled fault (70), not after a refusal to fix first (78)', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(one('RestartPreventExitStatus').split(/\s+/).map(Number)).toEqual([EXIT_FIX_FIRST]);
    expect(FATAL_EXIT_CODE).not.toBe(EXIT_FIX_FIRST);
    for (const code of ['config-invalid', 'journal-key-missing', 'journal-key-mismatch', 'journal-schema']) expect(exitCodeFor(code)).toBe(EXIT_FIX_FIRST);
    expect(exitCodeFor('host-locked')).not.toBe(EXIT_FIX_FIRST); // the other host may be going away
  });

  it('hands over the journal key as a credential and the directories the host reads', () => {
    expect(one('LoadCredential')).toBe(`${JOURNAL_KEY_CREDENTIAL}:/etc/dsi-kiosk/journal.key`);
    expect(environment.get('KIOSK_STATE_DIR')).toBe(`/var/lib/${one('StateDirectory')}`);
    expect(environment.get('XDG_RUNTIME_DIR')).toBe(`/run/${one('RuntimeDirectory')}`);
    expect(one('RuntimeDirectoryPreserve')).toBe('restart'); // the page's token survives a restart
    expect(one('StateDirectoryMode')).toBe('0700');
    expect(one('KillSignal')).toBe('SIGTERM');
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('passes systemd-analyze verify', () => {
    expect(() => execFileSync('systemd-analyze', ['verify', unitFile], { stdio: 'pipe' })).not.toThrow();
  });
});
