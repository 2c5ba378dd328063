/**
 * `npm run bench:card [-- N]`: the PC/SC driver against an independent PC/SC client on the same
 * virtual card and the same pcscd. The card's link to vpcd goes through a small relay that sets
 * TCP_QUICKACK (tests/bench/quickack-relay.py): without it, vpcd's delayed-ACK stall (~40 ms) is 99%
 * of every round trip and no ratio says anything about the driver.
 *
 * After a warm-up, N times (default 50) the whole card is read through our stack (six calls: visible data, face,
 * fingerprints, PIN, protected data, authenticity); the very same APDUs of each call are then
 * replayed N times through python3-pyscard. Printed: per APDU, median and p95 of each and their
 * difference in ms; per call, the driver's whole call against the same APDUs through pyscard (the
 * ratio, target ≤ 1.2); the time to read a whole card. The last line is JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PcscCardReader } from '../../devices/card-reader/drivers/pcsc/pcsc-card-reader.js';
import { hex } from '../../devices/card-reader/app/apdu.js';
import { SIMULATED_PIN } from '../../simulators/card-reader/profiles.js';
import { PcscdHarness, VIRTUAL_READER, VPCD_PORT } from '../../simulators/card-reader/virtual-card/pcscd.js';
import { testPki } from '../../simulators/card-reader/virtual-card/test-pki.js';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 50);
/** Whole-card reads before measuring: the JIT warms up (pyscard's C path has nothing to warm). */
const WARM_UP = 20;
const CALLS = ['readVisibleData', 'readFaceImage', 'readFingerprintReferences', 'verifyPin', 'readProtectedData', 'checkAuthenticity'] as const;
type Call = (typeof CALLS)[number];

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}
const median = (values: readonly number[]): number => quantile(values, 0.5);
const p95 = (values: readonly number[]): number => quantile(values, 0.95);
const round = (value: number): number => Math.round(value * 1000) / 1000;

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// pyscard: the APDUs of each call, replayed `runs` times; per APDU times and per call sums (ms).
const PYSCARD = `
import json, sys, time
from smartcard.System import readers
from smartcard.scard import SCARD_SHARE_EXCLUSIVE
job = json.load(sys.stdin)
reader = next(r for r in readers() if job['reader'] in str(r))
conn = reader.createConnection()
conn.connect(mode=SCARD_SHARE_EXCLUSIVE)
calls = {name: [list(bytes.fromhex(a)) for a in apdus] for name, apdus in job['calls'].items()}
apdu_ms, call_ms, card_ms = [], {name: [] for name in calls}, []
for _ in range(job['runs']):
    card_start = time.perf_counter()
    for name, apdus in calls.items():
        call_start = time.perf_counter()
        for apdu in apdus:
            t = time.perf_counter()
            conn.transmit(apdu)
            apdu_ms.append((time.perf_counter() - t) * 1000)
        call_ms[name].append((time.perf_counter() - call_start) * 1000)
    card_ms.append((time.perf_counter() - card_start) * 1000)
conn.disconnect()
print(json.dumps({'apdu': apdu_ms, 'calls': call_ms, 'card': card_ms}))
`;

