import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import { Button } from './Button.js';
import { DeviceGuidance } from './guidance/DeviceGuidance.js';
import { Screen } from './Screen.js';

/**
 * "Place the other person's card": a step that reads a second card (the subject of a contact
 * change, the spouse) waits on this screen; a failed read says why and offers to try again.
 */
export function PlaceOtherCardScreen({
  title,
  hint,
  error,
  cancel,
  onRetry,
}: {
  title: string;
  hint: string;
  error: ApiErrorCode | undefined;
  cancel: ReactNode;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Screen
      title={title}
      actions={
        <>
          {cancel}
          {error && <Button onClick={onRetry}>{t('actions.retry')}</Button>}
        </>
      }
    >
      <DeviceGuidance device="card-reader" activity="ready" />
      <p className="lead">{hint}</p>
      {error ? (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      ) : (
        <p className="lead" role="status">
          {t('contact.waitingForCard')}
        </p>
      )}
    </Screen>
  );
}
