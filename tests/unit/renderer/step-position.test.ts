import { describe, expect, it } from 'vitest';
import type { VisitState } from '../../../electron/shared/kiosk-api/contract.js';
import { stepPosition } from '../../../renderer/flows/step-position.js';

type Stepping = Extract<VisitState, { phase: 'steps' }>;
const plan = (kinds: string[], current: number): Stepping =>
  ({ phase: 'steps', steps: kinds.map((kind, i) => ({ step: { kind }, status: i < current ? 'done' : i === current ? 'current' : 'pending' })) }) as unknown as Stepping;

describe('"Step n of N" from the host plan', () => {
  const renewal = ['read-card', 'verify-identity', 'capture-fingerprints', 'photo', 'scan-card', 'signature', 'choose-pickup', 'review', 'payment', 'receipt'];

  it('counts the steps the resident works through: the receipt, where the visit ends, is not one', () => {
    expect(stepPosition(plan(renewal, 0))).toEqual({ n: 1, total: 9 });
    expect(stepPosition(plan(renewal, 7))).toEqual({ n: 8, total: 9 });
    expect(stepPosition(plan(renewal, 8))).toEqual({ n: 9, total: 9 });
    expect(stepPosition(plan(renewal, 9))).toBeUndefined();
  });

  it('follows the plan the host holds (a plan with height has one step more)', () => {
    const withHeight = [...renewal.slice(0, 4), 'height', ...renewal.slice(4)];
    expect(stepPosition(plan(withHeight, 4))).toEqual({ n: 5, total: 10 });
    expect(stepPosition(undefined)).toBeUndefined();
  });
});
