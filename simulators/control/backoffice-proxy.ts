import { z } from 'zod';
import { FINGERS } from '../../devices/fingerprint-scanner/contract.js';
import { ControlApplication } from '../../electron/host/backoffice/wire.js';

/**
 * The tester panel's window on the back-office simulator: what the last applications carried
 * (the panel shows their photo, finger images and signature). The simulator listens on its own
 * port without CORS and its `/v1/_control/*` needs its own token, so the control API forwards a few
 * fixed, read-only paths there with that token, under the kiosk's control token
 * (`GET /control/api/backoffice/…`), same origin as the panel.
 */
export const RECENT_APPLICATIONS = 6;

export type ProxyReply =
  | { kind: 'json'; body: unknown }
  | { kind: 'image'; contentType: 'image/jpeg' | 'image/png'; bytes: Buffer }
  | { kind: 'problem'; status: number; slug: string; title: string; detail: string };

const ID = '[A-Za-z0-9-]{8,80}';
const PICTURE = new RegExp(`^/applications/(${ID})/(photo|signature|fingers/(${FINGERS.join('|')}))$`);
const Listing = z.object({ applications: z.array(ControlApplication) });

/** `path`: what follows `/control/api/backoffice`. Never throws: an unreachable simulator is a 502 problem. */
export async function proxyBackoffice(backofficeUrl: string, path: string, options: { controlToken?: string | undefined; timeoutMs?: number } = {}): Promise<ProxyReply> {
  const base = backofficeUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 3000;
  const headers: Record<string, string> = options.controlToken ? { authorization: `Bearer ${options.controlToken}` } : {};
  if (path === '/applications') {
    const answer = await get(`${base}/v1/_control/applications`, headers, timeoutMs);
    if ('problem' in answer) return answer.problem;
    const parsed = Listing.safeParse(parseJson(answer.bytes.toString('utf8')));
    if (!parsed.success) return badGateway('the back office answered something else than its application list');
    return { kind: 'json', body: { applications: parsed.data.applications.slice(-RECENT_APPLICATIONS).reverse() } };
  }
  const picture = PICTURE.exec(path);
  if (!picture) return { kind: 'problem', status: 404, slug: 'not-found', title: 'Not found', detail: `${path} is not a back-office path the panel reads` };
  const [, id, what] = picture;
  const answer = await get(`${base}/v1/_control/applications/${id}/${what}`, headers, timeoutMs);
  if ('problem' in answer) return answer.problem;
  if (answer.contentType !== 'image/jpeg' && answer.contentType !== 'image/png') return badGateway('the back office did not answer with a picture');
  return { kind: 'image', contentType: answer.contentType, bytes: answer.bytes };
}

async function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ bytes: Buffer; contentType: string } | { problem: ProxyReply }> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status === 404) return { problem: { kind: 'problem', status: 404, slug: 'not-found', title: 'Not found', detail: 'the back office has no such picture' } };
    if (!response.ok) return { problem: badGateway(`the back office answered ${response.status}`) };
    return { bytes, contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim() };
  } catch {
    return { problem: badGateway('the back-office simulator did not answer') };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function badGateway(detail: string): ProxyReply {
  return { kind: 'problem', status: 502, slug: 'bad-gateway', title: 'Bad gateway', detail };
}
