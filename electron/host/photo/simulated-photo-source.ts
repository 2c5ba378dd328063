import { loadSharp } from './load-sharp.js';
import type { PhotoSource, ShareCodeLookup } from './photo-source.js';

/**
 * An in-process stand-in for the back office's "My Photo" service, with a few fixed share codes
 * (docs/photo.md). The photos are drawn portraits (no real person), rendered on demand.
 *
 * TODO(backoffice): replace with the back-office client when simulators/backoffice serves share codes.
 */
export const SIMULATED_SHARE_CODES = {
  /** A recent ID photo. */
  '246810': { takenDaysAgo: 30, shirt: '#1f4e8c' },
  /** Another recent one, landscape, to show the crop. */
  '135791': { takenDaysAgo: 200, shirt: '#7a2e2e', landscape: true },
  /** Taken more than a year ago: the service refuses it. [000] */
  '111111': { takenDaysAgo: 500, shirt: '#2e6b3a' },
} as const satisfies Record<string, { takenDaysAgo: number; shirt: string; landscape?: boolean }>;

export class SimulatedPhotoSource implements PhotoSource {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  async fetchByShareCode(code: string, signal?: AbortSignal): Promise<ShareCodeLookup> {
    signal?.throwIfAborted();
    const entry = (SIMULATED_SHARE_CODES as Record<string, { takenDaysAgo: number; shirt: string; landscape?: boolean }>)[code];
    if (!entry) return { found: false };
    const taken = new Date(this.clock().getTime() - entry.takenDaysAgo * 86_400_000);
    const jpeg = await drawnPortrait(entry.shirt, entry.landscape === true);
    return { found: true, jpeg, takenOn: taken.toISOString().slice(0, 10) };
  }
}

/** A simple drawn head-and-shoulders portrait on the ID photo's white background. */
async function drawnPortrait(shirt: string, landscape: boolean): Promise<Uint8Array> {
  const [w, h] = landscape ? [800, 600] : [600, 800];
  const cx = w / 2;
  const cy = h * 0.42;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="#f4f4f2"/>
    <path d="M ${cx - 220} ${h} Q ${cx - 200} ${cy + 170} ${cx} ${cy + 160} Q ${cx + 200} ${cy + 170} ${cx + 220} ${h} Z" fill="${shirt}"/>
    <rect x="${cx - 40}" y="${cy + 90}" width="80" height="80" fill="#d9a982"/>
    <ellipse cx="${cx}" cy="${cy}" rx="110" ry="140" fill="#e8b894"/>
    <path d="M ${cx - 115} ${cy - 20} Q ${cx - 120} ${cy - 165} ${cx} ${cy - 160} Q ${cx + 120} ${cy - 165} ${cx + 115} ${cy - 20} Q ${cx + 60} ${cy - 110} ${cx - 115} ${cy - 20} Z" fill="#2b2320"/>
    <ellipse cx="${cx - 42}" cy="${cy - 5}" rx="14" ry="8" fill="#3a2a20"/>
    <ellipse cx="${cx + 42}" cy="${cy - 5}" rx="14" ry="8" fill="#3a2a20"/>
    <path d="M ${cx - 8} ${cy + 10} L ${cx - 14} ${cy + 45} L ${cx + 10} ${cy + 45}" stroke="#b98464" stroke-width="4" fill="none"/>
    <path d="M ${cx - 35} ${cy + 80} Q ${cx} ${cy + 95} ${cx + 35} ${cy + 80}" stroke="#9c4a44" stroke-width="6" fill="none"/>
  </svg>`;
  return new Uint8Array(await (await loadSharp())(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
}
