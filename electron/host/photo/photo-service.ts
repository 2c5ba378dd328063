import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { Session } from '../sessions/session.js';
import type { DocumentScanner } from '../../../devices/document-scanner/contract.js';
import { isDeviceError } from '../../../devices/errors.js';
import { cropToIdPhoto, ID_PHOTO, inspectImage, InvalidImageError } from './id-photo.js';
import { type CardScanRefusal, type CardSide, CARD_GUIDE_AREA, CARD_SCAN_DPI, findCardSurface } from './card-scan.js';
import { findPhotoPrint, PHOTO_GUIDE_AREA, PHOTO_SCAN_DPI, type ScanRefusal } from './scanned-photo.js';
import type { PhotoSource } from './photo-source.js';
import { isEnoughInk, measureInk } from './signature-ink.js';

/** A "My Photo" ID photo is accepted when taken within the last year. [000] */
const MAX_AGE_DAYS = 365;

/** How long a photo scan may take before the resident is told and offered another way. */
export const PHOTO_SCAN_TIMEOUT_MS = 20_000;

export type PhotoOrigin = 'live' | 'my-photo' | 'scanned-photo';

/** Why a scan of the resident's own print was not taken: the print, or the scanner asking for something. */
export type ScanPhotoRefusal = ScanRefusal | 'cover-open' | 'timeout';

export type ScanPhotoAnswer =
  | { outcome: 'found'; photo: { jpegBase64: string; width: number; height: number } }
  | { outcome: 'refused'; reason: ScanPhotoRefusal };

interface SessionImages {
  photo?: { source: PhotoOrigin; jpeg: Uint8Array };
  /** The ID card's surface, side by side, as the renewal sends it. */
  cardScans?: Partial<Record<CardSide, Uint8Array>>;
  /** A scanned print cropped by the host, waiting for the renderer's face check (never sent anywhere). */
  pendingScan?: Uint8Array;
  signature?: { png: Uint8Array; width: number; height: number };
  shareCodeFailures: number;
}

export type ShareCodeAnswer =
  | { outcome: 'found'; photo: { jpegBase64: string; width: number; height: number }; takenOn: string }
  | { outcome: 'not-found'; triesLeft: number }
  | { outcome: 'too-old'; takenOn: string };

/**
 * The session's photo (live, or the 一戶通 ID photo by share code) and signature. The bytes are
 * decoded into buffers registered with `session.keepBytes`; base64 text that carried them across
 * the bridge cannot be zeroed in JavaScript and is left to the garbage collector.
 */
export class PhotoService {
  private readonly bySession = new WeakMap<Session, SessionImages>();

  constructor(
    private readonly source: PhotoSource,
    private readonly options: { shareCodeTries: number; clock: () => Date },
  ) {}

  private of(session: Session): SessionImages {
    let entry = this.bySession.get(session);
    if (!entry) this.bySession.set(session, (entry = { shareCodeFailures: 0 }));
    return entry;
  }

  /** A live capture, already cropped by the renderer to the ID photo format (413 × 531 JPEG); anything else is refused. */
  async submitLive(session: Session, jpegBase64: string): Promise<{ width: number; height: number }> {
    const jpeg = session.keepBytes(new Uint8Array(Buffer.from(jpegBase64, 'base64')));
    const size = await inspectImage(jpeg, 'jpeg').catch(refuse);
    if (size.width !== ID_PHOTO.width || size.height !== ID_PHOTO.height) {
      jpeg.fill(0);
      throw new KioskApiError('invalid-params', `a live photo is ${ID_PHOTO.width}×${ID_PHOTO.height}, not ${size.width}×${size.height}`, 'photo-format');
    }
    this.replacePhoto(session, { source: 'live', jpeg });
    return size;
  }

