import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The renderer build's chunks, split into what the first paint loads (the module script in
 * index.html and every chunk it imports statically, transitively) and what loads later
 * (`import()`). Read by the bundle benchmark and the tests that keep code out of the entry.
 */
export interface RendererChunks {
  /** File names under `assets/`, in the order the walk met them. */
  initial: string[];
  lazy: string[];
  /** Each chunk's code. */
  code: ReadonlyMap<string, string>;
}

export function rendererChunks(distDir: string): RendererChunks {
  const assets = join(distDir, 'assets');
  const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const code = new Map(files.map((name) => [name, readFileSync(join(assets, name), 'utf8')] as const));
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module"[^>]*src="\.\/assets\/([^"]+)"/)?.[1];
  if (!entry || !code.has(entry)) throw new Error(`no entry script in ${distDir}/index.html`);
  const initial = new Set<string>();
  const visit = (name: string): void => {
    if (initial.has(name) || !code.has(name)) return;
    initial.add(name);
    // Static imports only (`import{…}from"./x.js"` or `import"./x.js"`), never `import("./x.js")`.
    for (const match of code.get(name)!.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) visit(match[1]!);
  };
  visit(entry);
  return { initial: [...initial], lazy: files.filter((name) => !initial.has(name)), code };
}
