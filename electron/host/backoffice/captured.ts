/**
 * What the kiosk captured in a visit, as it travels in an application to the back office
 * (`ApplicationSubmission` in wire.ts). One schema for both ends: the kiosk builds it from what the
 * host holds (never from the renderer's word), the back office (and its simulator) validates it.
 * The formats are documented in docs/backoffice-api.md.
 */
import { z } from 'zod';
import { FINGERS } from '../../../devices/fingerprint-scanner/contract.js';

/** The ID photo format: 35 × 45 mm at 300 dpi, JPEG. */
export const ID_PHOTO_SIZE = { width: 413, height: 531 } as const;

/** Base64 of at most `bytes` bytes (4 characters per 3 bytes). */
const base64Of = (bytes: number) =>
  z
    .string()
    .max(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const CapturedPhoto = z.strictObject({
  /** `live`: the kiosk's camera; `my-photo`: the 一戶通 ID photo by share code; `scanned-photo`: the resident's own print on the scanner. */
  source: z.enum(['live', 'my-photo', 'scanned-photo']),
  jpegBase64: base64Of(1_500_000),
  width: z.literal(ID_PHOTO_SIZE.width),
  height: z.literal(ID_PHOTO_SIZE.height),
});
export type CapturedPhoto = z.infer<typeof CapturedPhoto>;

/** The ID card's surface as the kiosk scanned it (ID-1 at 300 dpi, JPEG), one entry per side. */
export const CARD_SCAN_SIZE = { width: 1011, height: 638 } as const;
export const CapturedCardScan = z.strictObject({
  side: z.enum(['front', 'back']),
  jpegBase64: base64Of(1_500_000),
  width: z.literal(CARD_SCAN_SIZE.width),
  height: z.literal(CARD_SCAN_SIZE.height),
});
export type CapturedCardScan = z.infer<typeof CapturedCardScan>;
export const CapturedCardScans = z
  .array(CapturedCardScan)
  .min(1)
  .max(2)
  .refine((scans) => new Set(scans.map((s) => s.side)).size === scans.length, 'each side once');

export const FingerName = z.enum(FINGERS);

/** One finger of the ten-print capture: its template and image, or why there is none. */
export const CapturedFinger = z.discriminatedUnion('status', [
  z.strictObject({
    finger: FingerName,
    status: z.literal('captured'),
    /** The scanner's quality score, 0–100, at or above the kiosk's floor. */
    quality: z.number().int().min(0).max(100),
    /** The scanner's template (its own format, compared by the back office's matcher). */
    templateBase64: base64Of(16_384),
    /** The image as an 8-bit greyscale PNG (the scanner's resolution, 500 dpi). */
    image: z.strictObject({ pngBase64: base64Of(400_000), width: z.number().int().min(64).max(1024), height: z.number().int().min(64).max(1024) }),
  }),
  z.strictObject({ finger: FingerName, status: z.enum(['missing', 'injured']) }),
]);
export type CapturedFinger = z.infer<typeof CapturedFinger>;

export const CapturedFingerprints = z
  .array(CapturedFinger)
  .min(1)
  .max(10)
  .refine((fingers) => new Set(fingers.map((f) => f.finger)).size === fingers.length, 'each finger once');

export const CapturedSignature = z.strictObject({
  /** The signature pad's strokes as a PNG (dark ink on white or transparent). */
  pngBase64: base64Of(500_000),
  width: z.number().int().min(100).max(2000),
  height: z.number().int().min(50).max(2000),
});
export type CapturedSignature = z.infer<typeof CapturedSignature>;

/** How the kiosk established who is applying (and, for a minor, who accompanies them). */
export const IdentityVerification = z.strictObject({
  /** The applicant's finger matched the card's reference, or the card's PIN was verified. */
  applicant: z.enum(['fingerprint', 'pin']),
  /** A minor's accompanying adult, whose card was read and whose finger (or PIN) matched it. */
  guardian: z
    .strictObject({
      relation: z.enum(['father', 'mother', 'guardian']),
      cardNumber: z.string().regex(/^\d{7}\(\d\)$/),
      verifiedBy: z.enum(['fingerprint', 'pin']),
    })
    .optional(),
});
export type IdentityVerification = z.infer<typeof IdentityVerification>;
