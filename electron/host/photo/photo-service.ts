import { KioskApiError } from '../bridge/errors.js';
import type { Session } from '../sessions/session.js';
import { cropToIdPhoto, ID_PHOTO, inspectImage, InvalidImageError } from './id-photo.js';
import type { PhotoSource } from './photo-source.js';
import { isEnoughInk, measureInk } from './signature-ink.js';

/** A "My Photo" ID photo is accepted when taken within the last year. [000] */
const MAX_AGE_DAYS = 365;

interface SessionImages {
  photo?: { source: 'live' | 'my-photo'; jpeg: Uint8Array };
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
  photoOf(session: Session): { source: 'live' | 'my-photo'; jpeg: Uint8Array } | undefined {
    return this.bySession.get(session)?.photo;
  }

  signatureOf(session: Session): { png: Uint8Array; width: number; height: number } | undefined {
    return this.bySession.get(session)?.signature;
  }

  private replacePhoto(session: Session, photo: { source: 'live' | 'my-photo'; jpeg: Uint8Array }): void {
    const images = this.of(session);
    images.photo?.jpeg.fill(0);
    images.photo = photo;
  }
}

function refuse(error: unknown): never {
  if (error instanceof InvalidImageError) throw new KioskApiError('invalid-params', error.message);
  throw error;
}
