import { describe, expect, it } from 'vitest';
import { BackofficeClient, isTransient } from '../../../electron/host/backoffice/client.js';

function clientAnswering(status: number, body: string): BackofficeClient {
  const fetchStub: typeof fetch = async () => new Response(body, { status, headers: { 'content-type': 'application/json' } });
  return new BackofficeClient({ url: 'http://bo.test', timeoutMs: 200, fetch: fetchStub });
}

describe('back-office client', () => {
  it('validates answers: an unexpected shape is a failure, not data', async () => {
    expect(await clientAnswering(200, '{"status":"maybe"}').health()).toEqual({ ok: false, error: { kind: 'invalid-response', code: 'invalid-response' } });
  });

  it('classifies failures: 4xx problems are final, 5xx and time-outs transient', async () => {
    const refused = await clientAnswering(422, '{"type":"x","title":"t","status":422,"code":"card-reported-lost"}').health();
    expect(refused).toEqual({ ok: false, error: { kind: 'refused', code: 'card-reported-lost', status: 422 } });
    expect(!refused.ok && isTransient(refused.error)).toBe(false);
    const server = await clientAnswering(503, 'oops').health();
    expect(!server.ok && isTransient(server.error)).toBe(true);
    const slow = new BackofficeClient({ url: 'http://bo.test', timeoutMs: 20, fetch: (_u, init) => new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))) });
    expect(await slow.health()).toEqual({ ok: false, error: { kind: 'timeout', code: 'timeout' } });
  });

  it('sends the Idempotency-Key and the body exactly as given', async () => {
    let seen: { key: string | null; body: unknown } | undefined;
    const fetchStub: typeof fetch = async (_u, init) => {
      seen = { key: new Headers(init?.headers).get('idempotency-key'), body: init?.body };
      return new Response('{"applicationId":"a","receiptNumber":"R0000000001","acceptedAt":"2026-11-23T02:00:00.000Z"}', { status: 201 });
    };
    const client = new BackofficeClient({ url: 'http://bo.test/', timeoutMs: 200, fetch: fetchStub });
    expect((await client.submitApplication('a', '{"x":1}')).ok).toBe(true);
    expect(seen).toEqual({ key: 'a', body: '{"x":1}' });
  });
});
