// Types for scripts/bundle-host.mjs (a plain build script), for the tests that build the bundle.
import type { Metafile } from 'esbuild';

export const HOST_EXTERNAL: readonly string[];
export function bundleHost(options?: { outdir?: string }): Promise<Metafile>;
