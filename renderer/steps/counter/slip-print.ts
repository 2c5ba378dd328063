import { useCallback, useState } from 'react';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { useKiosk } from '../../state/kiosk-store.js';

/** Paper problems the printer reports as its health detail (devices/receipt-printer/contract.ts). */
export const PAPER_PROBLEMS = ['paper-out', 'cover-open'] as const;
export type PaperProblem = (typeof PAPER_PROBLEMS)[number];

/**
 * A slip on the receipt printer: not yet, printing, printed, or failed with the code and a retry.
 * When the printer needs someone (`user-action-needed`), its health says what: out of paper or
 * cover open, so the screen can say so instead of a general "ask staff".
 */
export type SlipState = { state: 'idle' } | { state: 'printing' } | { state: 'printed' } | { state: 'failed'; error: ApiErrorCode; paper?: PaperProblem };

type PrintAnswer = { ok: true } | { ok: false; error: { code: ApiErrorCode } };

export function useSlipPrint(print: () => Promise<PrintAnswer> | undefined): [SlipState, () => Promise<void>] {
  const [slip, setSlip] = useState<SlipState>({ state: 'idle' });
  const run = useCallback(async () => {
    setSlip({ state: 'printing' });
    const result = await print();
    if (!result) return setSlip({ state: 'failed', error: 'disconnected' });
    if (result.ok) return setSlip({ state: 'printed' });
    const paper = result.error.code === 'user-action-needed' ? await paperProblem() : undefined;
    setSlip(paper ? { state: 'failed', error: result.error.code, paper } : { state: 'failed', error: result.error.code });
  }, [print]);
  return [slip, run];
}

async function paperProblem(): Promise<PaperProblem | undefined> {
  const health = await useKiosk.getState().api?.kiosk.health({});
  const detail = health?.ok ? health.value.devices.find((d) => d.device === 'receipt-printer')?.detail : undefined;
  return PAPER_PROBLEMS.find((problem) => problem === detail);
}
