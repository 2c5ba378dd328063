import { z } from 'zod';
import { Finger } from './service-results.js';

/**
 * The KioskApi methods and events of fingerprints, photo, signature and camera health (spread into
 * `kioskMethods` / `kioskEvents` in bridge/contract.ts). Pure zod: the renderer sees these through
 * the contract. Domain outcomes (no match, poor quality, unknown share code) are results; errors
 * are for operations that could not run.
 */
export { Finger };

const CameraReport = z.enum(['streaming', 'no-device', 'permission-denied', 'stream-error']);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
/** ~190 KB of image: a frame stays under the bridge's 256 KiB limit. */
const ImageBase64 = Base64.max(190_000);
const NoParams = z.strictObject({});

/**
 * A signature has at least this much ink, in the pad's pixels (900 × 360): a stroke this long and
 * ink this wide. The renderer checks the strokes before sending; the host checks the image it gets
 * (photo/signature-ink.ts), so a forged blank or a dot is refused either way.
 */
export const SIGNATURE_MIN_INK = { length: 250, width: 120 } as const;

export const VerifyFingerResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('matched'), finger: Finger }),
  z.object({
    outcome: z.enum(['no-match', 'poor-quality', 'no-finger']),
    finger: Finger,
    /** Tries left on this finger; 0: choose another enrolled finger or the PIN. */
    triesLeft: z.number().int().nonnegative(),
    /** Enrolled fingers that still have tries. */
    otherFingers: z.array(Finger),
    /** The non-biometric path (the PIN letter's 6-digit PIN) is open. [001 ID Q24] */
    pinOffered: z.boolean(),
  }),
]);
export type VerifyFingerResult = z.infer<typeof VerifyFingerResult>;

export const PinResult = z.discriminatedUnion('verified', [
  z.object({ verified: z.literal(true) }),
  z.object({ verified: z.literal(false), triesLeft: z.number().int().nonnegative(), blocked: z.boolean() }),
]);

export const FingerStatus = z.object({
  finger: Finger,
  status: z.enum(['pending', 'captured', 'missing', 'injured', 'failed']),
  quality: z.number().int().min(0).max(100).optional(),
  triesLeft: z.number().int().nonnegative(),
});
export type FingerStatus = z.infer<typeof FingerStatus>;

export const TenPrintStatus = z.object({
  fingers: z.array(FingerStatus),
  qualityFloor: z.number().int(),
  /** Every finger is captured, missing, injured or failed. */
  complete: z.boolean(),
  /** A finger failed its tries: capture must be finished at a counter. [001 ID Q24C] */
  referral: z.boolean(),
});
export type TenPrintStatus = z.infer<typeof TenPrintStatus>;

export const CaptureFingerResult = z.object({
  outcome: z.enum(['captured', 'poor-quality', 'no-finger', 'failed']),
  finger: Finger,
  quality: z.number().int().min(0).max(100).optional(),
  status: TenPrintStatus,
});

export const PhotoImage = z.object({ jpegBase64: ImageBase64, width: z.number().int().positive(), height: z.number().int().positive() });
export type PhotoImage = z.infer<typeof PhotoImage>;

export const ShareCodeResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('found'), photo: PhotoImage, takenOn: z.iso.date() }),
  /** Unknown or expired code; `triesLeft` before the kiosk stops asking. */
  z.object({ outcome: z.literal('not-found'), triesLeft: z.number().int().nonnegative() }),
  /** The ID photo is older than the service accepts (a year). [000] */
  z.object({ outcome: z.literal('too-old'), takenOn: z.iso.date() }),
]);

