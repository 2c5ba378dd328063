import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererChunks } from '../../helpers/renderer-chunks.js';

/**
 * The first paint (attract screen, menu) loads only what it shows: a visit's step screens and the
 * technician's maintenance screens are chunks of their own, loaded on idle after start
 * (renderer/app/lazy-screen.tsx). Each probe is a string only that screen's code holds. Needs a build.
 */
const dist = join(process.cwd(), 'dist/renderer');
const PROBES: Record<string, string> = {
  maintenance: 'maintenance.bundle.export',
  payment: 'payment.atCounterHint',
  photo: 'photo.starting',
  signature: 'signature.confirm',
};

describe('lazy screens', () => {
  it('keeps step and maintenance screens out of the chunks the first paint loads', () => {
    expect(existsSync(join(dist, 'index.html')), 'run `npm run build` first').toBe(true);
    const { initial, lazy, code } = rendererChunks(dist);
    for (const [screen, probe] of Object.entries(PROBES)) {
      const holders = [...code].filter(([, text]) => text.includes(probe)).map(([name]) => name);
      expect(holders, `${screen}: ${probe}`).not.toHaveLength(0);
      for (const holder of holders) expect(initial, `${screen} is loaded by the first paint (${holder})`).not.toContain(holder);
      for (const holder of holders) expect(lazy).toContain(holder);
    }
  });
});
