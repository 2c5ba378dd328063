import { useCallback, useState } from 'react';
import type { ApiErrorCode } from '../../../electron/host/bridge/errors.js';

/** A slip on the receipt printer: not yet, printing, printed, or failed with the code (paper out…) and a retry. */
export type SlipState = { state: 'idle' } | { state: 'printing' } | { state: 'printed' } | { state: 'failed'; error: ApiErrorCode };

export function useSlipPrint(print: () => Promise<{ ok: true } | { ok: false; error: { code: ApiErrorCode } }> | undefined): [SlipState, () => Promise<void>] {
  const [slip, setSlip] = useState<SlipState>({ state: 'idle' });
  const run = useCallback(async () => {
    setSlip({ state: 'printing' });
    const result = await print();
    if (!result) return setSlip({ state: 'failed', error: 'disconnected' });
    setSlip(result.ok ? { state: 'printed' } : { state: 'failed', error: result.error.code });
  }, [print]);
  return [slip, run];
}
