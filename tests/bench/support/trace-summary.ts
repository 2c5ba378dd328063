/**
 * Summarises a Chromium trace written by walks/taps-trace.walk.ts: from the first input event
 * (the tap's pointerdown) to the end of the trace, the renderer main thread's time per top-level
 * task kind, per nested event name (self time), the frames presented, and the hottest JavaScript
 * functions of the sampling profiler. With a diagnostic build's source maps in dist/renderer/assets
 * (`npx vite build --config renderer/vite.config.ts --sourcemap`), each task's sampled JavaScript is
 * also split by package (zod, react-dom, the app's folders). Usage: npx tsx tests/bench/support/trace-summary.ts FILE [windowMs]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageOf, type SourceLookup, sourceLookup } from './source-map.js';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; cat?: string; id?: string };
const file = process.argv[2];
if (!file) throw new Error('usage: trace-summary.ts FILE [windowMs]');
const windowMs = Number(process.argv[3] ?? 400);
const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

// The renderer's main thread: the thread named CrRendererMain of the process with the most events on it.
const mains = events.filter((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
const counts = new Map<string, number>();
for (const e of events) for (const t of mains) if (e.pid === t.pid && e.tid === t.tid) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const mainKey = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey);
const input = onMain.find((e) => e.name === 'EventDispatch' && /pointerdown|mousedown/.test(String((e.args as { data?: { type?: string } })?.data?.type)));
const t0 = input?.ts ?? Math.min(...onMain.filter((e) => e.ts > 0).map((e) => e.ts));
const t1 = t0 + windowMs * 1000;
const inWindow = onMain.filter((e) => e.ph === 'X' && e.ts >= t0 - 50_000 && e.ts <= t1);
const ms = (us: number) => Math.round(us / 100) / 10;

console.log(`${file}: main thread ${mainKey}, from the ${input ? 'pointerdown' : 'first event'} for ${windowMs} ms`);
// Top-level tasks in order, with their biggest children.
const tasks = inWindow.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').filter((e) => (e.dur ?? 0) >= 2000);
for (const task of tasks) {
  const end = task.ts + (task.dur ?? 0);
  const inside = inWindow.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 1000);
  const kids = inside
    .filter((e) => !['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name))
    .slice(0, 14)
    .map((e) => {
      const d = (e.args as { data?: Record<string, unknown>; beginData?: Record<string, unknown> } | undefined)?.data ?? {};
      const what = String(d.type ?? d.functionName ?? d.url ?? '').slice(0, 60);
      return `${e.name}${what ? `(${what})` : ''} ${ms(e.dur ?? 0)}`;
    });
  console.log(`  +${ms(task.ts - t0)} ms task ${ms(task.dur ?? 0)} ms: ${kids.join(', ')}`);
}
// Self time per event name in the window.
const self = new Map<string, number>();
const sorted = [...inWindow].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
const stack: TraceEvent[] = [];
for (const e of sorted) {
  while (stack.length && stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= e.ts) stack.pop();
  const parent = stack[stack.length - 1];
  self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
  if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
  stack.push(e);
}
console.log('  self time by event:', [...self].filter(([, d]) => d >= 1000).sort((a, b) => b[1] - a[1]).slice(0, 18).map(([n, d]) => `${n} ${ms(d)}`).join(', '));
// Frames presented or drawn in the window.
const frames = events.filter((e) => ['PipelineReporter', 'DrawFrame', 'Commit', 'Paint', 'Decode Image', 'ImageDecodeTask', 'Decode LazyPixelRef'].includes(e.name) && e.ts >= t0 && e.ts <= t1);
const frameList = frames.filter((e) => e.name === 'PipelineReporter' && e.ph === 'b').map((e) => `+${ms(e.ts - t0)}`);
console.log(`  pipeline reporters begun: ${frameList.join(' ')}`);
const decodes = frames.filter((e) => /Decode/i.test(e.name) && e.ph === 'X');
console.log(`  image decodes: ${decodes.map((e) => `${e.name} tid ${e.tid === Number(mainKey?.split(':')[1]) ? 'main' : e.tid} +${ms(e.ts - t0)} ${ms(e.dur ?? 0)}`).join('; ') || 'none'}`);
// The sampling profiler: self samples per function in the window.
const profileChunks = events.filter((e) => e.name === 'ProfileChunk' && `${e.pid}` === mainKey?.split(':')[0]);
const nodes = new Map<number, { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number } }>();
const samples: Array<{ node: number; ts: number }> = [];
const ts = events.find((e) => e.name === 'Profile' && `${e.pid}` === mainKey?.split(':')[0])?.args as { data?: { startTime?: number } } | undefined;
let clock = ts?.data?.startTime ?? 0;
for (const chunk of profileChunks) {
  const data = (chunk.args as { data: { cpuProfile?: { nodes?: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number } }>; samples?: number[] }; timeDeltas?: number[] } }).data;
  for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
  (data.cpuProfile?.samples ?? []).forEach((id, i) => {
    clock += data.timeDeltas?.[i] ?? 0;
    samples.push({ node: id, ts: clock });
  });
}
const perFunction = new Map<string, number>();
for (let i = 0; i < samples.length - 1; i++) {
  const s = samples[i]!;
  if (s.ts < t0 || s.ts > t1) continue;
  const frame = nodes.get(s.node)?.callFrame;
  const key = frame ? `${frame.functionName || '(anon)'} ${(frame.url ?? '').split('/').pop()}:${frame.lineNumber}` : '?';
  perFunction.set(key, (perFunction.get(key) ?? 0) + (samples[i + 1]!.ts - s.ts));
}
console.log('  JS self time (sampled):', [...perFunction].filter(([k]) => !/^\(idle\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, d]) => `${k} ${ms(d)}`).join(', '));

// Each task's sampled JavaScript by package, through the chunks' source maps (when the build has them).
const lookups = new Map<string, SourceLookup | undefined>();
const assets = join(import.meta.dirname, '../../../dist/renderer/assets');
function packageAt(frame: { url: string; lineNumber: number; columnNumber?: number; functionName: string } | undefined): string {
  if (!frame?.url) return frame?.functionName ? `(${frame.functionName})` : '?';
  const file = frame.url.split('/').pop() ?? '';
  if (!lookups.has(file)) lookups.set(file, sourceLookup(join(assets, `${file}.map`)));
  const source = lookups.get(file)?.(frame.lineNumber, frame.columnNumber ?? 0);
  return source ? packageOf(source) : file;
}
if (samples.length > 0) {
  for (const task of tasks.filter((t) => (t.dur ?? 0) >= 5000)) {
    const perPackage = new Map<string, number>();
    for (let i = 0; i < samples.length - 1; i++) {
      const sample = samples[i]!;
      if (sample.ts < task.ts || sample.ts > task.ts + (task.dur ?? 0)) continue;
      const frame = nodes.get(sample.node)?.callFrame;
      if (!frame || /^\((idle|program|garbage collector)\)$/.test(frame.functionName) && !frame.url) {
        const key = frame?.functionName || '?';
        perPackage.set(key, (perPackage.get(key) ?? 0) + (samples[i + 1]!.ts - sample.ts));
        continue;
      }
      const key = packageAt(frame);
      perPackage.set(key, (perPackage.get(key) ?? 0) + (samples[i + 1]!.ts - sample.ts));
    }
    const split = [...perPackage].filter(([, d]) => d >= 300).sort((a, b) => b[1] - a[1]).map(([k, d]) => `${k} ${ms(d)}`).join(', ');
    console.log(`  +${ms(task.ts - t0)} ms task ${ms(task.dur ?? 0)} ms, sampled JS by package: ${split || '(no samples)'}`);
  }
}
