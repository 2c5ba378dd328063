import type { ServerResponse } from 'node:http';
import type { Problem } from '../../electron/host/backoffice/wire.js';

/**
 * An HTTP answer the router returns: JSON (problems are RFC 9457 problem+json with a stable `code`),
 * an image (the control API's captured photo, finger and signature pictures), or a dropped connection.
 */
export type Reply =
  | { status: number; body: unknown; problem?: boolean }
  | { status: number; bytes: Uint8Array; contentType: 'image/jpeg' | 'image/png' }
  | { drop: true };

export function problem(status: number, code: string, title: string, detail?: string): Reply {
  const body: Problem = { type: `https://backoffice.example.invalid/problems/${code}`, title, status, code, ...(detail ? { detail } : {}) };
  return { status, body, problem: true };
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

export function image(bytes: Uint8Array, contentType: 'image/jpeg' | 'image/png'): Reply {
  return { status: 200, bytes, contentType };
}

export function send(res: ServerResponse, reply: Reply): void {
  if ('drop' in reply) {
    res.socket?.destroy(); // the answer is lost on the way: the request did take effect
    return;
  }
  if ('bytes' in reply) {
    res.writeHead(reply.status, {
      'content-type': reply.contentType,
      'content-length': reply.bytes.byteLength,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(reply.bytes);
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': reply.problem ? 'application/problem+json' : 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
