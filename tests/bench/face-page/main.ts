import { createFaceAnalyzer } from '../../../renderer/biometrics/face-analyzer.js';

/** Runs the renderer's own face analysis on the camera test stills, frame after frame. */
declare global {
  interface Window {
    benchResult?: { backend: string; samples: Array<{ frame: string; ms: number; guidance: string }> } | { error: string };
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
  const analyzer = await createFaceAnalyzer('./models');
  // Warm-up: shader compilation and first allocations are not per-frame costs.
  for (let i = 0; i < 3; i++) await analyzer.analyze(frames.face);
  const samples = [];
  const rounds = Number(new URLSearchParams(location.search).get('frames') ?? '40');
  for (let i = 0; i < rounds; i++) {
    const name = i % 4 === 3 ? 'no-face' : 'face'; // mostly a resident, sometimes an empty scene
    const analysis = await analyzer.analyze(frames[name]);
    samples.push({ frame: name, ms: analysis.ms, guidance: analysis.guidance });
  }
  window.benchResult = { backend: analyzer.backend, samples };
}

main().catch((error: unknown) => {
  window.benchResult = { error: String(error) };
});
