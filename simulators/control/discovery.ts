import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Lets the CLI find the running kiosk without copying its URL and token: the host writes them to
 * a file only this user can read, and removes it when it stops. Explicit `--url`/`--token` or the
 * environment variables still win.
 */
const Discovery = z.object({ url: z.string().url(), token: z.string().min(16), pid: z.number().int() });
export type ControlDiscovery = z.infer<typeof Discovery>;

export function discoveryFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const base = env.XDG_RUNTIME_DIR ?? join(tmpdir(), `dsi-kiosk-${process.getuid?.() ?? 'user'}`);
  return join(base, 'dsi-kiosk-control.json');
}

export function publishControlEndpoint(entry: ControlDiscovery, file = discoveryFile()): () => void {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(entry), { mode: 0o600 });
  return () => {
    // Only remove our own entry: another kiosk host may have started since and replaced it.
    if (readControlEndpoint(file)?.token === entry.token) rmSync(file, { force: true });
  };
}

export function readControlEndpoint(file = discoveryFile()): ControlDiscovery | undefined {
  try {
    const parsed = Discovery.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
