/**
 * `npm run bench:face`: the median time of the renderer's face analysis (detector, light and
 * sharpness statistics, landmarks) per preview frame, measured in Debian's Chromium on this machine
 * with the same code and models the kiosk ships. Prints progress, then one JSON line (last).
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { PREFERRED_BACKEND } from '../../renderer/biometrics/face-analyzer.js';

const root = join(import.meta.dirname, '../..');
const out = join(root, 'tests/artifacts/bench/face');
const frames = Number(process.env.FACE_BENCH_FRAMES ?? (process.env.BENCH_QUICK === '1' ? 16 : 40));

const rendererConfig = (await import('../../renderer/vite.config.js')).default as { plugins?: unknown[] };
await build({
  configFile: false,
  root: join(import.meta.dirname, 'face-page'),
  base: './',
  logLevel: 'warn',
  plugins: rendererConfig.plugins as never,
  build: { outDir: out, emptyOutDir: true, target: 'chrome120', reportCompressedSize: false, chunkSizeWarningLimit: 4000 },
});
mkdirSync(out, { recursive: true });
for (const name of ['face', 'no-face']) copyFileSync(join(root, 'assets/camera', `${name}.jpg`), join(out, `${name}.jpg`));

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.jpg': 'image/jpeg', '.wasm': 'application/wasm' };
const server = createServer((request, response) => {
  const path = normalize(join(out, new URL(request.url ?? '/', 'http://x').pathname));
  const file = path.endsWith('/') ? join(path, 'index.html') : path;
  if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
  response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  // Each backend in a fresh page (TensorFlow.js keeps one backend per page): the shipped one
  // (PREFERRED_BACKEND in renderer/biometrics/face-analyzer.ts) is the headline figure.
  const perBackend: Record<string, { loadMs: number; firstMs: number; medianMsPerFrame: number; p90MsPerFrame: number }> = {};
  const asked = (process.env.FACE_BENCH_BACKENDS ?? 'wasm,webgl,cpu').split(',');
  for (const backend of asked) {
    const page = await browser.newPage();
    if (process.env.FACE_BENCH_CONSOLE === '1') page.on('console', (m) => console.log(`[page] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/index.html?frames=${frames}&backend=${backend}`);
    await page.waitForFunction(() => window.benchResult !== undefined, undefined, { timeout: 300_000, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    await page.close();
    if (!result || 'error' in result) throw new Error(`bench failed: ${result?.error ?? 'no result'}`);
    const sorted = result.samples.map((s) => s.ms).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? NaN;
    const faceGuidance = [...new Set(result.samples.filter((s) => s.frame === 'face').map((s) => s.guidance))];
    console.log(
      `asked ${backend}, ran ${result.backend}: load ${result.loadMs.toFixed(0)} ms, first analysis ${result.firstMs.toFixed(0)} ms; ${sorted.length} frames: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms; face frames judged: ${faceGuidance.join(', ')}`,
    );
    perBackend[result.backend] = { loadMs: Math.round(result.loadMs), firstMs: Math.round(result.firstMs), medianMsPerFrame: Number(median.toFixed(1)), p90MsPerFrame: Number(p90.toFixed(1)) };
  }
  const shipped = perBackend[PREFERRED_BACKEND] ?? perBackend.cpu!;
  console.log(
    JSON.stringify({
      bench: 'face-analysis',
      backend: PREFERRED_BACKEND,
      frames,
      medianMsPerFrame: shipped.medianMsPerFrame,
      p90MsPerFrame: shipped.p90MsPerFrame,
      firstAnalysisMs: shipped.firstMs,
      guidanceUpdatesPerSecond: Number((1000 / shipped.medianMsPerFrame).toFixed(1)),
      backends: perBackend,
    }),
  );
} finally {
  await browser.close();
  server.close();
}
