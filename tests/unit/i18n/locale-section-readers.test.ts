import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_SECTIONS, type LazySection } from '../../../renderer/i18n/lazy-sections.js';

/**
 * A lazy locale section (renderer/i18n/lazy-sections.ts) is in i18next only once some module that
 * reads it has added it. A module that reads a section's keys without adding it shows raw keys
 * whenever it renders before another reader has loaded (the idle preload usually hides that). So
 * every module that asks `t()` for a section's key adds that section itself, unless it is rendered
 * only inside a module that does (below, with the reason).
 */
const RENDERED_ONLY_INSIDE: Readonly<Record<string, string>> = {
  // The technician's panels: only MaintenanceScreen renders them, and it adds `maintenance`.
  'renderer/maintenance/': 'maintenance',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The sections whose keys a module asks `t()` for: `t('section.…')` or a template starting with it. */
function sectionsRead(text: string): LazySection[] {
  return LAZY_SECTIONS.filter((section) => new RegExp(`\\bt\\(\\s*['"\`]${section}\\.`).test(text));
}

function sectionsAdded(text: string): string[] {
  return [...text.matchAll(/addLocaleSection\(\s*'([A-Za-z]+)'/g)].map((match) => match[1]!);
}

describe('lazy locale sections', () => {
  const modules = sources(join(process.cwd(), 'renderer')).map((path) => ({ path: relative(process.cwd(), path), text: readFileSync(path, 'utf8') }));

  it('are added by every module that reads them', () => {
    const missing: string[] = [];
    for (const { path, text } of modules) {
      const added = sectionsAdded(text);
      for (const section of sectionsRead(text)) {
        if (added.includes(section)) continue;
        const inside = Object.entries(RENDERED_ONLY_INSIDE).find(([folder, covered]) => path.startsWith(folder) && covered === section);
        if (!inside) missing.push(`${path} reads ${section}.* without addLocaleSection('${section}', …)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds the readers it checks (the scan is not empty)', () => {
    const readers = modules.filter(({ text }) => sectionsRead(text).length > 0).map(({ path }) => path);
    expect(readers).toEqual(expect.arrayContaining(['renderer/steps/common/RefusalScreen.tsx', 'renderer/steps/common/PaymentScreen.tsx']));
  });
});
