import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Lets the CLI find the running kiosk without copying its URL and token: each host in test mode
 * writes one entry, `<pid>.json`, into a directory only this user can read, and removes it when it
 * stops. An entry whose process is gone (a host that crashed) is stale and removed by the next
 * reader; two live hosts are two entries, and the CLI asks which one (`--pid`) instead of guessing.
 * Explicit `--url`/`--token` or the environment variables still win.
 */
const Discovery = z.object({ url: z.string().url(), token: z.string().min(16), pid: z.number().int().positive() });
export type ControlDiscovery = z.infer<typeof Discovery>;

export function discoveryDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const base = env.XDG_RUNTIME_DIR ?? join(tmpdir(), `dsi-kiosk-${process.getuid?.() ?? 'user'}`);
  return join(base, 'dsi-kiosk-control.d');
}

export function publishControlEndpoint(entry: ControlDiscovery, directory = discoveryDirectory()): () => void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = join(directory, `${entry.pid}.json`);
  writeFileSync(file, JSON.stringify(entry), { mode: 0o600 });
  return () => {
    // Only our own entry: a later process with our pid number would have written its own token.
    if (readEntry(file)?.token === entry.token) rmSync(file, { force: true });
  };
}

/** The running hosts, oldest pid first; stale and unreadable entries are removed on the way. */
export function readControlEndpoints(directory = discoveryDirectory(), alive: (pid: number) => boolean = processAlive): ControlDiscovery[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => /^\d+\.json$/.test(name));
  } catch {
    return [];
  }
  const found: ControlDiscovery[] = [];
  for (const name of names) {
    const file = join(directory, name);
    const entry = readEntry(file);
    if (!entry || `${entry.pid}.json` !== name || !alive(entry.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    found.push(entry);
  }
  return found.sort((a, b) => a.pid - b.pid);
}

function readEntry(file: string): ControlDiscovery | undefined {
  try {
    const parsed = Discovery.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 tests for the process without touching it; EPERM means it exists (another user's). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
