import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.y4m': 'video/x-yuv4mpeg',
  // TensorFlow.js's wasm backend (the face analyser); streaming compilation needs this type.
  '.wasm': 'application/wasm',
};

/**
 * Serves the built renderer. Only GET and HEAD, only files inside `root`; unknown paths without
 * an extension fall back to index.html (client-side routes).
 *
 * With `entryInMemory`, the page and what it loads before its first paint (what index.html names)
 * are read when the handler is made, and answered from memory while `entryInMemory()` holds: while
 * the host starts behind the page (issue 20, cold start) the event loop turns only between the
 * start's long steps, and a file from memory needs one turn where one from disk needs four (stat,
 * open, read, write).
 */
export function createStaticHandler(root: string, headers: () => Record<string, string>, options: { entryInMemory?: () => boolean } = {}) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  let inMemory = options.entryInMemory ? entryFiles(root) : new Map<string, { file: string; bytes: Buffer }>();
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Once the host has started, from disk again: a renderer rebuilt meanwhile is served as it is now.
    if (inMemory.size > 0 && options.entryInMemory?.() === false) inMemory = new Map();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const held = inMemory.get(pathname);
    if (held) {
      response.writeHead(200, { ...headers(), 'Content-Type': CONTENT_TYPES[extname(held.file)] ?? 'application/octet-stream', 'Content-Length': String(held.bytes.length), 'Cache-Control': cacheControl(held.file) });
      response.end(request.method === 'HEAD' ? undefined : held.bytes);
      return;
    }
    const candidate = normalize(join(root, pathname));
    if (!candidate.startsWith(rootWithSep) && candidate !== root) {
      response.writeHead(404).end();
      return;
    }
    let file = candidate;
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) {
      if (extname(pathname) !== '') {
        response.writeHead(404).end();
        return;
      }
      file = join(root, 'index.html');
      info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) {
        response.writeHead(503, { 'Content-Type': 'text/plain' }).end('The renderer is not built: run `npm run build`.');
        return;
      }
    }
    response.writeHead(200, {
      ...headers(),
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(info.size),
      'Cache-Control': cacheControl(file),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}

/** Hashed assets never change; the page itself must always be fresh. */
function cacheControl(file: string): string {
  return extname(file) === '.html' ? 'no-store' : 'public, max-age=31536000, immutable';
}

/**
 * index.html (as `/` and `/index.html`) and the files it names under `assets/` (its module script,
 * the chunks it preloads, its style sheets), by URL path. Empty when the renderer is not built: the
 * handler then answers from disk as before (503 for the page).
 */
function entryFiles(root: string): Map<string, { file: string; bytes: Buffer }> {
  const files = new Map<string, { file: string; bytes: Buffer }>();
  let html: Buffer;
  try {
    html = readFileSync(join(root, 'index.html'));
  } catch {
    return files;
  }
  files.set('/', { file: 'index.html', bytes: html });
  files.set('/index.html', { file: 'index.html', bytes: html });
  for (const [, name] of html.toString('utf8').matchAll(/(?:src|href)="\.?\/(assets\/[A-Za-z0-9._-]+)"/g)) {
    try {
      files.set(`/${name!}`, { file: name!, bytes: readFileSync(join(root, name!)) });
    } catch {
      // Named but missing: answered from disk (404), as any other file.
    }
  }
  return files;
}