/** A scan of the resident's own print: the cropped photo for the renderer's face check, or why not. */
export const ScanPhotoResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('found'), photo: PhotoImage }),
  z.object({ outcome: z.literal('refused'), reason: z.enum(['empty-bed', 'too-small', 'crooked', 'glare', 'cover-open', 'timeout']) }),
]);

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const biometricsMethods = {
  /**
   * Reads the fingerprint references from the ID card on the reader and starts a verification of
   * `who` (default the applicant; `guardian`: the minor's accompanying adult, once `guardian.readCard`
   * found them on file). `verifyFinger` and `verifyPin` then act on that person. `wrong-card` if the
   * card on the reader is not that person's, `card-removed` if it is gone, `no-session`.
   * `alreadyVerified`: this person was verified earlier in the visit (nothing to do, no card needed).
   */
  'biometrics.startVerification': method(
    z.strictObject({ who: z.enum(['applicant', 'guardian']).default('applicant') }),
    z.object({ enrolled: z.array(Finger), triesPerFinger: z.number().int().positive(), alreadyVerified: z.boolean() }),
  ),
  /**
   * One try: waits for the finger (live prompts in `biometrics.prompt`), captures it and compares it
   * with the card's reference. Long: pass an AbortSignal. Three tries per enrolled finger; then
   * another enrolled finger or the PIN. `step-not-allowed` for a finger not enrolled or without tries.
   */
  'biometrics.verifyFinger': method(z.strictObject({ finger: Finger }), VerifyFingerResult),
  /** The alternative path, open once a finger used its tries: the PIN letter's 6-digit PIN. */
  'biometrics.verifyPin': method(z.strictObject({ pin: z.string().regex(/^\d{6}$/) }), PinResult),
  /** Starts (or restarts) ten-print capture for these fingers. */
  'biometrics.startTenPrint': method(z.strictObject({ fingers: z.array(Finger).min(1).max(10) }), TenPrintStatus),
  /** One capture of one finger, judged against the quality floor; three tries per finger. */
  'biometrics.captureFinger': method(z.strictObject({ finger: Finger }), CaptureFingerResult),
  /** Records a finger that cannot be captured. */
  'biometrics.markFinger': method(z.strictObject({ finger: Finger, reason: z.enum(['missing', 'injured']) }), TenPrintStatus),
  'biometrics.tenPrintStatus': method(NoParams, TenPrintStatus),
  /** The renderer's view of the camera, for the host's device health. */
  'camera.report': method(z.strictObject({ report: CameraReport }), z.object({})),
  /** The live photo, cropped to the ID format in the renderer (JPEG); checked and kept in the session. */
  'photo.submitLive': method(z.strictObject({ jpegBase64: ImageBase64 }), z.object({ width: z.number().int(), height: z.number().int() })),
  /** The 一戶通 "My Photo" ID photo for a 6-digit share code, cropped to the ID format and kept in the session. */
  'photo.fromShareCode': method(z.strictObject({ code: z.string().regex(/^\d{6}$/) }), ShareCodeResult),
  /**
   * Scans the resident's own print laid at the bed's corner mark; the host crops it to the ID format
   * and holds it until `photo.acceptScan` (the renderer's face check passed) or `photo.discardScan`.
   * Long: pass an AbortSignal. A scanner that is absent or faulty fails with its device error.
   */
  'photo.scanOwn': method(z.strictObject({}), ScanPhotoResult),
  /** The scanned print showed one face: it becomes the application's photo (`scanned-photo`). */
  'photo.acceptScan': method(z.strictObject({}), z.object({ width: z.number().int(), height: z.number().int() })),
  /** The scanned print was refused in the renderer: the host forgets it. */
  'photo.discardScan': method(z.strictObject({}), z.object({})),
  /**
   * Scans one side of the ID card laid at the bed's corner mark; the host crops and keeps it for
   * the application. Long: pass an AbortSignal. A scanner that is absent or faulty fails with its device error.
   */
  'cardScan.scan': method(
    z.strictObject({ side: z.enum(['front', 'back']) }),
    z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('scanned'), side: z.enum(['front', 'back']), image: PhotoImage }),
      z.object({ outcome: z.literal('refused'), reason: z.enum(['empty-bed', 'not-a-card', 'crooked', 'cover-open', 'timeout']) }),
    ]),
  ),
  /** The signature as a PNG; refused (`invalid-params`) when it is not a PNG. */
  'signature.submit': method(z.strictObject({ pngBase64: ImageBase64 }), z.object({})),
  /**
   * The photo and signature the host holds for this application, for the summary before paying
   * (the review step only): null where the service took none.
   */
  'photo.forReview': method(
    NoParams,
    z.object({
      photo: PhotoImage.nullable(),
      signature: z.object({ pngBase64: ImageBase64, width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
    }),
  ),
} as const;

export const biometricsEvents = {
  /** Live guidance from the fingerprint scanner during a capture. */
  'biometrics.prompt': z.object({ prompt: z.enum(['place-finger', 'lift-finger', 'too-light', 'too-dark']) }),
} as const;
