/**
 * `npm run bench:fleet [-- N]`: N simulated kiosks (default 1,000) against a real Mosquitto and the
 * operations dashboard service (`ops/main.ts`, its own process), measured from the page's side:
 * an SSE client on the dashboard's stream, as the page is. Each kiosk is a real KioskLink (QoS 1,
 * store-and-forward outbox, last will): birth, device health, then a steady load (its state every
 * `STATE_EVERY_MS`, an event every `EVENT_EVERY_MS`, both far above a real kiosk's rate), then the
 * broker is stopped, each kiosk queues events while it is down, and the broker is started again: all
 * N reconnect at once and forward their queues (the burst).
 *
 * Printed: publish→page latency p50/p95 (steady, and fresh messages during the burst), messages per
 * second at the page, the events sent and seen (lost must be 0), the burst's drain time, broker and
 * dashboard CPU (% of one core) and peak memory. The last line is JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { KioskLink } from '../../fleet/kiosk-link.js';
import { DEVICE_KINDS } from '../../devices/kinds.js';
import { startMosquitto } from '../helpers/mosquitto.js';

const KIOSKS = Number(process.argv[2] ?? process.env.BENCH_KIOSKS ?? 1000);
const STEADY_MS = Number(process.env.BENCH_STEADY_MS ?? 20_000);
const STATE_EVERY_MS = 5_000;
const EVENT_EVERY_MS = 20_000;
const OUTAGE_MS = 3_000;

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * q))]!;
};
const round = (value: number, places = 1): number => Math.round(value * 10 ** places) / 10 ** places;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function sample(pid: number | undefined): { cpu: number; rssMb: number } | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / 100;
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpu, rssMb: Number(rss?.[1] ?? 0) / 1024 };
  } catch {
    return undefined;
  }
}

class Meter {
  private start: { cpu: number; at: number } | undefined;
  peakRssMb = 0;
  constructor(private readonly pid: () => number | undefined) {}
  begin(): void {
    const s = sample(this.pid());
    this.start = s ? { cpu: s.cpu, at: Date.now() } : undefined;
  }
  tick(): void {
    this.peakRssMb = Math.max(this.peakRssMb, sample(this.pid())?.rssMb ?? 0);
  }
  /** % of one core since begin(). */
  cpuPercent(): number {
    const s = sample(this.pid());
    if (!s || !this.start) return Number.NaN;
    return round(((s.cpu - this.start.cpu) / ((Date.now() - this.start.at) / 1000)) * 100);
  }
}

async function startDashboard(brokerUrl: string): Promise<{ child: ChildProcess; url: string; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ops/main.ts', '--broker', brokerUrl, '--username', 'ops'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const info = JSON.parse(line) as { url: string; origin: string };
  return { child, ...info };
}

/** The page's side: the dashboard's SSE stream, timing each change from its kiosk's publish. */
function watchPage(origin: string, token: string, onChange: (change: { kioskId: string; seq: number | null; publishedAt: string | null; kind: string | null }) => void): () => void {
  const req = request(`${origin}/api/stream?token=${token}`, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.startsWith('data: ')) continue;
        const data = JSON.parse(frame.slice(6)) as { type: string; kiosk?: { kioskId: string }; seq?: number | null; publishedAt?: string | null; alert?: { event: { kind: string } } };
        if (data.type === 'change' && data.kiosk) onChange({ kioskId: data.kiosk.kioskId, seq: data.seq ?? null, publishedAt: data.publishedAt ?? null, kind: data.alert?.event.kind ?? null });
      }
    });
  });
  req.end();
  return () => req.destroy();
}

