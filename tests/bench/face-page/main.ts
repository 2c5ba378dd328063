import { createFaceAnalyzer } from '../../../renderer/biometrics/face-analyzer.js';

/** Runs the renderer's own face analysis on the camera test stills, frame after frame. */
declare global {
  interface Window {
    benchResult?: { backend: string; samples: Array<{ frame: string; ms: number; guidance: string }>; loadMs: number; firstMs: number } | { error: string };
  }
}

async function still(name: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = `./${name}.jpg`;
  await img.decode();
  return img;
}

async function main(): Promise<void> {
  const frames = { face: await still('face'), 'no-face': await still('no-face') };
  const params = new URLSearchParams(location.search);
  const asked = params.get('backend');
  const backend = asked === 'cpu' || asked === 'webgl' || asked === 'wasm' ? asked : undefined;
  // The first analysis includes loading and (WebGL) shader compilation: what a resident waits for
  // when the detector is not warmed before the photo step.
  const loadStarted = performance.now();
  const analyzer = await createFaceAnalyzer('./models', backend);
  const loadMs = performance.now() - loadStarted;
  const firstStarted = performance.now();
  await analyzer.analyze(frames.face);
  const firstMs = performance.now() - firstStarted;
  // Warm-up: shader compilation and first allocations are not per-frame costs.
  for (let i = 0; i < 2; i++) await analyzer.analyze(frames.face);
  const samples = [];
  const rounds = Number(params.get('frames') ?? '40');
  for (let i = 0; i < rounds; i++) {
    const name = i % 4 === 3 ? 'no-face' : 'face'; // mostly a resident, sometimes an empty scene
    const analysis = await analyzer.analyze(frames[name]);
    samples.push({ frame: name, ms: analysis.ms, guidance: analysis.guidance });
  }
  window.benchResult = { backend: analyzer.backend, samples, loadMs, firstMs };
}

main().catch((error: unknown) => {
  window.benchResult = { error: String(error) };
});
