import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How the browser-mode kiosk page gets its per-launch token without the token ever appearing in a
 * command line (`ps` shows every process's argv to every user) or on stdout outside test mode: the
 * host writes a tiny page, readable only by the kiosk's user, that forwards to the kiosk URL with
 * the token in its fragment. Chromium is started on `file://<that page>`.
 *
 * In test mode each host writes `kiosk-<pid>.html` with a fresh token per launch. A kiosk in service
 * (one host: the state-directory lock) writes `kiosk.html` and keeps its token in `token` beside it,
 * so when the service manager restarts the host (same port, same token) the page already on screen
 * reconnects by itself. Both live in the runtime directory (0700, emptied at reboot).
 */
export interface LaunchFile {
  readonly path: string;
  readonly url: string;
  remove(): void;
}

export function launchDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const base = env.XDG_RUNTIME_DIR ?? join(tmpdir(), `dsi-kiosk-${process.getuid?.() ?? 'user'}`);
  return join(base, 'dsi-kiosk-launch');
}

/** The token a kiosk in service keeps across host restarts (until reboot): read, or made once. */
export function persistentToken(directory = launchDirectory()): string {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = join(directory, 'token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{48}$/.test(token)) return token;
  }
  const token = randomBytes(24).toString('hex');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}

/** `pid`: one file per host (test mode); `'stable'`: `kiosk.html`, the one a kiosk's browser opens. */
export function writeLaunchFile(kioskUrl: string, directory = launchDirectory(), pid: number | 'stable' = process.pid): LaunchFile {
  const target = new URL(kioskUrl);
  if (target.protocol !== 'http:' || target.hostname !== '127.0.0.1') throw new RangeError('the kiosk page is served on http://127.0.0.1 only');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, pid === 'stable' ? 'kiosk.html' : `kiosk-${pid}.html`);
  writeFileSync(path, launchPage(target.href), { mode: 0o600 });
  return {
    path,
    url: `file://${path}`,
    remove: () => rmSync(path, { force: true }),
  };
}

/** The page: a redirect and nothing else (no script), so it works under any CSP and never lingers. */
export function launchPage(href: string): string {
  const escaped = href.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>\n<meta charset="utf-8">\n<meta name="referrer" content="no-referrer">\n<meta http-equiv="refresh" content="0; url=${escaped}">\n<title>DSI kiosk</title>\n`;
}
