import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the host loads before it listens (docs/performance.md, cold start): the packages reached by
 * static imports from its entries. Image processing (sharp), the fleet's MQTT client and the
 * receipt renderer are imported where they are first used, so a kiosk powering up does not wait
 * for them. Type-only imports load nothing and are skipped.
 */
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function startupPackages(entry: string): Map<string, string[]> {
  const reachedBy = new Map<string, string[]>(); // package → the chain of files that imports it
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const chain = seen.get(file)!;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (specifier!.startsWith('node:')) continue;
      if (specifier!.startsWith('.')) {
        const target = resolve(dirname(file), specifier!.replace(/\.js$/, '.ts'));
        if (!seen.has(target) && existsSync(target)) {
          seen.set(target, [...chain, target]);
          queue.push(target);
        }
        continue;
      }
      const name = specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!;
      if (!reachedBy.has(name)) reachedBy.set(name, chain.map((f) => f.replace(`${process.cwd()}/`, '')));
    }
  }
  return reachedBy;
}

describe("the host's start-up imports", () => {
  // standalone.ts serves the page, then imports browser-mode-host.ts (the host's half) before it listens.
  it.each([
    ['electron/host/standalone.ts', ['zod', 'ws']],
    ['electron/host/browser-mode-host.ts', ['zod', 'better-sqlite3']],
    ['electron/host/host.ts', ['zod', 'better-sqlite3']],
  ])('%s reaches no image, MQTT or receipt-rendering package statically', (entry, needed) => {
    const packages = startupPackages(resolve(entry));
    for (const lazy of ['sharp', 'mqtt', 'qrcode', '@point-of-sale/receipt-printer-encoder', 'serialport']) {
      expect(packages.get(lazy), `${lazy} is imported at start by ${packages.get(lazy)?.join(' ← ')}`).toBeUndefined();
    }
    // The walk itself works: what the host does need at start is found.
    expect([...packages.keys()]).toEqual(expect.arrayContaining(needed));
  });
});
