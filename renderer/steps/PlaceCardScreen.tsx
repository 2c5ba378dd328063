import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import { readCard } from '../flows/visit.js';
import { Button } from '../ui/Button.js';
import { DeviceGuidance } from '../ui/guidance/DeviceGuidance.js';
import { Screen } from '../ui/Screen.js';
import { CancelVisitButton } from '../ui/CancelVisitButton.js';

/**
 * The resident's own card on the reader. A card lifted mid-read (`keep-still`) is read again as soon
 * as it is back, without a tap; any other failure offers "Try again".
 */
export function PlaceCardScreen({ phase, error }: { phase: 'waiting' | 'reading' | 'keep-still' | 'lift' | 'failed'; error?: ApiErrorCode | undefined }) {
  const { t } = useTranslation();
  return (
    <Screen
      title={t('identify.title')}
      actions={
        <>
          <CancelVisitButton />
          {phase === 'failed' && <Button onClick={() => void readCard()}>{t('actions.retry')}</Button>}
        </>
      }
    >
      <DeviceGuidance device="card-reader" activity={phase === 'reading' ? 'working' : 'ready'} />
      <p className="lead" role="status" aria-live="polite">
        {phase === 'waiting' && t('identify.placeCard')}
        {phase === 'reading' && t('identify.reading')}
      </p>
      {phase === 'keep-still' && (
        <p className="error" role="alert" data-testid="keep-card-still">
          {t('identify.keepStill')}
        </p>
      )}
      {phase === 'lift' && (
        <p className="error" role="alert" data-testid="lift-card">
          {t('identify.lift')}
        </p>
      )}
      {phase === 'failed' && error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </Screen>
  );
}
