import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from '../../state/kiosk-store.js';

type Captures = ResultOf<'photo.forReview'>;

/**
 * The photo and signature the host holds for the application, side by side on the summary before
 * paying: what goes on the new card is what the resident sees here, not a copy the screen kept.
 */
export function ReviewCaptures() {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [captures, setCaptures] = useState<Captures | undefined>();

  useEffect(() => {
    if (!api) return undefined;
    const controller = new AbortController();
    void api.photo.forReview({}, { signal: controller.signal }).then((result) => {
      if (!controller.signal.aborted && result.ok) setCaptures(result.value);
    });
    return () => controller.abort();
  }, [api]);

  if (!captures) return <p className="review-captures-loading">{t('review.capturesLoading')}</p>;
  if (!captures.photo && !captures.signature) return null;
  return (
    <div className="review-captures">
      {captures.photo && (
        <figure>
          <img className="review-photo" src={`data:image/jpeg;base64,${captures.photo.jpegBase64}`} alt={t('review.photo')} data-testid="review-photo" />
          <figcaption>{t('review.photo')}</figcaption>
        </figure>
      )}
      {captures.signature && (
        <figure>
          <img className="review-signature" src={`data:image/png;base64,${captures.signature.pngBase64}`} alt={t('review.signature')} data-testid="review-signature" />
          <figcaption>{t('review.signature')}</figcaption>
        </figure>
      )}
    </div>
  );
}
