import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The panel's scenario launcher: lists the library's files (`scenarios/*.yaml`) and runs one against
 * the kiosk this panel belongs to, through the scenario runner itself (`scenarios/runner/cli.ts
 * --attach --progress`, a child process: the runner drives its own Chromium page, so the host never
 * loads Playwright). The runner says each step as an `@progress {json}` line; the launcher keeps the
 * latest run's steps and verdict for `GET /control/api/scenarios`.
 *
 * One run at a time, and only while no kiosk page is connected: the run drives the kiosk in a page
 * of its own, and another page on the same host (test mode lets testers open several) would share
 * its visit's events and could end or time out the visit under it.
 */
export interface ScenarioFile {
  file: string;
  name: string;
}

export interface RunStep {
  line: number;
  summary: string;
  status: 'pending' | 'running' | 'passed' | 'failed' | 'skipped';
  expected?: string;
  actual?: string;
  error?: string;
}

export interface ScenarioRun {
  file: string;
  name: string;
  state: 'starting' | 'running' | 'passed' | 'failed';
  startedAt: string;
  /** The step running now (its index in `steps`), or null. */
  current: number | null;
  steps: RunStep[];
  /** Where the HTML report is written. */
  report: string;
  /** The runner's last words when it ended without a verdict (bad file, no Chromium, …). */
  detail?: string;
}

/** What the launcher needs of the host: who it is (for the runner's `$KIOSK_ATTACH`), and whether a kiosk page holds the bridge. */
export interface LauncherHost {
  attachInfo(): Record<string, unknown>;
  kioskPageConnected(): boolean;
}

export class LaunchRefused extends Error {
  constructor(
    readonly status: 404 | 409,
    readonly code: 'no-such-scenario' | 'scenario-running' | 'kiosk-page-connected',
    message: string,
  ) {
    super(message);
  }
}

export interface ScenarioLauncher {
  list(): ScenarioFile[];
  run(): ScenarioRun | null;
  start(file: string): ScenarioRun;
  stop(): void;
}

/** Whether this checkout has the library and the runner (a packaged kiosk has neither: no launcher). */
export function scenarioLibraryAt(repoRoot: string): boolean {
  return existsSync(join(repoRoot, 'scenarios/runner/cli.ts')) && existsSync(join(repoRoot, 'node_modules/.bin/tsx'));
}

export function createScenarioLauncher(repoRoot: string, host: LauncherHost, options: { reportDir: string }): ScenarioLauncher {
  const dir = join(repoRoot, 'scenarios');
  let run: ScenarioRun | null = null;
  let child: ChildProcess | null = null;

  const list = (): ScenarioFile[] =>
    readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => ({ file: `scenarios/${name}`, name: nameOf(join(dir, name)) ?? name }));

  const onProgress = (current: ScenarioRun, progress: Progress): void => {
    if (progress.event === 'start') {
      current.state = 'running';
      current.steps = progress.steps.map((s) => ({ ...s, status: 'pending' }));
    } else if (progress.event === 'step') {
      const step = current.steps[progress.index];
      if (!step) return;
      step.status = progress.status;
      for (const key of ['expected', 'actual', 'error'] as const) if (progress[key] !== undefined) step[key] = progress[key];
      current.current = progress.status === 'running' ? progress.index : null;
    } else {
      current.state = progress.verdict;
      current.current = null;
      for (const step of current.steps) if (step.status === 'pending') step.status = 'skipped';
    }
  };

  return {
    list,
    run: () => run,
    start(file) {
      const known = list().find((f) => f.file === file);
      if (!known) throw new LaunchRefused(404, 'no-such-scenario', `${file} is not in the scenario library`);
      if (child) throw new LaunchRefused(409, 'scenario-running', `${run?.file ?? 'a scenario'} is still running`);
      if (host.kioskPageConnected()) {
        throw new LaunchRefused(409, 'kiosk-page-connected', 'a kiosk page is connected: close it first (the run drives the kiosk in its own page; it reconnects afterwards)');
      }
      const current: ScenarioRun = { file, name: known.name, state: 'starting', startedAt: new Date().toISOString(), current: null, steps: [], report: join(options.reportDir, 'index.html') };
      run = current;
      const spawned = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scenarios/runner/cli.ts', file, '--attach', '--progress', '--report', options.reportDir], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, KIOSK_ATTACH: JSON.stringify(host.attachInfo()) },
      });
      child = spawned;
      let stderr = '';
      spawned.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      createInterface({ input: spawned.stdout! }).on('line', (line) => {
        if (!line.startsWith('@progress ')) return;
        try {
          onProgress(current, JSON.parse(line.slice('@progress '.length)) as Progress);
        } catch {
          // A line cut short: the next one carries the state on.
        }
      });
      spawned.once('exit', (code) => {
        if (child === spawned) child = null;
        if (current.state === 'starting' || current.state === 'running') {
          current.state = 'failed';
          current.current = null;
          current.detail = stderr.trim() || `the runner ended with code ${code}`;
        }
      });
      return current;
    },
    stop() {
      child?.kill('SIGTERM');
    },
  };
}

type Progress =
  | { event: 'start'; steps: Array<{ line: number; summary: string }> }
  | { event: 'step'; index: number; status: 'running' | 'passed' | 'failed'; expected?: string; actual?: string; error?: string }
  | { event: 'end'; verdict: 'passed' | 'failed' };

/** The file's `name:` (its first line that starts so), without parsing YAML here: the runner validates the file when it runs. */
function nameOf(path: string): string | undefined {
  const match = /^name:\s*(.+)$/m.exec(readFileSync(path, 'utf8'));
  return match?.[1]?.trim().replace(/^"(.*)"$/, '$1');
}
