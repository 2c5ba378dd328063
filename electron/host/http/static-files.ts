import { createReadStream } from 'node:fs';
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
 */
export function createStaticHandler(root: string, headers: () => Record<string, string>) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
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
    const isHtml = extname(file) === '.html';
    response.writeHead(200, {
      ...headers(),
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(info.size),
      // Hashed assets never change; the page itself must always be fresh.
      'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}
