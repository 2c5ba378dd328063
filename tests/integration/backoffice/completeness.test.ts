import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackofficeClient } from '../../../electron/host/backoffice/client.js';
import type { ApplicationSubmission } from '../../../electron/host/backoffice/wire.js';
import type { ServiceId } from '../../../electron/shared/kiosk-api/schemas/service-id.js';
import { sampleSubmission } from '../../../simulators/backoffice/sample-capture.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';

/**
 * The back-office simulator refuses an application that lacks what its service needs (422
 * `application-incomplete`, the missing items named in `detail`), decodes every picture it carries,
 * keeps what arrived, and shows it to testers through its control API. Over real HTTP, through the
 * kiosk's own client.
 */
let server: BackofficeServer;
let client: BackofficeClient;
let n = 0;
const QUEUED_AT = '2026-11-23T02:00:00.000Z';

beforeAll(async () => {
  server = await startBackofficeServer({ clock: () => new Date(QUEUED_AT) });
  client = new BackofficeClient({ url: server.url, timeoutMs: 5000 });
});
afterAll(() => server.close());

async function sample(residentId: string, service: ServiceId): Promise<ApplicationSubmission> {
  return sampleSubmission(residentId, service, { applicationId: `app-${String(++n).padStart(8, '0')}`, queuedAt: QUEUED_AT });
}

async function submit(body: ApplicationSubmission) {
  return client.submitApplication(body.applicationId, JSON.stringify(body));
}