async function main(): Promise<void> {
  const broker = await startMosquitto({ maxQueued: 1_000_000 });
  const dashboard = await startDashboard(broker.url);
  const token = new URL(dashboard.url).hash.replace('#token=', '');
  const brokerMeter = new Meter(() => broker.pid());
  const dashboardMeter = new Meter(() => dashboard.child.pid);
  const meterTimer = setInterval(() => {
    brokerMeter.tick();
    dashboardMeter.tick();
  }, 500);

  let phase: 'birth' | 'steady' | 'outage' | 'burst' = 'birth';
  const latencies: Record<string, number[]> = { steady: [], burst: [] };
  let pageMessages = 0;
  let burstStartedAt = 0;
  let restartedAt = 0;
  const seenEvents = new Set<string>();
  let lastEventSeenAt = 0;
  const stopWatching = watchPage(dashboard.origin, token, ({ kioskId, seq, publishedAt, kind }) => {
    pageMessages++;
    if (kind === 'staff-call' && seq !== null) {
      seenEvents.add(`${kioskId}:${seq}`);
      lastEventSeenAt = Date.now();
    }
    if (!publishedAt) return;
    const latency = Date.now() - Date.parse(publishedAt);
    if (phase === 'steady') latencies.steady!.push(latency);
    // During the burst, only what was published after the restart: queued messages carry their outage in their age.
    else if (phase === 'burst' && Date.parse(publishedAt) >= restartedAt) latencies.burst!.push(latency);
  });

  // Birth: N kiosks connect, announce themselves and their devices.
  const birthStart = Date.now();
  const links: KioskLink[] = [];
  for (let i = 0; i < KIOSKS; i++) {
    const kioskId = `K${String(i).padStart(4, '0')}`;
    const link = new KioskLink({ kioskId, url: broker.url, inFlight: 20, reconnectMs: 1000 });
    link.publish('status', { version: '0.1.0', configDigest: '0'.repeat(64), services: ['queue-ticket'] });
    for (const device of DEVICE_KINDS) link.publish('health', { device, state: 'online', detail: null, model: 'Simulator' }, device);
    links.push(link);
    if (i % 100 === 99) await sleep(50);
  }
  while (links.some((link) => link.outbox.size() > 0)) await sleep(100);
  const birthAckedMs = Date.now() - birthStart;
  // …and until the page has seen every birth message (the dashboard works through its backlog).
  const birthMessages = KIOSKS * (1 + DEVICE_KINDS.length);
  while (pageMessages < birthMessages) await sleep(50);
  const birthMs = Date.now() - birthStart;

  const sentEvents = new Set<string>();
  let callNumber = 0;
  const sendEvent = (link: KioskLink, kioskId: string) => {
    callNumber++;
    const seq = link.publish('event', { event: { kind: 'staff-call', callId: `${kioskId}-S${callNumber}`, screen: 'attract' } });
    sentEvents.add(`${kioskId}:${seq}`);
  };
  const state = (link: KioskLink) => {
    link.publish('state', {
      inService: true,
      operatorHold: false,
      maintenance: false,
      services: ['queue-ticket'],
      paper: 'ok',
      outbox: { pending: 0, oldestAgeSeconds: null, unknownPayments: 0 },
      lastVisitAt: new Date().toISOString(),
      telemetryQueued: link.outbox.size(),
    });
  };
  // Each kiosk on its own phase within the period, so the load is spread as a real fleet's is.
  const timers: Array<ReturnType<typeof setInterval>> = [];
  const startLoad = () => {
    links.forEach((link, i) => {
      const kioskId = `K${String(i).padStart(4, '0')}`;
      timers.push(
        setTimeout(() => {
          timers.push(setInterval(() => state(link), STATE_EVERY_MS));
        }, (i / KIOSKS) * STATE_EVERY_MS),
        setTimeout(() => {
          timers.push(setInterval(() => sendEvent(link, kioskId), EVENT_EVERY_MS));
        }, (i / KIOSKS) * EVENT_EVERY_MS),
      );
    });
  };

  // Steady load.
  phase = 'steady';
  brokerMeter.begin();
  dashboardMeter.begin();
  const steadyStart = Date.now();
  const pageBefore = pageMessages;
  startLoad();
  await sleep(STEADY_MS);
  const steadyRate = (pageMessages - pageBefore) / ((Date.now() - steadyStart) / 1000);
  const steadyCpu = { broker: brokerMeter.cpuPercent(), dashboard: dashboardMeter.cpuPercent() };

  // Outage: the broker stops; the kiosks keep publishing into their outboxes (plus one event each).
  phase = 'outage';
  await broker.stop();
  for (const [i, link] of links.entries()) sendEvent(link, `K${String(i).padStart(4, '0')}`);
  await sleep(OUTAGE_MS);
  const queuedAtRestart = links.reduce((n, link) => n + link.outbox.size(), 0);

  // Burst: the broker is back; all N kiosks reconnect at once and forward their queues.
  phase = 'burst';
  await broker.start();
  brokerMeter.begin();
  restartedAt = Date.now();
  burstStartedAt = restartedAt;
  dashboardMeter.begin();
  const burstPageBefore = pageMessages;
  await sleep(1000);
  // Stop the steady load after the burst's first seconds, then wait for every outbox to drain.
  const deadline = Date.now() + 120_000;
  while (links.some((link) => link.outbox.size() > 0) && Date.now() < deadline) await sleep(100);
  const drainedMs = Date.now() - burstStartedAt;
  for (const timer of timers) clearInterval(timer);
  // The page gets the last events a little after the broker acknowledged them.
  const settle = Date.now() + 15_000;
  while ([...sentEvents].some((id) => !seenEvents.has(id)) && Date.now() < settle) await sleep(100);
  const burstSeconds = (Date.now() - burstStartedAt) / 1000;
  const burstRate = (pageMessages - burstPageBefore) / burstSeconds;
  const burstCpu = { broker: brokerMeter.cpuPercent(), dashboard: dashboardMeter.cpuPercent() };
  const lost = [...sentEvents].filter((id) => !seenEvents.has(id)).length;

  clearInterval(meterTimer);
  stopWatching();
  await Promise.all(links.map((link) => link.close({ goodbye: false })));
  dashboard.child.kill('SIGTERM');
  await broker.dispose();

  const result = {
    bench: 'fleet',
    kiosks: KIOSKS,
    birthMs,
    birthAckedMs,
    steady: {
      seconds: STEADY_MS / 1000,
      pageMsgsPerSecond: round(steadyRate),
      latencyMs: { p50: quantile(latencies.steady!, 0.5), p95: quantile(latencies.steady!, 0.95), samples: latencies.steady!.length },
      cpuPercent: steadyCpu,
    },
    burst: {
      queuedAtRestart,
      drainedMs,
      pageMsgsPerSecond: round(burstRate),
      freshLatencyMs: { p50: quantile(latencies.burst!, 0.5), p95: quantile(latencies.burst!, 0.95), samples: latencies.burst!.length },
      cpuPercent: burstCpu,
      lastEventSeenAfterMs: lastEventSeenAt ? lastEventSeenAt - burstStartedAt : null,
    },
    events: { sent: sentEvents.size, seen: [...sentEvents].filter((id) => seenEvents.has(id)).length, lost },
    peakRssMb: { broker: round(brokerMeter.peakRssMb), dashboard: round(dashboardMeter.peakRssMb) },
    targetP95Under1s: quantile(latencies.steady!, 0.95) < 1000 && quantile(latencies.burst!, 0.95) < 1000,
  };
  console.log(`fleet bench: ${KIOSKS} kiosks, birth acknowledged by the broker in ${birthAckedMs} ms, on the page in ${birthMs} ms`);
  console.log(`  steady: ${result.steady.pageMsgsPerSecond} msgs/s at the page, latency p50 ${result.steady.latencyMs.p50} ms, p95 ${result.steady.latencyMs.p95} ms; CPU broker ${steadyCpu.broker}% dashboard ${steadyCpu.dashboard}%`);
  console.log(`  burst after a broker restart: ${queuedAtRestart} queued, drained in ${drainedMs} ms, ${result.burst.pageMsgsPerSecond} msgs/s, fresh p50 ${result.burst.freshLatencyMs.p50} ms p95 ${result.burst.freshLatencyMs.p95} ms; CPU broker ${burstCpu.broker}% dashboard ${burstCpu.dashboard}%`);
  console.log(`  events sent ${result.events.sent}, seen ${result.events.seen}, lost ${lost}; peak RSS broker ${result.peakRssMb.broker} MB, dashboard ${result.peakRssMb.dashboard} MB`);
  console.log(JSON.stringify(result));
  process.exit(lost === 0 ? 0 : 1);
}

await main();
