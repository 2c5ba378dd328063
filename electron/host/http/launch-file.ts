import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How the browser-mode kiosk page gets its per-launch token without the token ever appearing in a
 * command line (`ps` shows every process's argv to every user) or on stdout outside test mode: the
 * host writes a tiny page, readable only by the kiosk's user, that forwards to the kiosk URL with
 * the token in its fragment. Chromium is started on `file://<that page>`.
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

export function writeLaunchFile(kioskUrl: string, directory = launchDirectory(), pid = process.pid): LaunchFile {
  const target = new URL(kioskUrl);
  if (target.protocol !== 'http:' || target.hostname !== '127.0.0.1') throw new RangeError('the kiosk page is served on http://127.0.0.1 only');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, `kiosk-${pid}.html`);
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