  async fromShareCode(session: Session, code: string, signal: AbortSignal): Promise<ShareCodeAnswer> {
    const images = this.of(session);
    if (images.shareCodeFailures >= this.options.shareCodeTries) throw new KioskApiError('step-not-allowed', 'no share-code tries left');
    const lookup = await this.source.fetchByShareCode(code, signal);
    if (!lookup.found) {
      images.shareCodeFailures++;
      return { outcome: 'not-found', triesLeft: this.options.shareCodeTries - images.shareCodeFailures };
    }
    session.keepBytes(lookup.jpeg);
    const ageDays = (this.options.clock().getTime() - Date.parse(`${lookup.takenOn}T00:00:00Z`)) / 86_400_000;
    if (ageDays > MAX_AGE_DAYS) {
      lookup.jpeg.fill(0);
      return { outcome: 'too-old', takenOn: lookup.takenOn };
    }
    const cropped = await cropToIdPhoto(lookup.jpeg).catch(refuse);
    lookup.jpeg.fill(0);
    const jpeg = session.keepBytes(new Uint8Array(cropped.jpeg));
    cropped.jpeg.fill(0);
    this.replacePhoto(session, { source: 'my-photo', jpeg });
    return { outcome: 'found', photo: { jpegBase64: Buffer.from(jpeg).toString('base64'), width: cropped.width, height: cropped.height }, takenOn: lookup.takenOn };
  }

  /**
   * Scans the guide area of the bed where the resident laid their own print, finds and crops the
   * print (scanned-photo.ts) and holds it until the renderer's face check accepts or discards it.
   * Refusals are answers; a scanner that is absent, busy or faulty rejects with its device error.
   * Nothing of a refused scan is kept: the scan's samples are zeroed in every case.
   */
  async scanOwnPhoto(session: Session, scanner: DocumentScanner, signal: AbortSignal): Promise<ScanPhotoAnswer> {
    this.discardScan(session);
    let image;
    try {
      image = await scanner.scan({ area: PHOTO_GUIDE_AREA, dpi: PHOTO_SCAN_DPI, mode: 'colour', timeoutMs: PHOTO_SCAN_TIMEOUT_MS }, signal);
    } catch (error) {
      if (isDeviceError(error) && error.code === 'user-action-needed' && error.detail === 'no-document') return { outcome: 'refused', reason: 'empty-bed' };
      if (isDeviceError(error) && error.code === 'user-action-needed' && error.detail === 'cover-open') return { outcome: 'refused', reason: 'cover-open' };
      if (isDeviceError(error) && error.code === 'timeout') return { outcome: 'refused', reason: 'timeout' };
      throw error;
    }
    const found = await findPhotoPrint(image);
    if (found.outcome === 'refused') return found;
    const jpeg = session.keepBytes(new Uint8Array(found.jpeg));
    found.jpeg.fill(0);
    this.of(session).pendingScan = jpeg;
    return { outcome: 'found', photo: { jpegBase64: Buffer.from(jpeg).toString('base64'), width: found.width, height: found.height } };
  }

  /**
   * Scans one side of the ID card laid at the bed's corner mark and keeps the cropped surface for
   * the application (replacing an earlier scan of that side). Refusals are answers and keep nothing.
   */
  async scanCardSide(
    session: Session,
    scanner: DocumentScanner,
    side: CardSide,
    signal: AbortSignal,
  ): Promise<{ outcome: 'scanned'; side: CardSide; image: { jpegBase64: string; width: number; height: number } } | { outcome: 'refused'; reason: CardScanRefusal | 'cover-open' | 'timeout' }> {
    let image;
    try {
      image = await scanner.scan({ area: CARD_GUIDE_AREA, dpi: CARD_SCAN_DPI, mode: 'colour', timeoutMs: PHOTO_SCAN_TIMEOUT_MS }, signal);
    } catch (error) {
      if (isDeviceError(error) && error.code === 'user-action-needed' && error.detail === 'no-document') return { outcome: 'refused', reason: 'empty-bed' };
      if (isDeviceError(error) && error.code === 'user-action-needed' && error.detail === 'cover-open') return { outcome: 'refused', reason: 'cover-open' };
      if (isDeviceError(error) && error.code === 'timeout') return { outcome: 'refused', reason: 'timeout' };
      throw error;
    }
    const found = await findCardSurface(image);
    if (found.outcome === 'refused') return found;
    const jpeg = session.keepBytes(new Uint8Array(found.jpeg));
    found.jpeg.fill(0);
    const images = this.of(session);
    images.cardScans ??= {};
    images.cardScans[side]?.fill(0);
    images.cardScans[side] = jpeg;
    return { outcome: 'scanned', side, image: { jpegBase64: Buffer.from(jpeg).toString('base64'), width: found.width, height: found.height } };
  }

