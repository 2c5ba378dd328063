import { Agent, request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * `fetch` for the back office over mutual TLS: the kiosk presents its own client certificate (its
 * subject CN is the kiosk id) and trusts only the CA that signed the back office's certificate,
 * not the system's CAs. Node's built-in fetch cannot take a client certificate without the undici
 * package, so this is the few lines of it the back-office client needs, on `node:https`.
 */
export interface MutualTls {
  /** PEM: the back office's CA, this kiosk's certificate and its private key. */
  ca: string | Buffer;
  cert: string | Buffer;
  key: string | Buffer;
}

/** An answer larger than this is cut off as an error (the largest real one, a photo, is far smaller). */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export function mutualTlsFetch(tls: MutualTls): typeof fetch {
  const agent = new Agent({ ca: tls.ca, cert: tls.cert, key: tls.key, keepAlive: true, maxSockets: 8, minVersion: 'TLSv1.2' });
  const tlsFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.protocol !== 'https:') return Promise.reject(new TypeError('mutual TLS needs an https URL'));
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') return Promise.reject(new TypeError('only string bodies are sent'));
    const body = init.body ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(url, { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers)), agent, signal: init.signal ?? undefined }, (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) outgoing.destroy(new Error('response too large'));
          else chunks.push(chunk);
        });
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 502;
          const empty = status === 204 || status === 304 || status < 200;
          resolve(new Response(empty ? null : Buffer.concat(chunks), { status: status < 200 ? 502 : status, headers: toHeaders(incoming.headers) }));
        });
        incoming.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
  return tlsFetch as typeof fetch;
}

function toHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) out.append(name, one);
  }
  return out;
}