async function refusal(body: ApplicationSubmission): Promise<{ status: number; code: string; detail: string }> {
  const response = await fetch(`${server.url}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': body.applicationId },
    body: JSON.stringify(body),
  });
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as { code: string; detail: string };
  return { status: response.status, code: problem.code, detail: problem.detail };
}

const png = (width: number, height: number, channels: 1 | 3 = 1) =>
  sharp(Buffer.alloc(width * height * channels, 200), { raw: { width, height, channels } })
    .toColourspace(channels === 1 ? 'b-w' : 'srgb')
    .png()
    .toBuffer()
    .then((b) => b.toString('base64'));
const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#ccc' } })
    .jpeg()
    .toBuffer()
    .then((b) => b.toString('base64'));

type Case = [label: string, resident: string, service: ServiceId, missing: string, edit: (b: ApplicationSubmission) => void | Promise<void>];

const withoutFinger = (finger: string) => (b: ApplicationSubmission) => {
  b.fingerprints = b.fingerprints!.filter((f) => f.finger !== finger);
};
const firstCaptured = (b: ApplicationSubmission) => {
  const f = b.fingerprints!.find((x) => x.status === 'captured');
  if (f?.status !== 'captured') throw new Error('no captured finger');
  return f;
};

/** One case per item each service needs, and per way a picture can be unusable. */
const CASES: Case[] = [
  ['permanent renewal without a photo', 'chan-tai-man', 'renew-permanent', 'photo', (b) => void delete b.photo],
  ['permanent renewal without fingerprints', 'chan-tai-man', 'renew-permanent', 'fingerprints', (b) => void delete b.fingerprints],
  ['permanent renewal without a standard finger', 'chan-tai-man', 'renew-permanent', 'fingerprints.left-index', withoutFinger('left-index')],
  ['permanent renewal without a signature', 'chan-tai-man', 'renew-permanent', 'signature', (b) => void delete b.signature],
  ['permanent renewal without the height its file asks for', 'chan-tai-man', 'renew-permanent', 'heightMm', (b) => void delete b.heightMm],
  ['non-permanent renewal without a photo', 'maria-santos', 'renew-nonpermanent', 'photo', (b) => void delete b.photo],
  ['non-permanent renewal without fingerprints', 'maria-santos', 'renew-nonpermanent', 'fingerprints', (b) => void delete b.fingerprints],
  ['non-permanent renewal with nine of the ten prints its file asks for', 'maria-santos', 'renew-nonpermanent', 'fingerprints.left-little', withoutFinger('left-little')],
  ['non-permanent renewal without the height', 'maria-santos', 'renew-nonpermanent', 'heightMm', (b) => void delete b.heightMm],
  ["a minor's renewal without the guardian's verification", 'ip-ka-man', 'renew-nonpermanent', 'verification.guardian', (b) => void delete b.verification.guardian],
  ['kinship certificate without relatives', 'chan-tai-man', 'kinship-certificate', 'request.relatives', (b) => void (b.request.relatives = [])],
  ["kinship certificate with a relative whose card was not read", 'chan-tai-man', 'kinship-certificate', 'request.relatives[0].cardNumber', (b) => void delete b.request.relatives![0]!.cardNumber],
  ['kinship certificate without the certificate options', 'chan-tai-man', 'kinship-certificate', 'request.certificate', (b) => void delete b.request.certificate],
  ['personal-data certificate without items', 'chan-tai-man', 'personal-data-certificate', 'request.personalDataItems', (b) => void (b.request.personalDataItems = [])],
  ['personal-data certificate without the certificate options', 'chan-tai-man', 'personal-data-certificate', 'request.certificate', (b) => void delete b.request.certificate],
  ['kinship verification without the relation', 'kinship-not-on-file', 'kinship-verification', 'request.verifyRelation', (b) => void delete b.request.verifyRelation],
  ["kinship verification without the relative's card number", 'kinship-not-on-file', 'kinship-verification', 'request.relatedCardNumber', (b) => void delete b.request.relatedCardNumber],
  ['contact change without details', 'chan-tai-man', 'contact-change', 'request.contactDetails', (b) => void (b.request.contactDetails = {})],
  [
    "a child's contact change without the child's card",
    'wong-father',
    'contact-change',
    'request.contactSubject.cardNumber',
    (b) => void (b.request.contactSubject = { relation: 'minor-child', dateOfBirth: '2015-09-30', relationOnFile: true }),
  ],
  ["marriage without the spouse's card", 'ip-ka-lok', 'marital-status-married', 'request.marriage.spouseCardNumber', (b) => void delete b.request.marriage!.spouseCardNumber],
  // Pictures that are not what they claim: as good as missing.
  ['a photo that is a PNG', 'chan-tai-man', 'renew-permanent', 'photo (not a JPEG)', async (b) => void (b.photo!.jpegBase64 = await png(413, 531, 3))],
  ['a photo of the wrong size', 'chan-tai-man', 'renew-permanent', 'photo (JPEG of 400×500, not 413×531)', async (b) => void (b.photo!.jpegBase64 = await jpeg(400, 500))],
  ['a truncated photo', 'chan-tai-man', 'renew-permanent', 'photo (not a readable JPEG)', (b) => void (b.photo!.jpegBase64 = b.photo!.jpegBase64.slice(0, 4000))],
  ['a finger image that is noise', 'chan-tai-man', 'renew-permanent', 'fingerprints.right-index.image (not a readable PNG)', (b) => void (firstCaptured(b).image.pngBase64 = Buffer.alloc(3000, 7).toString('base64'))],
  ['a finger image of another size than declared', 'chan-tai-man', 'renew-permanent', 'fingerprints.right-index.image (PNG of 256×360, not 300×360)', (b) => void (firstCaptured(b).image.width = 300)],
  ['a finger image in colour', 'chan-tai-man', 'renew-permanent', 'fingerprints.right-index.image (not an 8-bit greyscale PNG)', async (b) => void (firstCaptured(b).image.pngBase64 = await png(256, 360, 3))],
  ['a finger without its template', 'chan-tai-man', 'renew-permanent', 'fingerprints.right-index.template (empty)', (b) => void (firstCaptured(b).templateBase64 = '')],
  ['a signature that is a JPEG', 'chan-tai-man', 'renew-permanent', 'signature (not a PNG)', async (b) => void (b.signature!.pngBase64 = await jpeg(600, 200))],
];

/** The simulator's `/v1/_control/*` needs its control token. */
const controlAuth = (): RequestInit => ({ headers: { authorization: `Bearer ${server.controlToken}` } });

describe('completeness per service', () => {
  for (const service of ['renew-permanent', 'kinship-certificate', 'personal-data-certificate', 'contact-change'] as const) {
    it(`accepts a complete ${service} application`, async () => {
      expect(await submit(await sample('chan-tai-man', service))).toMatchObject({ ok: true });
    });
  }
  it.each([
    ['maria-santos', 'renew-nonpermanent'],
    ['ip-ka-man', 'renew-nonpermanent'],
    ['kinship-not-on-file', 'kinship-verification'],
    ['ip-ka-lok', 'marital-status-married'],
  ] as const)('accepts a complete application of %s (%s)', async (resident, service) => {
    expect(await submit(await sample(resident, service))).toMatchObject({ ok: true });
  });

  it('takes a finger missing or injured as an answer, not as a gap', async () => {
    const body = await sample('maria-santos', 'renew-nonpermanent');
    body.fingerprints = body.fingerprints!.map((f) => (f.finger === 'left-little' ? { finger: f.finger, status: 'missing' as const } : f.finger === 'right-thumb' ? { finger: f.finger, status: 'injured' as const } : f));
    expect(await submit(body)).toMatchObject({ ok: true });
  });

  it.each(CASES)('refuses %s', async (_label, resident, service, missing, edit) => {
    const body = await sample(resident, service);
    await edit(body);
    const before = server.store.applications().length;
    const answer = await refusal(body);
    expect(answer).toMatchObject({ status: 422, code: 'application-incomplete' });
    expect(answer.detail.split('; ').map((item) => item.replace(/^missing or unusable: /, ''))).toEqual([missing]);
    expect(server.store.applications()).toHaveLength(before); // nothing kept
  });

  it('names everything missing at once, and the kiosk client takes it as a final refusal', async () => {
    const body = await sample('chan-tai-man', 'renew-permanent');
    delete body.photo;
    delete body.signature;
    expect((await refusal(body)).detail).toBe('missing or unusable: photo; signature');
    expect(await submit(body)).toEqual({ ok: false, error: { kind: 'refused', code: 'application-incomplete', status: 422 } });
  });
});

describe('what arrived, for testers', () => {
  it('keeps the photo, each finger and the signature, and serves them through the control API', async () => {
    const body = await sample('chan-tai-man', 'renew-permanent');
    body.fingerprints!.push({ finger: 'left-thumb', status: 'injured' });
    expect(await submit(body)).toMatchObject({ ok: true });

    const listing = (await (await fetch(`${server.url}/v1/_control/applications`, controlAuth())).json()) as { applications: Array<Record<string, unknown>> };
    const held = listing.applications.find((a) => a.applicationId === body.applicationId);
    expect(held).toMatchObject({
      heightMm: 1720,
      captured: {
        verification: { applicant: 'fingerprint' },
        photo: { source: 'live', bytes: Buffer.from(body.photo!.jpegBase64, 'base64').length },
        fingerprints: [
          { finger: 'right-index', status: 'captured', quality: 85, image: { width: 256, height: 360 } },
          { finger: 'left-index', status: 'captured', quality: 85, image: { width: 256, height: 360 } },
          { finger: 'left-thumb', status: 'injured', quality: null, image: null },
        ],
        signature: { width: 600, height: 200 },
      },
    });

    const photo = await fetch(`${server.url}/v1/_control/applications/${body.applicationId}/photo`, controlAuth());
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const photoMeta = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect([photoMeta.format, photoMeta.width, photoMeta.height]).toEqual(['jpeg', 413, 531]);

    const finger = await fetch(`${server.url}/v1/_control/applications/${body.applicationId}/fingers/right-index`, controlAuth());
    expect(finger.headers.get('content-type')).toBe('image/png');
    const fingerPng = Buffer.from(await finger.arrayBuffer());
    const fingerMeta = await sharp(fingerPng).metadata();
    expect([fingerMeta.format, fingerMeta.width, fingerMeta.height, fingerMeta.channels, fingerMeta.depth]).toEqual(['png', 256, 360, 1, 'uchar']);
    const { data } = await sharp(fingerPng).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect(new Set(data).size).toBeGreaterThan(50); // ridges, not a blank square

    const signature = await fetch(`${server.url}/v1/_control/applications/${body.applicationId}/signature`, controlAuth());
    expect(signature.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await signature.arrayBuffer())).metadata()).width).toBe(600);

    expect((await fetch(`${server.url}/v1/_control/applications/${body.applicationId}/fingers/left-thumb`, controlAuth())).status).toBe(404); // injured: no image
    expect((await fetch(`${server.url}/v1/_control/applications/${body.applicationId}/fingers/sixth-finger`, controlAuth())).status).toBe(404);
    expect((await fetch(`${server.url}/v1/_control/applications/app-unknown-1/photo`, controlAuth())).status).toBe(404);
  });

  it('takes the largest application the schema allows (every picture at its limit) without a 413', async () => {
    const body = await sample('maria-santos', 'renew-nonpermanent');
    body.photo!.jpegBase64 = 'A'.repeat(2_000_000);
    for (const f of body.fingerprints!) {
      if (f.status !== 'captured') continue;
      f.image.pngBase64 = 'A'.repeat(533_336);
      f.templateBase64 = 'A'.repeat(21_848);
    }
    body.signature = { pngBase64: 'A'.repeat(666_668), width: 2000, height: 2000 };
    const answer = await refusal(body);
    // Through the size limit and the schema, refused only because the pictures are not pictures.
    expect(answer).toMatchObject({ status: 422, code: 'application-incomplete' });
    expect(answer.detail).toContain('photo (not a readable JPEG)');
    // And that is the schema's limit: four characters more is an invalid request.
    body.photo!.jpegBase64 += 'AAAA';
    expect(await refusal(body)).toMatchObject({ status: 400, code: 'invalid-request' });
  });
});
