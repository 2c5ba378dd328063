import { existsSync, readFileSync } from 'node:fs';

/**
 * The source file of a position in a built chunk, from the chunk's source map (a diagnostic build:
 * `npx vite build --config renderer/vite.config.ts --sourcemap`; the shipped build has none). Only
 * what trace-summary.ts needs: which file, hence which package, a sampled function came from.
 */
export type SourceLookup = (line: number, column: number) => string | undefined;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One line's segments as [generated column, source index] (the source index is carried over segments and lines). */
function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: Array<[number, number]> = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length > 1) source += fields[1] ?? 0;
      segments.push([column, source]);
    }
    lines.push(segments);
  }
  return lines;
}

/** A lookup for the chunk at `mapFile`, or undefined when there is no map. Lines and columns are 0-based, as in V8's profiles. */
export function sourceLookup(mapFile: string): SourceLookup | undefined {
  if (!existsSync(mapFile)) return undefined;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found: [number, number] | undefined;
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    return found ? map.sources[found[1]] : undefined;
  };
}

/** The package a source path belongs to (`zod`, `react-dom`), or `app: renderer/…` for the project's own files. */
export function packageOf(source: string): string {
  const modules = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1]!;
  const own = source.match(/(renderer|electron)\/.*$/);
  return own ? `app: ${own[0].split('/').slice(0, 3).join('/')}` : source;
}