async function startRelay(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn('/usr/bin/python3', [join(import.meta.dirname, 'quickack-relay.py'), String(VPCD_PORT)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { port: Number(line), child };
}

/** The card in its own process (tests/bench/virtual-card-process.ts), placed and lifted over stdin. */
async function startCard(port: number): Promise<{ send(command: string): Promise<void>; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'virtual-card-process.ts'), String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  answers.on('line', (line) => waiting.shift()?.(line));
  return {
    child,
    send: (command) =>
      new Promise<void>((resolve, reject) => {
        waiting.push((line) => (line === 'ok' ? resolve() : reject(new Error(line))));
        child.stdin!.write(`${command}\n`);
      }),
  };
}

async function main(): Promise<void> {
  const harness = await PcscdHarness.start();
  const relay = await startRelay();
  const card = await startCard(relay.port);
  const apduMs: number[] = [];
  const callMs = Object.fromEntries(CALLS.map((c) => [c, [] as number[]])) as Record<Call, number[]>;
  const cardMs: number[] = [];
  const sequences = Object.fromEntries(CALLS.map((c) => [c, [] as string[]])) as Record<Call, string[]>;
  let recording: string[] | null = null;
  let measuring = false;
  try {
    const reader = new PcscCardReader({
      reader: VIRTUAL_READER,
      trustAnchorsPem: [testPki().issuerCaPem],
      onExchange: (command, _response, ms) => {
        if (measuring) apduMs.push(ms);
        recording?.push(hex(command));
      },
    });
    await reader.open();
    await card.send('place chan-tai-man');
    await until(() => reader.isCardPresent());
    const call = (name: Call): Promise<unknown> => (name === 'verifyPin' ? reader.verifyPin(SIMULATED_PIN) : reader[name]());
    for (const name of CALLS) {
      recording = sequences[name]; // the first (warm-up) read records each call's APDUs
      await call(name);
    }
    recording = null;
    for (let i = 0; i < WARM_UP; i++) for (const name of CALLS) await call(name);
    measuring = true;
    for (let i = 0; i < runs; i++) {
      const cardStart = performance.now();
      for (const name of CALLS) {
        const started = performance.now();
        await call(name);
        callMs[name].push(performance.now() - started);
      }
      cardMs.push(performance.now() - cardStart);
    }
    await reader.close(); // the card connection is exclusive: the other client's turn

    const output = await runPython(PYSCARD, JSON.stringify({ reader: VIRTUAL_READER, calls: sequences, runs }));
    const theirs = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { apdu: number[]; calls: Record<Call, number[]>; card: number[] };

    const perCall = Object.fromEntries(
      CALLS.map((name) => [name, { apdus: sequences[name].length, driverMs: round(median(callMs[name])), pyscardMs: round(median(theirs.calls[name])), ratio: round(median(callMs[name]) / median(theirs.calls[name])) }]),
    );
    const driverCalls = CALLS.reduce((sum, name) => sum + median(callMs[name]), 0);
    const pyscardCalls = CALLS.reduce((sum, name) => sum + median(theirs.calls[name]), 0);
    for (const [name, figures] of Object.entries(perCall)) console.log(`${name.padEnd(26)} ${JSON.stringify(figures)}`);
    console.log(
      `per APDU: driver median ${median(apduMs).toFixed(3)} ms (p95 ${p95(apduMs).toFixed(3)}), pyscard median ${median(theirs.apdu).toFixed(3)} ms (p95 ${p95(theirs.apdu).toFixed(3)})`,
    );
    console.log(`whole card (${CALLS.length} calls, ${Object.values(sequences).flat().length} APDUs): driver ${median(cardMs).toFixed(1)} ms, pyscard ${median(theirs.card).toFixed(1)} ms`);
    console.log(
      JSON.stringify({
        runs,
        quickAck: true,
        apdusPerCard: Object.values(sequences).flat().length,
        driverApduMedianMs: round(median(apduMs)),
        driverApduP95Ms: round(p95(apduMs)),
        pyscardApduMedianMs: round(median(theirs.apdu)),
        pyscardApduP95Ms: round(p95(theirs.apdu)),
        apduMedianDifferenceMs: round(median(apduMs) - median(theirs.apdu)),
        wholeCallRatio: round(driverCalls / pyscardCalls),
        worstCallRatio: Math.max(...Object.values(perCall).map((c) => c.ratio)),
        wholeCardMedianMs: round(median(cardMs)),
        pyscardWholeCardMedianMs: round(median(theirs.card)),
      }),
    );
  } finally {
    await card.send('remove').catch(() => undefined);
    card.child.stdin?.end();
    relay.child.stdin?.end();
    await harness.stop();
  }
}

function runPython(script: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`pyscard failed (${code}): ${stderr}`))));
    child.stdin.end(input);
  });
}

await main();
process.exit(0); // pcsclite's threads would otherwise keep the process alive
