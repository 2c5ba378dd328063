import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pinyin dictionary (about 2 MB) is loaded when a resident first turns on Chinese entry: it
 * ships in a chunk of its own, never in the entry chunk every visit starts with. Needs a build.
 */
const dist = join(process.cwd(), 'dist/renderer');
const WORD = '一丁点儿'; // the dictionary's first word

describe('pinyin dictionary chunk', () => {
  it('is outside the entry chunk, in a chunk of its own', () => {
    expect(existsSync(join(dist, 'index.html')), 'run `npm run build` first').toBe(true);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = /<script[^>]+src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(readFileSync(join(dist, entry ?? ''), 'utf8')).not.toContain(WORD);
    const holders = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js') && readFileSync(join(dist, 'assets', file), 'utf8').includes(WORD));
    expect(holders).toHaveLength(1);
    expect(`assets/${holders[0]}`).not.toBe(entry);
  });
});
