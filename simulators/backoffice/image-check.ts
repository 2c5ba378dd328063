import { createHash } from 'node:crypto';
import { loadSharp } from '../../electron/host/photo/load-sharp.js';

export interface ExpectedImage {
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** One 8-bit channel (a fingerprint image). */
  greyscale?: boolean;
}

/** No captured picture is larger than a 2000 × 2000 signature: anything bigger is refused before decoding. */
const MAX_PIXELS = 2000 * 2000;

/**
 * Decodes base64 image data completely (every pixel, so a truncated file is caught, not just a good
 * header) and checks it is what the submission declares. Null when it is; otherwise why not, in a
 * few words for a problem's `detail`.
 */
export async function imageProblem(base64: string, expected: ExpectedImage): Promise<string | null> {
  // Tests send the same sample pictures hundreds of times: the verdict on the same bytes is the same.
  const key = `${createHash('sha256').update(base64).digest('base64')} ${expected.format} ${expected.width}x${expected.height} ${expected.greyscale === true}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = await decodeAndCheck(base64, expected);
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(key, verdict);
  return verdict;
}

const MAX_VERDICTS = 256;
const verdicts = new Map<string, string | null>();

async function decodeAndCheck(base64: string, expected: ExpectedImage): Promise<string | null> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return 'empty';
  const name = expected.format === 'jpeg' ? 'JPEG' : 'PNG';
  try {
    const decoder = (await loadSharp())(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS });
    const meta = await decoder.metadata();
    if (meta.format !== expected.format) return `not a ${name}`;
    const { info } = await decoder.raw().toBuffer({ resolveWithObject: true });
    if (info.width !== expected.width || info.height !== expected.height) {
      return `${name} of ${info.width}×${info.height}, not ${expected.width}×${expected.height}`;
    }
    if (expected.greyscale && (meta.channels !== 1 || meta.depth !== 'uchar')) return `not an 8-bit greyscale ${name}`;
    return null;
  } catch {
    return `not a readable ${name}`;
  }
}
