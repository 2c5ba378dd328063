/**
 * `npm run bench:card [-- N]`: reads the whole virtual card N times (default 20) through our PC/SC
 * driver and pcscd + vpcd, then replays the very same APDUs N times through an independent PC/SC
 * client (Debian's python3-pyscard, /usr/bin/python3) on the same virtual card. The last line is
 * JSON: the median APDU round trip of each, and their ratio (ours / pyscard).
 */
import { spawn } from 'node:child_process';
import { PcscCardReader } from '../../devices/card-reader/drivers/pcsc/pcsc-card-reader.js';
import { hex } from '../../devices/card-reader/app/apdu.js';
import { SIMULATED_PIN } from '../../simulators/card-reader/profiles.js';
import { testPki } from '../../simulators/card-reader/virtual-card/test-pki.js';
import { VirtualCardTerminal } from '../../simulators/card-reader/virtual-card/virtual-card-terminal.js';
import { PcscdHarness, VIRTUAL_READER, VPCD_PORT } from '../integration/card/pcscd-harness.js';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 20);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const PYSCARD = `
import json, sys, time
from smartcard.System import readers
from smartcard.scard import SCARD_SHARE_EXCLUSIVE
job = json.load(sys.stdin)
reader = next(r for r in readers() if job['reader'] in str(r))
conn = reader.createConnection()
conn.connect(mode=SCARD_SHARE_EXCLUSIVE)
apdus = [list(bytes.fromhex(a)) for a in job['apdus']]
times = []
for _ in range(job['runs']):
    for apdu in apdus:
        t = time.perf_counter()
        conn.transmit(apdu)
        times.append((time.perf_counter() - t) * 1000)
conn.disconnect()
print(json.dumps(times))
`;

async function main(): Promise<void> {
  const harness = await PcscdHarness.start();
  const terminal = new VirtualCardTerminal({ port: VPCD_PORT });
  const ours: number[] = [];
  const wholeCard: number[] = [];
  let sequence: string[] = [];
  let recording: string[] | null = null;
  try {
    const reader = new PcscCardReader({
      reader: VIRTUAL_READER,
      trustAnchorsPem: [testPki().issuerCaPem],
      onExchange: (command, _response, ms) => {
        ours.push(ms);
        recording?.push(hex(command));
      },
    });
    await reader.open();
    await terminal.place('chan-tai-man');
    await until(() => reader.isCardPresent());
    for (let i = 0; i < runs; i++) {
      recording = i === 0 ? [] : null;
      const started = performance.now();
      await reader.readVisibleData();
      await reader.readFaceImage();
      await reader.readFingerprintReferences();
      await reader.verifyPin(SIMULATED_PIN);
      await reader.readProtectedData();
      await reader.checkAuthenticity();
      wholeCard.push(performance.now() - started);
      if (recording) sequence = recording;
    }
    await reader.close(); // releases the exclusive connection for the other client

    // Asynchronously: the virtual card answers from this process's event loop.
    const output = await runPython(PYSCARD, JSON.stringify({ reader: VIRTUAL_READER, apdus: sequence, runs }));
    const theirs = JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as number[];

    const driverMedianMs = median(ours);
    const pyscardMedianMs = median(theirs);
    console.log(`whole card: ${sequence.length} APDUs, median ${median(wholeCard).toFixed(1)} ms over ${runs} reads`);
    console.log(
      JSON.stringify({
        runs,
        apdusPerRead: sequence.length,
        wholeCardMedianMs: round(median(wholeCard)),
        driverMedianApduMs: round(driverMedianMs),
        pyscardMedianApduMs: round(pyscardMedianMs),
        ratio: round(driverMedianMs / pyscardMedianMs),
      }),
    );
  } finally {
    await terminal.close();
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

await main();
process.exit(0); // pcsclite's threads would otherwise keep the process alive
