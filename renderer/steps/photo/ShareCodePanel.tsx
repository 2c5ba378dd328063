import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { PinPad } from '../fingerprint/PinPad.js';

type Answer = ResultOf<'photo.fromShareCode'>;

/** The 一戶通 "My Photo" path: the resident types the share code, the host fetches and crops. */
export function ShareCodePanel({ onPhoto }: { onPhoto: (dataUrl: string) => void }) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Exclude<Answer, { outcome: 'found' }> | undefined>();
  const [error, setError] = useState<ApiErrorCode | undefined>();

  const submit = async (code: string) => {
    if (!api) return;
    setBusy(true);
    setError(undefined);
    const result = await api.photo.fromShareCode({ code });
    setBusy(false);
    if (!result.ok) return setError(result.error.code);
    if (result.value.outcome === 'found') return onPhoto(`data:image/jpeg;base64,${result.value.photo.jpegBase64}`);
    setAnswer(result.value);
  };

  const exhausted = answer?.outcome === 'not-found' && answer.triesLeft === 0;
  return (
    <section aria-labelledby="share-code-title">
      <h2 id="share-code-title">{t('photo.shareCode.title')}</h2>
      <p className="lead">{t('photo.shareCode.hint')}</p>
      {busy && <p role="status">{t('photo.shareCode.fetching')}</p>}
      {answer?.outcome === 'not-found' && (
        <p className="error" role="alert">
          {t('photo.shareCode.notFound', { count: answer.triesLeft })}
        </p>
      )}
      {answer?.outcome === 'too-old' && (
        <p className="error" role="alert">
          {t('photo.shareCode.tooOld')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {!exhausted && <PinPad busy={busy} onSubmit={(code) => void submit(code)} />}
    </section>
  );
}