  /** The card sides scanned in this visit (for the evidence and the application). */
  cardScansOf(session: Session): Partial<Record<CardSide, Uint8Array>> {
    return { ...this.bySession.get(session)?.cardScans };
  }

  /** The renderer found one face in the scanned print: it becomes the application's photo. */
  acceptScan(session: Session): { width: number; height: number } {
    const images = this.of(session);
    const jpeg = images.pendingScan;
    if (!jpeg) throw new KioskApiError('step-not-allowed', 'no scanned photo is waiting to be accepted', 'no-scan');
    images.pendingScan = undefined;
    this.replacePhoto(session, { source: 'scanned-photo', jpeg });
    return { ...ID_PHOTO };
  }

  /** The renderer's face check refused the print (or the resident scans again): nothing of it is kept. */
  discardScan(session: Session): void {
    const images = this.of(session);
    images.pendingScan?.fill(0);
    images.pendingScan = undefined;
  }

  /** The signature pad's PNG, kept only with enough ink to be a signature (the same limit the renderer checks). */
  async submitSignature(session: Session, pngBase64: string): Promise<void> {
    const png = session.keepBytes(new Uint8Array(Buffer.from(pngBase64, 'base64')));
    const size = await inspectImage(png, 'png').catch(refuse);
    if (!isEnoughInk(await measureInk(png))) {
      png.fill(0);
      throw new KioskApiError('invalid-params', 'the signature has too little ink', 'too-little-ink');
    }
    const images = this.of(session);
    images.signature?.png.fill(0);
    images.signature = { png, ...size };
  }

  /** What the application will carry (for the applications module). */
  photoOf(session: Session): { source: PhotoOrigin; jpeg: Uint8Array } | undefined {
    return this.bySession.get(session)?.photo;
  }

  signatureOf(session: Session): { png: Uint8Array; width: number; height: number } | undefined {
    return this.bySession.get(session)?.signature;
  }

  /** What the summary before paying shows: the application's photo and signature, as the host holds them. */
  async forReview(session: Session): Promise<{ photo: { jpegBase64: string; width: number; height: number } | null; signature: { pngBase64: string; width: number; height: number } | null }> {
    const held = this.bySession.get(session);
    const signature = held?.signature;
    const photo = held?.photo;
    const size = photo ? await inspectImage(photo.jpeg, 'jpeg') : undefined;
    return {
      photo: photo && size ? { jpegBase64: Buffer.from(photo.jpeg).toString('base64'), width: size.width, height: size.height } : null,
      signature: signature ? { pngBase64: Buffer.from(signature.png).toString('base64'), width: signature.width, height: signature.height } : null,
    };
  }

  /** The resident went back to retake the photo (visit.back): the earlier one is zeroed and dropped. */
  discardPhoto(session: Session): void {
    const images = this.bySession.get(session);
    images?.photo?.jpeg.fill(0);
    if (images) images.photo = undefined;
  }

  /** The resident went back to sign again (visit.back). */
  discardSignature(session: Session): void {
    const images = this.bySession.get(session);
    images?.signature?.png.fill(0);
    if (images) images.signature = undefined;
  }

  /** The resident went back to scan the card again (visit.back): both sides are scanned anew. */
  discardCardScans(session: Session): void {
    const images = this.bySession.get(session);
    for (const jpeg of Object.values(images?.cardScans ?? {})) jpeg.fill(0);
    if (images) images.cardScans = undefined;
  }

  private replacePhoto(session: Session, photo: { source: PhotoOrigin; jpeg: Uint8Array }): void {
    const images = this.of(session);
    images.photo?.jpeg.fill(0);
    images.photo = photo;
  }
}

function refuse(error: unknown): never {
  if (error instanceof InvalidImageError) throw new KioskApiError('invalid-params', error.message);
  throw error;
}
