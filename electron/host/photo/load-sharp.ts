import type sharpFunction from 'sharp';

export type Sharp = typeof sharpFunction;

let loading: Promise<Sharp> | undefined;

/**
 * sharp (libvips), loaded with the first image the host handles rather than at its start: its
 * native binding is a fair share of the host's start-up imports, and the attract screen needs no
 * image (docs/performance.md, cold start). Every image path of the host and of its simulators
 * reaches sharp through here, so its process-wide settings are made once, in one place.
 */
export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // libvips's operation cache (up to 50 MB and 100 operations by default) only pays when the
    // same operation runs again on the same input; the host never does that (every image is a
    // resident's own, handled once), so it would only hold native memory for the kiosk's life.
    sharp.cache(false);
    return sharp;
  });
  return loading;
}
