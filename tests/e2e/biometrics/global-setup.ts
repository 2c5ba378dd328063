import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the fake-camera videos go (git-ignored: y4m is raw video, megabytes per second). */
export const root = join(import.meta.dirname, '../../..');
export const cameraDir = join(root, 'tests/artifacts/camera');
export const videoFor = (name: 'face' | 'no-face'): string => join(cameraDir, `${name}.y4m`);

/**
 * Turns the committed stills in assets/camera/ into short looping y4m videos for Chromium's fake
 * camera (`--use-file-for-fake-video-capture`), with Debian's ffmpeg. Rebuilt when the still changes.
 */
export default function globalSetup(): void {
  mkdirSync(cameraDir, { recursive: true });
  for (const name of ['face', 'no-face'] as const) {
    const source = join(root, 'assets/camera', `${name}.jpg`);
    const target = videoFor(name);
    if (existsSync(target) && statSync(target).mtimeMs > statSync(source).mtimeMs) continue;
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-loop', '1', '-i', source, '-t', '2', '-r', '10', '-vf', 'scale=640:480', '-pix_fmt', 'yuv420p', target]);
  }
}
