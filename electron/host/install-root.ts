import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation's root (where package.json, config/, assets/ and dist/ are), found once by
 * walking up from this module to the first directory that has a package.json. Every path the
 * host derives from its own location goes through this, so the host runs alike from the sources
 * (tsx), from dist/node/ (tsc's one file per module, as Electron's main loads it) and from the
 * start bundle in dist/host/ (scripts/bundle-host.mjs), whose modules all share one file.
 */
export function findInstallRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: cannot find the installation's root`);
  }
}

export const installRoot = findInstallRoot(dirname(fileURLToPath(import.meta.url)));
