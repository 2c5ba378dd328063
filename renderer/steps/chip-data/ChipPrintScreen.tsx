import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { Screen } from '../../ui/Screen.js';
import '../../ui/own-data-form.css';

type PrintPhase = { state: 'printing' } | { state: 'printed' } | { state: 'failed'; error: ApiErrorCode };

/**
 * Prints the chip's data (other names, parents' names, marital status) on paper. Nothing of it is
 * shown on this public screen: the host reads the chip and prints, and answers only "printed" or a
 * fault the resident can retry (paper out, cover open).
 */
export function ChipPrintScreen() {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [phase, setPhase] = useState<PrintPhase>({ state: 'printing' });
  const call = useRef<AbortController | undefined>(undefined);

  const print = useCallback(async () => {
    if (!api) return;
    call.current?.abort();
    const controller = (call.current = new AbortController());
    setPhase({ state: 'printing' });
    const result = await api.chipData.print({}, { signal: controller.signal });
    if (controller.signal.aborted) return;
    setPhase(result.ok ? { state: 'printed' } : { state: 'failed', error: result.error.code });
  }, [api]);

  useEffect(() => {
    void print();
    return () => call.current?.abort();
  }, [print]);

  return (
    <Screen
      title={t('chipData.printTitle')}
      actions={
        <>
          {phase.state === 'failed' && (
            <Button variant="secondary" onClick={() => void print()}>
              {t('chipData.printAgain')}
            </Button>
          )}
          <Button disabled={phase.state === 'printing'} onClick={() => void stepDone('print-result')}>
            {t('actions.finish')}
          </Button>
        </>
      }
    >
      {phase.state === 'printing' && (
        <p className="lead" role="status">
          {t('chipData.printing')}
        </p>
      )}
      {phase.state === 'printed' && (
        <>
          <p className="lead success" role="status">
            {t('chipData.printed')}
          </p>
          <p className="lead">{t('chipData.takeCard')}</p>
        </>
      )}
      {phase.state === 'failed' && (
        <p className="error" role="alert">
          {t('chipData.printFailed', { reason: t(`errors.${phase.error}`) })}
        </p>
      )}
    </Screen>
  );
}
