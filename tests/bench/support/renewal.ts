import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { SimulatorControls } from '../../../simulators/index.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message?: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message ?? ''}`);
  return result.value;
}

/**
 * One permanent renewal through the raw KioskApi, start to end: session, every step done for real
 * by the shared visit walker (simulators/scenarios/walk-visit.ts), the application paid, the session
 * ended. What the host bench times and the endurance bench repeats.
 */
export async function renewOnce(api: KioskApi, controls: SimulatorControls): Promise<void> {
  must(await api.session.start({ language: 'en' }), 'session.start');
  await walkVisit(api, controls, 'renew-permanent', { applicant: 'expired' });
  const started = must(await api.applications.start({ service: 'renew-permanent' }), 'applications.start');
  must(await api.applications.submit({ applicationId: started.applicationId, payment: 'unionpay-quickpass' }), 'applications.submit');
  controls['card-reader'].removeCard();
  must(await api.session.end({ reason: 'finished' }), 'session.end');
}

/** A short visit (the resident reads a card and leaves): what most of a kiosk's day of sessions is. */
export async function shortVisit(api: KioskApi, controls: SimulatorControls): Promise<void> {
  must(await api.session.start({ language: 'zh-Hant' }), 'session.start');
  await walkVisit(api, controls, 'renew-permanent', { applicant: 'expired', until: ['capture-fingerprints'] });
  controls['card-reader'].removeCard();
  must(await api.session.end({ reason: 'finished' }), 'session.end');
}

export const quick = process.env.BENCH_QUICK === '1';

export function stats(samples: number[]): { min: number; median: number; p90: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN).toFixed(1));
  return { min: at(0), median: at(0.5), p90: at(0.9), max: Number((sorted.at(-1) ?? NaN).toFixed(1)) };
}
