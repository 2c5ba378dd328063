import { useTranslation } from 'react-i18next';
import type { VisitState } from '../../electron/shared/kiosk-api/contract.js';
import { CardOffReaderPicture } from '../ui/CardOffReaderPicture.js';
import { Screen } from '../ui/Screen.js';

/**
 * The end of every visit with a card still on the reader (finished, cancelled, timed out): take it.
 * The host shows this until the card is lifted and calls staff after a while; the speaker says the
 * prompt even with read aloud off, after a chime (renderer/speech/speaker.ts), because the card is the
 * resident's own and they may already be turning away.
 */
export function TakeCardScreen({ prompt }: { prompt: Extract<VisitState, { phase: 'take-card' }> }) {
  const { t } = useTranslation();
  return (
    <Screen title={t('takeCard.title')} showLanguages={false}>
      <CardOffReaderPicture label={t('takeCard.picture')} />
      <p className="lead prompt" role="status" aria-live="assertive">
        {t('takeCard.prompt')}
      </p>
      {prompt.staffCalled && (
        <p className="lead" role="status" data-testid="take-card-staff">
          {t('takeCard.staffCalled')}
        </p>
      )}
    </Screen>
  );
}
