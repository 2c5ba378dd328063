import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium } from '@playwright/test';
import { BROWSER_ARGS, cameraArgs } from '../../tests/e2e/playwright.config.js';
import prepareCameraVideos, { videoFor } from '../../tests/e2e/biometrics/global-setup.js';
import prepareReceiptVideo, { receiptVideo } from '../../tests/e2e/collection-camera/global-setup.js';
import { type KioskHostFixture, kioskFixtureFor, repoRoot } from '../../tests/e2e/support/host-process.js';
import { z } from 'zod';
import { Lang, type Scenario } from './format.js';
import { loadScenario, ScenarioError } from './load.js';
import { writeReport } from './report.js';
import { type RunProgress, runScenario, type ScenarioResult } from './run-scenario.js';

/** The running kiosk a launcher hands over ($KIOSK_ATTACH): what its host announced when it started listening. */
const HostInfoFromEnv = z.object({
  url: z.string().url(),
  origin: z.string().url(),
  launchFile: z.string().default(''),
  controlUrl: z.string().default(''),
  controlToken: z.string().min(16),
  backofficeUrl: z.string().url().nullable(),
  backofficeControlToken: z.string().nullable(),
});

/**
 * `npm run scenario -- FILE... [--lang pt] [--loop] [--report DIR]`
 *
 * Every file is validated first: one malformed file and no kiosk starts (exit 2, file:line:col:
 * field: reason). Then each scenario runs on a fresh browser-mode kiosk (all simulated; with
 * `--loop`, every device through its real driver and transport) in one Chromium, and the HTML
 * report is written. Exit 0 when every scenario passed, 1 when one failed, 2 for bad input.
 */
const USAGE = 'usage: npm run scenario -- FILE|DIR... [--lang zh-Hant|zh-Hans|pt|en] [--loop] [--report DIR] [--attach --progress]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        loop: { type: 'boolean', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        // The panel's launcher: run against the kiosk described by $KIOSK_ATTACH (its `listening` line, tokens included:
        // an environment variable, never an argument others can read), and say each step as `@progress {json}`.
        attach: { type: 'boolean', default: false },
        progress: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const lang = values.lang === undefined ? undefined : Lang.safeParse(values.lang);
  if (lang && !lang.success) {
    process.stderr.write(`--lang: one of ${Lang.options.join(', ')}\n`);
    return 2;
  }

  // All files are checked before anything starts.
  const scenarios: Scenario[] = [];
  const refused: ScenarioError[] = [];
  // A directory stands for its *.yaml files, in name order (`npm run scenario -- scenarios`).
  const files = positionals.flatMap((path) =>
    existsSync(path) && statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => /\.ya?ml$/.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
  for (const file of files) {
    try {
      scenarios.push(loadScenario(file));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      refused.push(error);
    }
  }
  if (refused.length > 0) {
    for (const error of refused) process.stderr.write(`invalid scenario: ${error.message}\n`);
    process.stderr.write(`${refused.length} scenario file(s) refused; no kiosk was started.\n`);
    return 2;
  }
  let attach: KioskHostFixture | undefined;
  if (values.attach) {
    const info = HostInfoFromEnv.safeParse(JSON.parse(process.env.KIOSK_ATTACH ?? 'null'));
    if (!info.success) {
      process.stderr.write('--attach: KIOSK_ATTACH must hold the running kiosk (origin, url, controlToken, …)\n');
      return 2;
    }
    attach = kioskFixtureFor(info.data);
  } else if (!existsSync(join(repoRoot, 'dist/host/standalone.js')) || !existsSync(join(repoRoot, 'dist/renderer/index.html'))) {
    process.stderr.write('The kiosk is not built: run `npm run build` first.\n');
    return 2;
  }

  const reportDir = resolve(values.report ?? join(repoRoot, 'tests/artifacts/scenarios'));
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  // Chromium's fake camera is a launch flag: one browser per video the files ask for (`camera:`),
  // started when first needed. The face makes a live photo work as in the end-to-end tests.
  const browsers = new Map<Scenario['camera'], Promise<Browser>>();
  const browserFor = async (camera: Scenario['camera']): Promise<Browser> => {
    let browser = browsers.get(camera);
    if (!browser) {
      browser = (async () => {
        const video = camera === 'face' ? (prepareCameraVideos(), videoFor('face')) : (await prepareReceiptVideo(), receiptVideo);
        return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...BROWSER_ARGS, ...cameraArgs(video)] });
      })();
      browsers.set(camera, browser);
    }
    return browser;
  };
  const results: ScenarioResult[] = [];
  const folders: string[] = [];
  try {
    for (const [i, scenario] of scenarios.entries()) {
      const folder = `${i}-${basename(scenario.file).replace(/\.ya?ml$/, '').replace(/[^A-Za-z0-9_-]/g, '_')}`;
      folders.push(folder);
      process.stdout.write(`▶ ${scenario.name} (${scenario.file})\n`);
      const result = await runScenario(await browserFor(scenario.camera), scenario, { ...(lang?.success ? { lang: lang.data } : {}), loop: values.loop,
        outDir: join(reportDir, folder),
        ...(attach ? { attach } : {}),
        ...(values.progress ? { onProgress: (p: RunProgress) => process.stdout.write(`@progress ${JSON.stringify({ ...p, folder })}\n`) } : {}),
      });
      results.push(result);
      const failed = result.steps.find((s) => s.status === 'failed');
      process.stdout.write(
        result.verdict === 'passed'
          ? `  ✓ passed in ${(result.ms / 1000).toFixed(1)} s\n`
          : `  ✗ FAILED at ${scenario.file}:${failed?.line ?? '?'} ${failed?.summary ?? ''}\n    expected: ${failed?.expected ?? failed?.error ?? '?'}\n    actual:   ${(failed?.actual ?? '').split('\n').join('\n              ')}\n`,
      );
    }
  } finally {
    for (const browser of browsers.values()) await (await browser).close();
  }
  const report = writeReport(reportDir, results, folders);
  const passed = results.filter((r) => r.verdict === 'passed').length;
  process.stdout.write(`\n${passed}/${results.length} scenarios passed. Report: ${report}\n`);
  return passed === results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`scenario runner failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
