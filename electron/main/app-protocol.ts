// The `promises` object, not its functions: Electron patches its members so paths inside app.asar
// work, and a named import of readFile could capture the unpatched one.
import { promises as fsp } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import type { MainLog } from './log.js';
import { SECURITY_HEADERS } from './security-headers.js';

/**
 * The app scheme: kiosk://app/ serves the built renderer (dist/renderer) and nothing else.
 * A file:// page would share its origin with every file on disk and could not be told apart from
 * one a crafted link opened; a privileged standard scheme gives the kiosk one origin of its own.
 */

/**
 * Must run before `app` is ready (Electron only accepts privileges then). `standard` gives real
 * origins and relative URL resolution, `secure` makes it a secure context (getUserMedia needs one),
 * `supportFetchAPI` lets the renderer fetch its own locale files.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Call after ready, on the session the kiosk window uses. */
export function serveAppScheme(
  protocol: Pick<Protocol, 'handle'>,
  options: AppRequestHandlerOptions,
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(options));
}

export interface AppRequestHandlerOptions {
  /** The built renderer: index.html + assets/. */
  rootDir: string;
  log: MainLog;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function createAppRequestHandler({ rootDir, log }: AppRequestHandlerOptions): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  // Resolved once: a symlinked install directory is fine, a symlink inside it pointing out is not.
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const located = locate(root, request.url);
    if (located.kind === 'refused') {
      log.warn('app scheme: request refused', { reason: located.reason, url: request.url.slice(0, 300) });
      return plain(located.status, 'not found');
    }
    realRoot ??= fsp.realpath(root);
    const file = await findFile(await realRoot, located.path, located.spaFallback);
    if (!file) return plain(404, 'not found');
    const body = request.method === 'HEAD' ? null : await fsp.readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' },
    });
  };
}

type Located =
  | { kind: 'file'; path: string; spaFallback: boolean }
  | { kind: 'refused'; status: number; reason: string };

/**
 * Maps a request URL to a path under root, or refuses it. Chromium normalises `..` before the
 * handler sees the URL, but the handler does not rely on that: every decoded segment is checked,
 * because `%2F` and `%5C` decode to separators that URL parsing never saw.
 */
export function locate(root: string, url: string): Located {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, reason: 'unparsable url' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') {
    return { kind: 'refused', status: 404, reason: 'foreign host' };
  }
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, reason: 'bad escape' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
      return { kind: 'refused', status: 404, reason: 'path traversal' };
    }
    segments.push(segment);
  }
  if (segments.length === 0) return { kind: 'file', path: resolve(root, 'index.html'), spaFallback: false };
  const path = resolve(root, ...segments);
  if (!isInside(root, path)) return { kind: 'refused', status: 404, reason: 'path traversal' };
  const last = segments[segments.length - 1] ?? '';
  // A route such as /renew/step-2 (no extension) gets the app shell, so a reload after a renderer
  // crash lands on the app instead of a blank 404 page.
  return { kind: 'file', path, spaFallback: extname(last) === '' };
}

async function findFile(realRoot: string, path: string, spaFallback: boolean): Promise<string | undefined> {
  const candidates = spaFallback ? [path, resolve(realRoot, 'index.html')] : [path];
  for (const candidate of candidates) {
    try {
      const real = await fsp.realpath(candidate);
      if (!isInside(realRoot, real)) continue;
      if ((await fsp.stat(real)).isFile()) return real;
    } catch {
      // missing: try the next candidate
    }
  }
  return undefined;
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
