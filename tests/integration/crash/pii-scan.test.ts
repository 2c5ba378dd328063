import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { SEED_RESIDENTS } from '../../../simulators/backoffice/seed.js';
import { faceJpeg } from '../../../simulators/card-reader/face-image.js';
import { encodeReferenceTemplate } from '../../../simulators/fingerprint-scanner/template.js';
import { runSessions } from './harness.js';

/**
 * After a batch of sessions (completed, refunded, abandoned, killed mid-payment, and some still
 * waiting in the outbox with their personal data sealed), no plaintext name, ID number, photo or
 * fingerprint bytes are in the journal, its WAL and shared-memory files, the logs or the temp dir.
 */
const work = mkdtempSync(join(tmpdir(), 'kiosk-pii-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function needles(): Array<{ label: string; bytes: Buffer }> {
  const out: Array<{ label: string; bytes: Buffer }> = [];
  for (const id of ['chan-tai-man', 'refused-at-submission']) {
    const r = SEED_RESIDENTS.find((x) => x.id === id)!;
    out.push({ label: `${id} latin name`, bytes: Buffer.from(r.nameLatin) });
    out.push({ label: `${id} chinese name`, bytes: Buffer.from(r.nameZh) });
    out.push({ label: `${id} card number`, bytes: Buffer.from(r.cardNumber) });
    out.push({ label: `${id} card serial`, bytes: Buffer.from(r.cardNumber.slice(0, 7)) });
    for (const finger of ['right-index', 'left-index'] as const) {
      const template = Buffer.from(encodeReferenceTemplate(finger, r.id));
      out.push({ label: `${id} ${finger} template`, bytes: template });
      out.push({ label: `${id} ${finger} template base64`, bytes: Buffer.from(template.toString('base64')) });
    }
  }
  const face = Buffer.from(faceJpeg());
  out.push({ label: 'photo bytes', bytes: face.subarray(100, 164) });
  out.push({ label: 'photo base64', bytes: Buffer.from(face.toString('base64').slice(200, 264)) });
  return out;
}

/** 64 bytes from the middle of a picture that look like nothing else (a run of zeros is in every SQLite file). */
function distinctive(bytes: Buffer): Buffer {
  for (let at = Math.floor(bytes.length / 3); at + 64 <= bytes.length; at += 16) {
    const window = bytes.subarray(at, at + 64);
    if (new Set(window).size >= 32) return window;
  }
  throw new Error('no distinctive window in this picture');
}

/** What the crash runner's renewals carry (sample-capture.ts): the ID photo, finger images and templates, the signature. */
async function capturedNeedles(): Promise<Array<{ label: string; bytes: Buffer }>> {
  const { personal } = await sampleCapture('chan-tai-man', 'renew-permanent');
  const out: Array<{ label: string; bytes: Buffer }> = [];
  const picture = (label: string, base64: string) => {
    out.push({ label: `${label} bytes`, bytes: distinctive(Buffer.from(base64, 'base64')) });
    out.push({ label: `${label} base64`, bytes: distinctive(Buffer.from(base64)) });
  };
  picture('ID photo', personal.photo!.jpegBase64);
  picture('signature', personal.signature!.pngBase64);
  for (const finger of personal.fingerprints!) {
    if (finger.status !== 'captured') continue;
    picture(`${finger.finger} image`, finger.image.pngBase64);
    out.push({ label: `${finger.finger} probe template base64`, bytes: Buffer.from(finger.templateBase64) });
  }
  return out;
}

describe('personal data at rest', () => {
  it('finds no plaintext personal data in the journal, WAL, logs or temp dir after a batch of sessions', async () => {
    await runSessions(
      work,
      [
        { scenario: 'approve' },
        { scenario: 'refused' },
        { scenario: 'walk-away' },
        { scenario: 'lost-response' },
        { scenario: 'govpay' },
        { scenario: 'approve', crashAt: 'payment.result:before' },
        { scenario: 'approve', crashAt: 'submission.sending:after' },
        // The back office stays down from here: these keep their sealed data in the outbox.
        { scenario: 'backoffice-down' },
        { scenario: 'backoffice-down', crashAt: 'submission.failed:after' },
      ],
      { leavePending: true },
    );
    // The proof the scan means something: sealed personal data is in the journal right now.
    const db = new Database(join(work, 'journal.sqlite'), { readonly: true });
    const sealed = db.prepare(`SELECT COUNT(*) AS n FROM applications WHERE payload IS NOT NULL`).get() as { n: number };
    const accepted = db.prepare(`SELECT COUNT(*) AS n FROM applications WHERE state = 'accepted' AND payload IS NULL`).get() as { n: number };
    db.close();
    expect(sealed.n).toBeGreaterThanOrEqual(2);
    expect(accepted.n).toBeGreaterThanOrEqual(3);

    const files = filesUnder(work);
    expect(files.some((f) => f.endsWith('journal.sqlite-wal'))).toBe(true);
    const found: string[] = [];
    const all = [...needles(), ...(await capturedNeedles())];
    for (const file of files) {
      const content = readFileSync(file);
      for (const needle of all) if (needle.bytes.length > 0 && content.includes(needle.bytes)) found.push(`${needle.label} in ${file.slice(work.length)}`);
    }
    expect(found).toEqual([]);
  }, 120_000);
});
