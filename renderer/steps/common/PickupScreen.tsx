import { useTranslation } from 'react-i18next';
import { stepDone } from '../../flows/service-flow.js';
import { type PickupOption, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatInstant } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './common-steps.css';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';

/** Where to collect the new card, each place with its address and the ready time the host computed. */
export function PickupScreen({ options }: { options: PickupOption[] }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  return (
    <Screen
      title={t('pickup.title')}
      actions={
        <CancelVisitButton />
      }
    >
      <div className="option-list">
        {options.map((option) => (
          <Button key={option.place} variant="secondary" className="option-button" data-place={option.place} data-speak data-speak-clips={`speech.data.pickupPlace pickupPlaces.${option.place}`} onClick={() => stepDone('choose-pickup', { pickup: option, request: { pickupPlace: option.place } })}>
            <span>{t(`pickupPlaces.${option.place}`)}</span>
            <span className="option-detail">{option.address[language]}</span>
            <span className="option-detail">{t('pickup.readyAt', { when: formatInstant(option.readyAt, language) })}</span>
            {option.collectWithinDays !== null && <span className="option-detail">{t('pickup.collectWithin', { days: option.collectWithinDays })}</span>}
          </Button>
        ))}
      </div>
    </Screen>
  );
}
