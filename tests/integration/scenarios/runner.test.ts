import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The scenario runner as CI runs it (`npm run scenario -- FILE…`): a malformed file is refused
 * with its line and field and no kiosk starts; a wrong expectation fails the run (exit 1) with a
 * report that shows the step, what was expected, what the kiosk did, and the screen at that moment.
 * Needs the build (npm test builds first) and Debian's Chromium.
 */
const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function runner(files: string[], reportDir: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(tsx, [join(root, 'scenarios/runner/cli.ts'), ...files, '--report', reportDir], { cwd: root, encoding: 'utf8', timeout: 110_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scenario runner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-runner-test-'));

  it('refuses a malformed file with file, line and field, and starts no kiosk', () => {
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(good, 'name: good\nsteps:\n  - open: queue-ticket\n');
    writeFileSync(bad, 'name: bad\nsteps:\n  - open: queue-ticket\n  - gauge: { unstable: maybe }\n');
    const report = join(dir, 'report-malformed');
    const run = runner([good, bad], report);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`invalid scenario: ${bad}:4:`);
    expect(run.stderr).toContain('steps[1].gauge');
    expect(run.stderr).toContain('no kiosk was started');
    // Nothing ran: not even the valid file, and no report was begun.
    expect(run.stdout).not.toContain('▶');
    expect(existsSync(report)).toBe(false);
  });

  it('fails a deliberately wrong expectation with a readable report: expected, actual and the screen', () => {
    const file = join(dir, 'wrong.yaml');
    writeFileSync(
      file,
      [
        'name: A ticket number that is not the one printed',
        'clock: 2026-11-24T10:30:00+08:00',
        'steps:',
        '  - open: queue-ticket',
        `  - tap: { selector: '[data-office="hq"]' }`,
        '  - expect: { screen: queue.ticketTitle }',
        '  - expect: { receipt: { count: 1, contains: [B999] }, within: 3s }',
        '  - tap: actions.finish',
        '',
      ].join('\n'),
    );
    const report = join(dir, 'report-wrong');
    const run = runner([file], report);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`FAILED at ${file}:7`);
    expect(run.stdout).toContain('expected: 1 receipt(s) printed containing "B999"');
    // The actual: what was printed, the real ticket number A001 in it.
    expect(run.stdout).toMatch(/actual: +1 printed; the last:[\s\S]*A001/);
    const html = readFileSync(join(report, 'index.html'), 'utf8');
    expect(html).toContain('0/1 passed');
    expect(html).toMatch(/<td>7<\/td><td class="failed">failed<\/td>/);
    expect(html).toContain('A001');
    // The step after the failure did not run; the failing step's screen was kept.
    expect(html).toMatch(/<td>8<\/td><td class="skipped">skipped<\/td>/);
    expect(existsSync(join(report, '0-wrong', '04-expect.png'))).toBe(true);
    const results = JSON.parse(readFileSync(join(report, 'results.json'), 'utf8')) as Array<{ verdict: string; steps: Array<{ status: string; expected?: string }> }>;
    expect(results[0]!.verdict).toBe('failed');
    expect(results[0]!.steps[3]).toMatchObject({ status: 'failed', expected: '1 receipt(s) printed containing "B999"' });
  }, 120_000);
});
