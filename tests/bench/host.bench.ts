/**
 * `npm run bench:host`: the host's own cost per permanent renewal. An in-process host with simulated
 * devices (no device delays) and its back-office simulator, driven over the raw KioskApi (the
 * browser-mode WebSocket, as the touchscreen's calls travel): wall time of N whole renewals (every
 * step, payment, session end), after 3 warm-up renewals. Prints progress, then one JSON line (last).
 */
import { startRawApiHost } from '../helpers/raw-api-host.js';
import { quick, renewOnce, stats } from './support/renewal.js';

const runs = Number(process.env.HOST_BENCH_RENEWALS ?? (quick ? 15 : 50));
const raw = await startRawApiHost();
try {
  const controls = raw.host.simulatorControls;
  if (!controls) throw new Error('no simulator controls');
  for (let i = 0; i < 3; i++) await renewOnce(raw.api, controls);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await renewOnce(raw.api, controls);
    samples.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  // Wall time is what a resident waits on the host; CPU time (host and client share this process)
  // is steadier on a machine other work shares, so before/after comparisons use it.
  const figures = stats(samples);
  const cpuFigures = stats(cpu);
  console.log(`${runs} renewals over the raw KioskApi: min ${figures.min} / median ${figures.median} / p90 ${figures.p90} / max ${figures.max} ms; CPU median ${cpuFigures.median} ms`);
  console.log(JSON.stringify({ bench: 'host', renewals: runs, minMs: figures.min, medianMs: figures.median, p90Ms: figures.p90, maxMs: figures.max, medianCpuMs: cpuFigures.median }));
} finally {
  await raw.close();
}
