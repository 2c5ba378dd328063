import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Finger } from '../../devices/fingerprint-scanner/contract.js';
import type { ApplicationSubmission, ControlCaptured } from '../../electron/host/backoffice/wire.js';

/**
 * What arrived with each application (verification, photo, signature, fingerprints, card scans),
 * kept so a tester can look at what the kiosk sent: the control API lists it without the bytes.
 */
export type CapturedSummary = z.infer<typeof ControlCaptured>;

/** What the kiosk captured, as it arrived: the pictures as bytes (testers look at them), the rest as data. */
export function keepCaptured(db: Database.Database, body: ApplicationSubmission): void {
  const bytes = (base64: string | undefined) => (base64 === undefined ? null : Buffer.from(base64, 'base64'));
  db
    .prepare(
      `INSERT INTO captures (application_id, verification, photo_source, photo_jpeg, signature_png, signature_width, signature_height) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      body.applicationId,
      JSON.stringify(body.verification),
      body.photo?.source ?? null,
      bytes(body.photo?.jpegBase64),
      bytes(body.signature?.pngBase64),
      body.signature?.width ?? null,
      body.signature?.height ?? null,
    );
  const cardSide = db.prepare(`INSERT INTO captured_card_scans (application_id, side, image_jpeg) VALUES (?, ?, ?)`);
  for (const scan of body.cardScans ?? []) cardSide.run(body.applicationId, scan.side, Buffer.from(scan.jpegBase64, 'base64'));
  const finger = db.prepare(
    `INSERT INTO captured_fingers (application_id, finger, status, quality, template, image_png, image_width, image_height) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of body.fingerprints ?? []) {
    if (f.status === 'captured') {
      finger.run(body.applicationId, f.finger, f.status, f.quality, bytes(f.templateBase64), bytes(f.image.pngBase64), f.image.width, f.image.height);
    } else {
      finger.run(body.applicationId, f.finger, f.status, null, null, null, null, null);
    }
  }
}

/** What arrived with each application, without the picture bytes (an application stored before captures were kept has none). */
export function capturedSummaries(db: Database.Database): Map<string, CapturedSummary> {
  const rows = db
    .prepare(
      `SELECT application_id, verification, photo_source, length(photo_jpeg) AS photo_bytes, length(signature_png) AS signature_bytes, signature_width, signature_height
       FROM captures`,
    )
    .all() as Array<{
    application_id: string;
    verification: string;
    photo_source: string | null;
    photo_bytes: number | null;
    signature_bytes: number | null;
    signature_width: number | null;
    signature_height: number | null;
  }>;
  const summaries = new Map<string, CapturedSummary>();
  for (const row of rows) {
    summaries.set(row.application_id, {
      verification: JSON.parse(row.verification) as CapturedSummary['verification'],
      photo: row.photo_source === null ? null : { source: row.photo_source as NonNullable<CapturedSummary['photo']>['source'], bytes: row.photo_bytes ?? 0 },
      fingerprints: [],
      signature: row.signature_width === null || row.signature_height === null ? null : { width: row.signature_width, height: row.signature_height, bytes: row.signature_bytes ?? 0 },
    });
  }
  const fingers = db.prepare(`SELECT application_id, finger, status, quality, image_width, image_height FROM captured_fingers ORDER BY rowid`).all() as Array<{
    application_id: string;
    finger: Finger;
    status: 'captured' | 'missing' | 'injured';
    quality: number | null;
    image_width: number | null;
    image_height: number | null;
  }>;
  for (const f of fingers) {
    summaries.get(f.application_id)?.fingerprints.push({
      finger: f.finger,
      status: f.status,
      quality: f.quality,
      image: f.image_width === null || f.image_height === null ? null : { width: f.image_width, height: f.image_height },
    });
  }
  return summaries;
}

/** The ID photo that arrived with an application (JPEG), if any. */
export function capturedPhoto(db: Database.Database, applicationId: string): Buffer | undefined {
  const row = db.prepare(`SELECT photo_jpeg FROM captures WHERE application_id = ?`).get(applicationId) as { photo_jpeg: Buffer | null } | undefined;
  return row?.photo_jpeg ?? undefined;
}

/** One side of the ID card's surface as the kiosk scanned it (JPEG). */
export function capturedCardScan(db: Database.Database, applicationId: string, side: 'front' | 'back'): Buffer | undefined {
  const row = db.prepare(`SELECT image_jpeg FROM captured_card_scans WHERE application_id = ? AND side = ?`).get(applicationId, side) as { image_jpeg: Buffer } | undefined;
  return row?.image_jpeg;
}

/** A captured finger's image (8-bit greyscale PNG); undefined for a finger missing, injured or not sent. */
export function capturedFinger(db: Database.Database, applicationId: string, finger: Finger): Buffer | undefined {
  const row = db.prepare(`SELECT image_png FROM captured_fingers WHERE application_id = ? AND finger = ?`).get(applicationId, finger) as
    | { image_png: Buffer | null }
    | undefined;
  return row?.image_png ?? undefined;
}

/** The signature that arrived with an application (PNG), if any. */
export function capturedSignature(db: Database.Database, applicationId: string): Buffer | undefined {
  const row = db.prepare(`SELECT signature_png FROM captures WHERE application_id = ?`).get(applicationId) as { signature_png: Buffer | null } | undefined;
  return row?.signature_png ?? undefined;
}
