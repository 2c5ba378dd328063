/**
 * `KIOSK_START_TRACE=1`: one stderr line per step of the host's start, with the wall and CPU time
 * (this process's user + system) since the process began and since the previous step. Where the
 * start's time goes, step by step, without a profiler's overhead (issue 20, cold start:
 * docs/performance.md, wave 29). Off: one comparison per step.
 */
const tracing = process.env.KIOSK_START_TRACE === '1';
let lastWall = 0;
let lastCpu = 0;

export function startStep(step: string): void {
  if (!tracing) return;
  const wall = performance.now();
  const { user, system } = process.cpuUsage();
  const cpu = (user + system) / 1000;
  const fixed = (ms: number) => ms.toFixed(1);
  process.stderr.write(`start-trace ${step} wall=${fixed(wall)} cpu=${fixed(cpu)} +wall=${fixed(wall - lastWall)} +cpu=${fixed(cpu - lastCpu)}\n`);
  lastWall = wall;
  lastCpu = cpu;
}
