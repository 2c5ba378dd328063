import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { SIGNATURE_MIN_INK } from '../../../electron/shared/kiosk-api/contract.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { Screen } from '../../ui/Screen.js';
import '../photo/capture.css';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';

/** Minimum ink: enough stroke length and breadth that a dot or a tick is not a signature (the host checks the image too). */
export const MIN_INK = SIGNATURE_MIN_INK;

/** The electronic signature for a permanent renewal. [001 ID Q30] */
export function SignatureScreen() {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const pad = useRef<SignaturePadHandle>(null);
  // Nothing drawn yet, or drawn but too little to be a signature: each says what to do.
  const [problem, setProblem] = useState<'empty' | 'tooLittle' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorCode | undefined>();

  const confirm = async () => {
    const ink = pad.current?.ink();
    if (!api || !pad.current) return;
    if (!ink || ink.length === 0) return setProblem('empty');
    if (ink.length < MIN_INK.length || ink.width < MIN_INK.width) return setProblem('tooLittle');
    setBusy(true);
    const result = await api.signature.submit({ pngBase64: await pad.current.toPngBase64() });
    setBusy(false);
    if (!result.ok) return setError(result.error.code);
    stepDone('signature');
  };

  return (
    <Screen
      title={t('signature.title')}
      actions={
        <>
          <CancelVisitButton />
          <Button variant="secondary" onClick={() => pad.current?.clear()}>
            {t('signature.clear')}
          </Button>
          <Button disabled={busy} onClick={() => void confirm()}>
            {t('signature.confirm')}
          </Button>
        </>
      }
    >
      <p className="lead">{t('signature.hint')}</p>
      <SignaturePad ref={pad} label={t('signature.pad')} onChange={() => setProblem(null)} />
      {problem && (
        <p className="error" role="alert" data-problem={problem}>
          {t(`signature.${problem}`)}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </Screen>
  );
}
