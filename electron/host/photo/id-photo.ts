import { loadSharp } from './load-sharp.js';

/** The ID photo format: 35 × 45 mm at 300 dpi. */
export const ID_PHOTO = { width: 413, height: 531 } as const;

/**
 * Crops any portrait to the ID photo format: the largest 35:45 window, centred horizontally and
 * leaning to the top (a portrait's head is in its upper part), resized to 413 × 531, JPEG.
 * Rejects with `invalid-image` for bytes that are not an image.
 */
export async function cropToIdPhoto(bytes: Uint8Array): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const image = (await loadSharp())(bytes, { failOn: 'error' }).rotate();
  const meta = await image.metadata().catch(() => undefined);
  if (!meta?.width || !meta.height) throw new InvalidImageError('not an image');
  const ratio = ID_PHOTO.width / ID_PHOTO.height;
  let width = meta.width;
  let height = Math.round(width / ratio);
  if (height > meta.height) {
    height = meta.height;
    width = Math.round(height * ratio);
  }
  const left = Math.round((meta.width - width) / 2);
  const top = Math.round((meta.height - height) / 4);
  const jpeg = await image
    .extract({ left, top, width, height })
    .resize(ID_PHOTO.width, ID_PHOTO.height)
    .jpeg({ quality: 88 })
    .toBuffer();
  return { jpeg, ...ID_PHOTO };
}

/** Checks an image from the renderer: the declared format, plausible size. Returns its size. */
export async function inspectImage(bytes: Uint8Array, format: 'jpeg' | 'png'): Promise<{ width: number; height: number }> {
  const meta = await (await loadSharp())(bytes, { failOn: 'error' })
    .metadata()
    .catch(() => undefined);
  if (!meta || meta.format !== format || !meta.width || !meta.height) throw new InvalidImageError(`not a ${format} image`);
  if (meta.width > 2000 || meta.height > 2000 || meta.width < 100 || meta.height < 50) throw new InvalidImageError(`implausible size ${meta.width}×${meta.height}`);
  return { width: meta.width, height: meta.height };
}

export class InvalidImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidImageError';
  }
}
