import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installRoot } from '../../electron/host/install-root.js';
import { loadSharp } from '../../electron/host/photo/load-sharp.js';
import type { RgbPicture } from './samples.js';

/** The public-domain portrait the camera tests use (assets/camera/README.md), printed on the sample photos. */
const FACE = join(installRoot, 'assets/camera/face.jpg');

/**
 * Decodes the sample face for the simulated scanner's photo prints, so the renderer's face
 * analyser finds a real face in a scanned print. Undefined when the asset is not there (a
 * packaged kiosk): the prints then carry a drawn face.
 */
export async function loadSampleFace(): Promise<RgbPicture | undefined> {
  if (!existsSync(FACE)) return undefined;
  const { data, info } = await (await loadSharp())(FACE).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
