// `npm run bench:serial`: median round trips over real ptys (socat), driver to simulated far end.
// A payment-terminal status enquiry (ECR frame, ACK, answer frame, ACK) and a full height
// measurement (start stream, three agreeing readings, stop). The last line is one JSON object.
import { toPaymentReference } from '../../devices/payment-terminal/contract.js';
import { startGaugePeer, startPaymentPeer } from '../integration/serial/peers.js';

const ENQUIRIES = 200;
const MEASUREMENTS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

async function benchPayment(): Promise<number[]> {
  // A slow heartbeat so it never shares the line with a timed enquiry.
  const rig = await startPaymentPeer({}, { heartbeatMs: 60_000 });
  try {
    await rig.device.open();
    await rig.device.sale({ amountAvos: 100, currency: 'MOP', reference: toPaymentReference('BENCH-1'), tender: 'unionpay-quickpass' });
    const times: number[] = [];
    for (let i = 0; i < ENQUIRIES; i++) {
      const start = performance.now();
      await rig.device.enquire(toPaymentReference('BENCH-1'));
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await rig.stop();
  }
}

async function benchGauge(sampleMs: number): Promise<number[]> {
  const rig = await startGaugePeer({ sampleMs }, { heartbeatMs: 60_000 });
  try {
    await rig.device.open();
    rig.peer.control.setHeightMm(1_700);
    const times: number[] = [];
    for (let i = 0; i < MEASUREMENTS; i++) {
      const start = performance.now();
      await rig.device.measure({ timeoutMs: 5_000 });
      times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 5)); // let the stop reach the gauge
    }
    return times;
  } finally {
    await rig.stop();
  }
}

const payment = await benchPayment();
const sampleMs = 5;
const gauge = await benchGauge(sampleMs);
const result = {
  bench: 'serial',
  transport: 'socat pty pair',
  paymentEnquiryMedianMs: round(median(payment)),
  paymentEnquiryP95Ms: round([...payment].sort((a, b) => a - b)[Math.floor(payment.length * 0.95)] ?? 0),
  enquiries: ENQUIRIES,
  heightMeasurementMedianMs: round(median(gauge)),
  heightMeasurements: MEASUREMENTS,
  gaugeSampleMs: sampleMs,
  stableReadings: 3,
};
console.log(`payment terminal status enquiry: median ${result.paymentEnquiryMedianMs} ms, p95 ${result.paymentEnquiryP95Ms} ms (${ENQUIRIES} runs)`);
console.log(`height measurement (3 stable readings at ${sampleMs} ms): median ${result.heightMeasurementMedianMs} ms (${MEASUREMENTS} runs)`);
console.log(JSON.stringify(result));
