import { z } from 'zod';
import { FINGERS } from '../../devices/fingerprint-scanner/contract.js';
import { ControlApplication, ControlFaults } from '../../electron/host/backoffice/wire.js';

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

/** The fault set the panel may send (the simulator's own schema: whole set, defaults for what is left out). */
const PanelFaults = ControlFaults;
const GovPayList = z.object({ payments: z.array(z.object({ reference: z.string(), status: z.string() })) });

/**
 * The panel's back-office controls, forwarded with the simulator's token: read or set its faults
 * (`GET`/`POST /control/api/backoffice/faults`), and pay or expire the newest pending GovPay QR
 * (`POST /control/api/backoffice/govpay/newest/pay|expire`), as the resident's app or the clock would.
 */
export async function controlBackoffice(
  backofficeUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: { controlToken?: string | undefined; timeoutMs?: number } = {},
): Promise<ProxyReply> {
  const base = backofficeUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 3000;
  const auth: Record<string, string> = options.controlToken ? { authorization: `Bearer ${options.controlToken}` } : {};
  const send = async (url: string, init: RequestInit): Promise<ProxyReply> => {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      if (!response.ok) return { kind: 'problem', status: response.status === 404 ? 404 : 502, slug: response.status === 404 ? 'not-found' : 'bad-gateway', title: 'Back office', detail: `the back office answered ${response.status}` };
      return { kind: 'json', body: parseJson(text) };
    } catch {
      return badGateway('the back-office simulator did not answer');
    }
  };
  if (path === '/faults' && method === 'GET') return send(`${base}/v1/_control/faults`, { headers: auth });
  if (path === '/faults' && method === 'POST') {
    const parsed = PanelFaults.safeParse(body);
    if (!parsed.success) return { kind: 'problem', status: 400, slug: 'invalid-command', title: 'Invalid back-office faults', detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
    return send(`${base}/v1/_control/faults`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(parsed.data) });
  }
  const govpay = /^\/govpay\/newest\/(pay|expire)$/.exec(path);
  if (govpay && method === 'POST') {
    const listing = await send(`${base}/v1/_control/govpay`, { headers: auth });
    if (listing.kind !== 'json') return listing;
    const parsed = GovPayList.safeParse(listing.body);
    if (!parsed.success) return badGateway('the back office answered something else than its GovPay list');
    const pending = parsed.data.payments.filter((p) => p.status === 'pending').at(-1);
    if (!pending) return { kind: 'problem', status: 404, slug: 'no-pending-govpay', title: 'No pending GovPay payment', detail: 'no GovPay QR is waiting to be paid' };
    const ref = encodeURIComponent(pending.reference);
    return govpay[1] === 'pay' ? send(`${base}/v1/govpay/payments/${ref}/pay`, { method: 'POST' }) : send(`${base}/v1/_control/govpay/${ref}/expire`, { method: 'POST', headers: auth });
  }
  return { kind: 'problem', status: 404, slug: 'not-found', title: 'Not found', detail: `${method} ${path} is not a back-office control the panel has` };
}
